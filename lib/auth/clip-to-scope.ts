// A copied dashboard URL opened by someone else shows the same view clipped to the viewer's regions:
// regions, stores and selections outside the scope are removed (never widened), and the caller is told
// what was removed so the page can say so.
import type { Scope } from '@/lib/auth/scope';
import type { RegionName } from '@/lib/filters/regions';
import type { DashboardState } from '@/lib/filters/dashboard-state';

export interface ClipResult {
  state: DashboardState;
  /** Human-readable items removed, e.g. ["region West", "store S031"]; empty when nothing was clipped. */
  removed: string[];
  /** True when the view named only things outside the scope, so nothing of it is left to show. */
  emptied: boolean;
}

export function clipStateToScope(state: DashboardState, scope: Scope, storesInScope: ReadonlySet<string>): ClipResult {
  return clipStateToRegions(state, scope.regions, storesInScope);
}

/** The same clipping to any set of regions and the stores in them (a share link's, when it is created). */
export function clipStateToRegions(state: DashboardState, allowed: readonly RegionName[], storesInScope: ReadonlySet<string>): ClipResult {
  const inRegions = (r: string) => allowed.includes(r as RegionName);
  const removed: string[] = [];
  const regions = state.regions.filter((r) => inRegions(r) || !removed.push(`region ${r}`));
  const stores = state.stores.filter((s) => storesInScope.has(s) || !removed.push(`store ${s}`));
  const sel = state.sel.filter((s) => {
    const ok = s.dimension === 'region' ? inRegions(s.key) : s.dimension === 'store' ? storesInScope.has(s.key) : true;
    if (!ok) removed.push(`selected ${s.dimension} ${s.key}`);
    return ok;
  });
  const emptied = (state.regions.length > 0 && regions.length === 0) || (state.stores.length > 0 && stores.length === 0);
  return { state: { ...state, regions, stores, sel }, removed, emptied };
}
