'use client';

import { Button } from '@/components/ui/button';

// Refused filters (a region outside the caller's scope, a malformed date) land here too: the message
// stays generic because server errors reach the client without their text in production.
export default function CustomersError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-6 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-300">
      <p className="font-medium">The customer dashboard could not be loaded.</p>
      <p className="mt-1">Check the filters in the address (dates, regions, stores), or try again in a moment.</p>
      <Button variant="secondary" className="mt-4" onClick={reset}>Try again</Button>
    </div>
  );
}
