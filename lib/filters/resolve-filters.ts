// From URL state to the filters a query runs with: the date range filled in, regions checked against the
// caller's scope (403 forbidden_region outside it), and cross-filter selections folded in.
import type { Scope } from '@/lib/auth/scope';
import { addDays, daysBetween, todayIn } from '@/lib/calendar/days';
import { regionIdOf, type RegionName } from '@/lib/domain/regions';
import { badRequest, forbiddenRegion } from '@/lib/errors';
import { presetRange } from './date-presets';
import { parseDashboardState, type DashboardState, type SearchParamsLike, type SelectionDimension } from './dashboard-state';

export const MAX_RANGE_DAYS = 3 * 366;
export const DEFAULT_RANGE_DAYS = 30;

export interface ResolvedFilters {
  from: string;
  to: string;
  /** Region ids to read: the filter (or the whole scope), never outside the scope. */
  regionIds: number[];
  stores: string[];
  categories: string[];
  /** From the products drill path (category/subcategory): narrows every tile of that page. */
  subcategories: string[];
  segments: string[];
  hours: number[];
  weekdays: number[];
  /** True when filters and selections contradict each other (e.g. a selected category outside the filter). */
  nothing: boolean;
}

/**
 * Explicit days win over a preset; a lone `from` runs to today; a lone `to` gets the default 30 days
 * before it; nothing at all means the preset (default: the last 30 days).
 */
export function resolveDateRange(state: Pick<DashboardState, 'range' | 'from' | 'to'>, today: string): { from: string; to: string } {
  const preset = presetRange(state.range ?? 'last30', today);
  const to = state.to ?? (state.from ? today : preset.to);
  const from = state.from ?? (state.to ? addDays(to, -(DEFAULT_RANGE_DAYS - 1)) : preset.from);
  if (from > to) throw badRequest(`from (${from}) must be on or before to (${to})`);
  if (daysBetween(from, to) >= MAX_RANGE_DAYS) throw badRequest(`the date range may span at most ${MAX_RANGE_DAYS} days`);
  return { from, to };
}

/** A filter list narrowed by the selections of one dimension (a selection outside the filter selects nothing). */
function narrow(filter: string[], selected: string[]): string[] {
  if (selected.length === 0) return filter;
  return filter.length === 0 ? selected : filter.filter((v) => selected.includes(v));
}

export interface ResolveOptions {
  /** The dimension of the tile being drawn: its own selection highlights rather than filters it. */
  except?: SelectionDimension;
  timeZone: string;
}

export function resolveStateFilters(state: DashboardState, scope: Scope, options: ResolveOptions): ResolvedFilters {
  const { from, to } = resolveDateRange(state, todayIn(options.timeZone));
  const selected = (dimension: SelectionDimension) =>
    dimension === options.except ? [] : state.sel.filter((s) => s.dimension === dimension).map((s) => s.key);

  const askedRegions = [...state.regions, ...state.sel.filter((s) => s.dimension === 'region').map((s) => s.key)];
  const outside = [...new Set(askedRegions.filter((r) => !scope.regions.includes(r as RegionName)))];
  if (outside.length > 0) throw forbiddenRegion(`You do not have access to region ${outside.join(', ')}.`);
  const base = state.regions.length ? state.regions : [...scope.regions];
  const regions = narrow(base, selected('region'));
  const stores = narrow(state.stores, selected('store'));
  const categories = narrow(narrow(state.categories, selected('category')), state.drill.slice(0, 1));
  const segments = narrow(state.segments, selected('segment'));
  // An empty intersection must select nothing, never widen to "no filter".
  const contradicts = (filter: string[], narrowed: string[]) => filter.length > 0 && narrowed.length === 0;
  const nothing =
    regions.length === 0 ||
    contradicts(state.stores, stores) ||
    contradicts([...state.categories, ...state.drill.slice(0, 1)], categories) ||
    contradicts(state.segments, segments);

  return {
    from,
    to,
    regionIds: (regions.length ? regions : base).map((r) => regionIdOf(r)!).sort((a, b) => a - b),
    stores,
    categories,
    subcategories: state.drill.slice(1, 2),
    segments,
    hours: selected('hour').map(Number),
    weekdays: selected('weekday').map(Number),
    nothing,
  };
}

/** Parse + resolve in one step, for route handlers. */
export function resolveFilters(params: SearchParamsLike, scope: Scope, timeZone: string, except?: SelectionDimension): ResolvedFilters {
  return resolveStateFilters(parseDashboardState(params), scope, { timeZone, except });
}
