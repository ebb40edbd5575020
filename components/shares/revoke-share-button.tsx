'use client';

// Revokes one share link through DELETE /api/shares/{id}, then re-renders the list.
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';

export function RevokeShareButton({ id, label }: { id: string; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const revoke = async () => {
    if (!window.confirm(`Revoke "${label}"? Anyone opening it will be told it was revoked.`)) return;
    setBusy(true);
    setError(null);
    const response = await fetch(`/api/shares/${id}`, { method: 'DELETE' });
    setBusy(false);
    if (!response.ok) {
      const body = await response.json().catch(() => null);
      setError(body?.error?.message ?? 'Could not revoke the link.');
      return;
    }
    startTransition(() => router.refresh());
  };

  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button type="button" variant="danger" className="px-2 py-1 text-xs" onClick={revoke} disabled={busy || pending} aria-label={`Revoke ${label}`}>
        {busy || pending ? 'Revoking…' : 'Revoke'}
      </Button>
      {error && <span role="alert" className="text-xs text-red-600">{error}</span>}
    </span>
  );
}
