import Link from 'next/link';
import { scopeCan } from '@/lib/auth/scope';
import type { DashboardView } from './load-view';
import { serializeDashboardState } from '@/lib/filters/dashboard-state';
import { regionNameOf } from '@/lib/filters/regions';
import type { LiveWatch } from '@/lib/realtime/change-message';
import { FilterBar } from '@/components/filters/filter-bar';
import { LiveIndicator } from '@/components/live/live-indicator';
import { LiveRefresh } from '@/components/live/live-updates';
import { ShareDialog } from '@/components/shares/share-dialog';

/**
 * Title, live badge, period, Share (for those who may), filter bar and — when the viewer's regions clipped
 * a copied or shared view — a notice saying what was removed. Under a LiveUpdatesProvider the page
 * refreshes when a change touches its regions, stores and days (`liveDates`, default the view's range).
 */
export function DashboardHeader({ title, view, liveDates, children }: {
  title: string;
  view: DashboardView;
  liveDates?: LiveWatch['dates'];
  children?: React.ReactNode;
}) {
  const { scope, links } = view;
  const filters = view.filtersFor();
  const owner = scope.owner;
  const query = serializeDashboardState({ ...view.state, page: 1 });
  // the regions the tiles read: the filter's within the viewer's, not every region the viewer may see
  const shownRegions = filters.regionIds.map((id) => regionNameOf(id) ?? String(id));
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-xl font-semibold">{title}</h1>
            <LiveIndicator />
          </div>
          <LiveRefresh
            regions={shownRegions}
            dates={liveDates ?? view.range}
            stores={filters.stores}
          />
          <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="view-summary">
            {view.range.from} to {view.range.to} · {shownRegions.join(', ')}
            {filters.stores.length > 0 && ` · ${filters.stores.length === 1 ? 'store' : 'stores'} ${filters.stores.join(', ')}`}
          </p>
        </div>
        <div className="flex items-end gap-3">
          {children}
          {owner.kind === 'user' && scopeCan(scope, 'share') && (
            <ShareDialog
              path={query ? `${links.basePath}?${query}` : links.basePath}
              regions={[...scope.regions]}
              canExport={scopeCan(scope, 'export')}
              isAdmin={owner.user.role === 'admin'}
            />
          )}
        </div>
      </div>
      {view.removed.length > 0 && (
        <p role="status" data-testid="clip-notice" className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200">
          {links.shared
            ? `This view asked for ${view.removed.join(', ')}, outside what this link shares; that part was removed.`
            : `This link included ${view.removed.join(', ')}, outside your regions; that part was removed and you see your own regions only.`}
        </p>
      )}
      <FilterBar options={view.options} range={view.range} shown={view.state} />
    </div>
  );
}

/** Shown instead of a dashboard when its URL cannot be read or asks for data outside the viewer's regions. */
export function InvalidView({ title, message, status, resetHref }: { title: string; message: string; status: number; resetHref: string }) {
  return (
    <div className="mx-auto max-w-xl rounded-xl border border-slate-200 bg-white p-6 text-center dark:border-slate-800 dark:bg-slate-900" role="alert">
      <h1 className="text-lg font-semibold">{status === 403 ? 'Not allowed' : `${title}: this view could not be opened`}</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{message}</p>
      <Link href={resetHref} className="mt-4 inline-block rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
        Open {title} with default filters
      </Link>
    </div>
  );
}
