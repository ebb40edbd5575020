'use client';

export default function ProductsError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-xl rounded-xl border border-red-200 bg-red-50 p-6 text-center text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
      <h1 className="font-semibold">The products dashboard could not be loaded.</h1>
      <p className="mt-1 text-sm">This is on our side; your filters are kept in the address bar.</p>
      <button type="button" onClick={reset} className="mt-3 rounded-lg bg-red-600 px-3 py-1.5 text-sm text-white">Try again</button>
    </div>
  );
}
