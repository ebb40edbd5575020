'use client';

// The Share dialog: freezes the view on screen into a link for someone without an account. The link's
// token is shown once, here; afterwards the link can be managed (not re-copied) under "Shared links".
import Link from 'next/link';
import { useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { viewerTimeZone } from '@/components/ui/date-time';
import { formatDateTime } from '@/lib/format';

const EXPIRY_CHOICES = [
  { value: '1', label: '1 day' },
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: 'custom', label: 'Custom' },
  { value: 'never', label: 'Never (admins only)' },
] as const;
type ExpiryChoice = (typeof EXPIRY_CHOICES)[number]['value'];

interface Created {
  url: string;
  expiresAt: string | null;
  regions: string[];
}

const FIELD = 'mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-950';

export function ShareDialog({ path, regions, canExport, isAdmin }: { path: string; regions: string[]; canExport: boolean; isAdmin: boolean }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = useId();
  const [label, setLabel] = useState('');
  const [expiry, setExpiry] = useState<ExpiryChoice>('7');
  const [customDays, setCustomDays] = useState('14');
  const [chosen, setChosen] = useState<string[]>(regions);
  const [allowExport, setAllowExport] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [copied, setCopied] = useState(false);

  const open = () => {
    setCreated(null);
    setError(null);
    setCopied(false);
    setChosen(regions);
    dialog.current?.showModal();
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const expiresInDays = expiry === 'never' ? null : Number(expiry === 'custom' ? customDays : expiry);
      const response = await fetch('/api/shares', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ path, expiresInDays, label, allowExport, regions: chosen.length === regions.length ? undefined : chosen }),
      });
      const body = await response.json().catch(() => null);
      if (!response.ok) throw new Error(body?.error?.message ?? 'The link could not be created. Please try again.');
      setCreated(body as Created);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    if (!created) return;
    await navigator.clipboard?.writeText(created.url).catch(() => undefined);
    setCopied(true);
  };

  const toggleRegion = (region: string) =>
    setChosen((current) => (current.includes(region) ? current.filter((r) => r !== region) : [...current, region]));

  return (
    <>
      <Button type="button" variant="secondary" onClick={open} data-testid="share-open">Share</Button>
      <dialog ref={dialog} aria-labelledby={`${ids}-title`} className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-100">
        <div className="p-5">
          <h2 id={`${ids}-title`} className="text-lg font-semibold">Share this view</h2>
          <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">
            Anyone with the link sees this dashboard read only, with these filters, and never more than you may see.
          </p>
          {created ? (
            <div className="mt-4 space-y-3" data-testid="share-created">
              <label className="block text-sm font-medium" htmlFor={`${ids}-url`}>Link</label>
              <div className="flex gap-2">
                <input id={`${ids}-url`} readOnly value={created.url} onFocus={(e) => e.target.select()} className={`${FIELD} mt-0 font-mono`} data-testid="share-url" />
                <Button type="button" onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>
              </div>
              <p className="text-sm text-slate-600 dark:text-slate-300">
                {created.regions.join(', ')} · {created.expiresAt ? `expires ${formatDateTime(created.expiresAt, viewerTimeZone())}` : 'never expires'}.
                This is the only time the link is shown; you can revoke it under <Link href="/shares" className="text-brand-600 hover:underline">Shared links</Link>.
              </p>
              <div className="flex justify-end">
                <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>Done</Button>
              </div>
            </div>
          ) : (
            <form onSubmit={submit} className="mt-4 space-y-4">
              <label className="block text-sm font-medium">
                Label <span className="font-normal text-slate-500 dark:text-slate-400">(optional, for your list of links)</span>
                <input value={label} onChange={(e) => setLabel(e.target.value)} maxLength={120} className={FIELD} placeholder="e.g. Weekly review for the board" />
              </label>
              <fieldset>
                <legend className="text-sm font-medium">Expires after</legend>
                <div className="mt-1 flex flex-wrap gap-3 text-sm">
                  {EXPIRY_CHOICES.filter((c) => c.value !== 'never' || isAdmin).map((c) => (
                    <label key={c.value} className="flex items-center gap-1.5">
                      <input type="radio" name="expiry" value={c.value} checked={expiry === c.value} onChange={() => setExpiry(c.value)} />
                      {c.value === 'never' ? 'Never' : c.label}
                    </label>
                  ))}
                </div>
                {expiry === 'custom' && (
                  <label className="mt-2 flex items-center gap-2 text-sm">
                    <input type="number" min={1} max={365} required value={customDays} onChange={(e) => setCustomDays(e.target.value)} className={`${FIELD} mt-0 w-24`} aria-label="Days until the link expires" />
                    days (at most 365)
                  </label>
                )}
              </fieldset>
              {regions.length > 1 && (
                <fieldset>
                  <legend className="text-sm font-medium">Regions the link may show</legend>
                  <div className="mt-1 flex flex-wrap gap-3 text-sm">
                    {regions.map((region) => (
                      <label key={region} className="flex items-center gap-1.5">
                        <input type="checkbox" checked={chosen.includes(region)} onChange={() => toggleRegion(region)} />
                        {region}
                      </label>
                    ))}
                  </div>
                </fieldset>
              )}
              {canExport && (
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" checked={allowExport} onChange={(e) => setAllowExport(e.target.checked)} />
                  Allow CSV export of the detail table
                </label>
              )}
              {error && <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-200">{error}</p>}
              <div className="flex justify-end gap-2">
                <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>Cancel</Button>
                <Button type="submit" disabled={busy || chosen.length === 0} data-testid="share-create">{busy ? 'Creating…' : 'Create link'}</Button>
              </div>
            </form>
          )}
        </div>
      </dialog>
    </>
  );
}
