'use client';

import { Button } from '@/components/ui/button';

/**
 * The error boundary of every dashboard route. Filters that cannot be read are handled by the page
 * itself (InvalidView); this catches what is left, and server errors reach the client without their text.
 */
export function DashboardError({ label, reset }: { label: string; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-xl rounded-xl border border-red-200 bg-red-50 p-6 text-center text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
      <h1 className="font-semibold">The {label} could not be loaded.</h1>
      <p className="mt-1 text-sm">This is on our side; your filters are kept in the address bar.</p>
      <Button variant="danger" className="mt-3" onClick={reset}>Try again</Button>
    </div>
  );
}
