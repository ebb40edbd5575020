// The frame of a shared dashboard: who shared it, what it covers and until when, and its live updates.
// No navigation: the viewer can change this view's filters, nothing else.
import { getShareScope } from '@/lib/auth/share-page-scope';
import { LiveUpdatesProvider } from '@/components/live/live-updates';
import { ThemeToggle } from '@/components/layout/theme-toggle';
import { SkipLink, MAIN_ID } from '@/components/layout/skip-link';
import { formatDateTime } from '@/lib/format';
import { env } from '@/lib/env';

export default async function SharedViewLayout({ children, params }: { children: React.ReactNode; params: Promise<{ token: string }> }) {
  const { token } = await params;
  const result = await getShareScope(token);
  if (!result.ok) return children;
  const { scope } = result;
  const share = scope.owner.share;
  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink />
      <header className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-900">
        <span className="flex items-center gap-2 font-semibold">
          <span className="flex h-7 w-7 items-center justify-center rounded-lg bg-brand-600 text-sm text-white">R</span>
          RetailWave
        </span>
        <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700 dark:bg-slate-800 dark:text-brand-100" data-testid="shared-badge">
          Shared view · read only
        </span>
        <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="share-details">
          {share.label && <span className="font-medium">{share.label} · </span>}
          Shared by {share.sharer.name} · {scope.regions.join(', ')} · {share.expiresAt ? `expires ${formatDateTime(share.expiresAt, env().REPORTING_TIME_ZONE)}` : 'never expires'}
        </p>
        <div className="ml-auto">
          <ThemeToggle />
        </div>
      </header>
      <main id={MAIN_ID} tabIndex={-1} className="flex-1 p-4 focus:outline-none md:p-6">
        {/* Live for share viewers too: the link's own stream, clipped to the link's regions on the server. */}
        <LiveUpdatesProvider streamUrl={`/s/${token}/stream`}>{children}</LiveUpdatesProvider>
      </main>
    </div>
  );
}
