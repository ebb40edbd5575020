'use client';

import { Button } from '@/components/ui/button';
import { viewRefusalMessage } from '@/lib/view-refusals';

/**
 * The error boundary of every dashboard route. Filters that cannot be read are handled by the page
 * itself (InvalidView); this catches what is left, and server errors reach the client without their text
 * (but with their digest, which says when the view was refused as too broad or the portal is busy).
 */
export function DashboardError({ label, error, reset }: { label: string; error: Error & { digest?: string }; reset: () => void }) {
  const refusal = viewRefusalMessage(error);
  return (
    <div role="alert" className="mx-auto max-w-xl rounded-xl border border-red-200 bg-red-50 p-6 text-center text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
      <h1 className="font-semibold">The {label} could not be loaded.</h1>
      <p className="mt-1 text-sm">{refusal ?? 'This is on our side; your filters are kept in the address bar.'}</p>
      <Button variant="danger" className="mt-3" onClick={reset}>Try again</Button>
    </div>
  );
}
