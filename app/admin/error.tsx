'use client';

import { Button } from '@/components/ui/button';

// Unexpected failures only: refusals (last admin, taken email, bad input) come back as form messages.
export default function AdminError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-6 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-300">
      <p className="font-medium">This admin page could not be loaded.</p>
      <p className="mt-1">Something went wrong on our side. Nothing was changed.</p>
      <Button variant="secondary" className="mt-4" onClick={reset}>Try again</Button>
    </div>
  );
}
