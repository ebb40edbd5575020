// Everything a dashboard page needs before its tiles render: the caller's scope, the URL state parsed
// and clipped to that scope, and a way to resolve filters per tile (a tile's own cross-filter
// selection highlights it rather than filtering it).
import { ZodError } from 'zod';
import { getDatabase, type Database } from '@/db/client';
import { getScope } from '@/lib/auth/page-scope';
import { scopeCan, type Scope } from '@/lib/auth/scope';
import { todayIn } from '@/lib/calendar/days';
import { env } from '@/lib/env';
import { AppError, describeZodError } from '@/lib/errors';
import { clipStateToScope } from '@/lib/auth/clip-to-scope';
import { parseDashboardState, type DashboardState, type SearchParamsLike, type SelectionDimension } from '@/lib/filters/dashboard-state';
import { scopeFilters, type ScopedFilters } from '@/lib/auth/scoped-filters';
import { resolveDateRange } from '@/lib/filters/resolve-filters';
import { listFilterOptions, type FilterOptions } from '@/lib/queries/list-filter-options';

export interface DashboardView {
  db: Database;
  scope: Scope;
  state: DashboardState;
  range: { from: string; to: string };
  options: FilterOptions;
  /** What clipping to the viewer's regions removed from the URL's view. */
  removed: string[];
  /** Where the view's links lead: the dashboard's own path, or `/s/<token>` for a share link viewer. */
  links: ViewLinks;
  filtersFor(except?: SelectionDimension): ScopedFilters;
}

export interface ViewLinks {
  /** The path filter, sort, paging and drill links are built on. */
  basePath: string;
  /** The CSV export of the detail table, or null when the viewer may not export. */
  exportPath: string | null;
  /** A share link viewer: read-only, no navigation to other dashboards. */
  shared: boolean;
}

export type LoadedView = { ok: true; view: DashboardView } | { ok: false; scope: Scope; message: string; status: 400 | 403 };

/** A signed-in user's dashboard at `path`. */
export async function loadDashboardView(searchParams: SearchParamsLike, path: string): Promise<LoadedView> {
  const scope = await getScope({ callbackUrl: path });
  return buildDashboardView(scope, searchParams, { basePath: path, exportPath: '/api/export', shared: false });
}

/**
 * The view for any scope. Nobody leaves their regions: a URL that names only regions or stores outside
 * them opens the viewer's own view (a link's visitor: the whole link), with a notice of what was removed;
 * the APIs answer the same request with 403.
 */
export async function buildDashboardView(scope: Scope, searchParams: SearchParamsLike, links: ViewLinks): Promise<LoadedView> {
  const db = await getDatabase();
  const timeZone = env().REPORTING_TIME_ZONE;
  try {
    const parsed = parseDashboardState(searchParams);
    const options = await listFilterOptions(db, scope);
    const clip = clipStateToScope(parsed, scope, new Set(options.stores.map((s) => s.code)));
    const state = clip.emptied ? { ...clip.state, regions: [], stores: [] } : clip.state;
    const range = resolveDateRange(state, todayIn(timeZone));
    return {
      ok: true,
      view: {
        db, scope, state, range, options, removed: clip.removed,
        links: { ...links, exportPath: scopeCan(scope, 'export') ? links.exportPath : null },
        filtersFor: (except) => scopeFilters(state, scope, { timeZone, except }),
      },
    };
  } catch (error) {
    if (error instanceof ZodError) return { ok: false, scope, status: 400, message: `This link has a filter we could not read: ${describeZodError(error)}.` };
    if (error instanceof AppError && error.status < 500) return { ok: false, scope, status: error.status === 403 ? 403 : 400, message: error.message };
    throw error;
  }
}
