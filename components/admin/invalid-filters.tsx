import type { ZodError } from 'zod';
import { describeZodError } from '@/lib/errors';

/** Shown instead of results when the URL's filters do not parse (a hand-edited or stale link). */
export function InvalidFilters({ error, resetHref }: { error: ZodError; resetHref: string }) {
  return (
    <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-4 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-300">
      <p className="font-medium">These filters are not valid.</p>
      <p className="mt-1">{describeZodError(error)}</p>
      <a href={resetHref} className="mt-2 inline-block font-medium underline">Clear the filters</a>
    </div>
  );
}
