// Everything a dashboard page needs before its tiles render: the caller's scope, the URL state parsed
// and clipped to that scope, and a way to resolve filters per tile (a tile's own cross-filter
// selection highlights it rather than filtering it).
import { ZodError } from 'zod';
import { getDatabase, type Database } from '@/db/client';
import { getScope } from '@/lib/auth/page-scope';
import type { Scope } from '@/lib/auth/scope';
import { todayIn } from '@/lib/calendar/days';
import { env } from '@/lib/env';
import { AppError, describeZodError } from '@/lib/errors';
import { clipStateToScope } from '@/lib/filters/clip-to-scope';
import { parseDashboardState, type DashboardState, type SearchParamsLike, type SelectionDimension } from '@/lib/filters/dashboard-state';
import { resolveDateRange, resolveStateFilters, type ResolvedFilters } from '@/lib/filters/resolve-filters';
import { listFilterOptions, type FilterOptions } from '@/lib/queries/list-filter-options';

export interface DashboardView {
  db: Database;
  scope: Scope;
  state: DashboardState;
  range: { from: string; to: string };
  options: FilterOptions;
  /** What clipping to the viewer's regions removed from the URL's view. */
  removed: string[];
  filtersFor(except?: SelectionDimension): ResolvedFilters;
}

export type LoadedView = { ok: true; view: DashboardView } | { ok: false; scope: Scope; message: string; status: 400 | 403 };

export async function loadDashboardView(searchParams: SearchParamsLike, callbackUrl: string): Promise<LoadedView> {
  const scope = await getScope({ callbackUrl });
  const db = await getDatabase();
  const timeZone = env().REPORTING_TIME_ZONE;
  try {
    const parsed = parseDashboardState(searchParams);
    const options = await listFilterOptions(db, scope);
    const clip = clipStateToScope(parsed, scope, new Set(options.stores.map((s) => s.code)));
    if (clip.emptied) {
      return { ok: false, scope, status: 403, message: `This view is about ${clip.removed.join(', ')}, which is outside your regions.` };
    }
    const state = clip.state;
    const range = resolveDateRange(state, todayIn(timeZone));
    return {
      ok: true,
      view: {
        db, scope, state, range, options, removed: clip.removed,
        filtersFor: (except) => resolveStateFilters(state, scope, { timeZone, except }),
      },
    };
  } catch (error) {
    if (error instanceof ZodError) return { ok: false, scope, status: 400, message: `This link has a filter we could not read: ${describeZodError(error)}.` };
    if (error instanceof AppError && error.status < 500) return { ok: false, scope, status: error.status === 403 ? 403 : 400, message: error.message };
    throw error;
  }
}
