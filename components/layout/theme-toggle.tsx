'use client';

export function ThemeToggle() {
  function toggle() {
    const dark = !document.documentElement.classList.contains('dark');
    document.documentElement.classList.toggle('dark', dark);
    localStorage.setItem('rw-theme', dark ? 'dark' : 'light');
    window.dispatchEvent(new CustomEvent('rw-theme-change', { detail: dark ? 'dark' : 'light' }));
  }
  return (
    <button type="button" onClick={toggle} aria-label="Toggle dark mode" className="rounded-lg px-2 py-1 text-sm hover:bg-slate-100 dark:hover:bg-slate-800">
      <span className="dark:hidden">☾</span>
      <span className="hidden dark:inline">☀</span>
    </button>
  );
}
