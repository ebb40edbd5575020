// "Skip to content": the first thing Tab reaches on every page with a shell, so a keyboard or screen
// reader user need not walk the navigation on each page. Hidden until focused.
export const MAIN_ID = 'main-content';

export function SkipLink() {
  return (
    <a
      href={`#${MAIN_ID}`}
      className="sr-only focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:z-50 focus:rounded-lg focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:text-brand-700 focus:shadow-lg focus:ring-2 focus:ring-brand-500 dark:focus:bg-slate-900 dark:focus:text-brand-100"
    >
      Skip to content
    </a>
  );
}
