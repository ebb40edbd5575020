'use client';
// Acknowledges one alert (POST /api/alerts/{id}/ack), then re-renders the page's server components so the
// alert leaves the open list. Failures are shown next to the button, in the API's own words.
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';

export function AcknowledgeButton({ alertId, label }: { alertId: number; label: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [refreshing, startTransition] = useTransition();

  async function acknowledge() {
    setSending(true);
    setError(null);
    try {
      const res = await fetch(`/api/alerts/${alertId}/ack`, { method: 'POST' });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        setError(body?.error?.message ?? `Could not acknowledge (HTTP ${res.status}).`);
        return;
      }
      startTransition(() => router.refresh());
    } catch {
      setError('Could not reach the server. Try again.');
    } finally {
      setSending(false);
    }
  }

  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button type="button" variant="secondary" className="px-2 py-1 text-xs" onClick={acknowledge}
        disabled={sending || refreshing} aria-label={`Acknowledge ${label}`} data-testid="acknowledge-alert">
        {sending || refreshing ? 'Acknowledging…' : 'Acknowledge'}
      </Button>
      {error && <span role="alert" className="text-xs text-red-600 dark:text-red-400">{error}</span>}
    </span>
  );
}
