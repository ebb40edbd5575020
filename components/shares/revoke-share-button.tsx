'use client';

// Revokes one share link through DELETE /api/shares/{id}, after the owner confirms, then re-renders the list.
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { ConfirmButton } from '@/components/ui/confirm-button';

export function RevokeShareButton({ id, label }: { id: string; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const revoke = async () => {
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
      <ConfirmButton
        className="px-2 py-1 text-xs"
        disabled={busy || pending}
        ariaLabel={`Revoke ${label}`}
        title={`Revoke "${label}"?`}
        message="Anyone opening the link will be told it was revoked. This cannot be undone."
        confirmLabel="Revoke link"
        onConfirm={revoke}
      >
        {busy || pending ? 'Revoking…' : 'Revoke'}
      </ConfirmButton>
      {error && <span role="alert" className="text-xs text-red-600">{error}</span>}
    </span>
  );
}
