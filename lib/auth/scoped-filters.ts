// ScopedFilters: the filters a query runs with, made only here, by intersecting parsed dashboard state
// with a Scope. The type is branded with a symbol no other module can name, so a plain object does not
// typecheck where a query wants filters; and each one is frozen and registered with the scope it was made
// for, so a spread copy (which TypeScript cannot tell apart) or another caller's filters are refused at run
// time by the queries (assertScopedFilters). Regions outside the scope are refused here (403
// forbidden_region); stores are checked against the scope by the query that resolves them.
import 'server-only';
import { todayIn } from '@/lib/calendar/days';
import { regionIdOf, type RegionName } from '@/lib/filters/regions';
import { forbiddenRegion } from '@/lib/errors';
import { parseDashboardState, type DashboardState, type SearchParamsLike, type SelectionDimension } from '@/lib/filters/dashboard-state';
import { resolveDateRange } from '@/lib/filters/resolve-filters';
import { assertScope, type Scope } from './scope';

declare const scopedFiltersBrand: unique symbol;

export interface ScopedFilters {
  readonly [scopedFiltersBrand]: true;
  readonly from: string;
  readonly to: string;
  /** Region ids to read: the filter (or the whole scope), never outside the scope. */
  readonly regionIds: readonly number[];
  readonly stores: readonly string[];
  readonly categories: readonly string[];
  /** From the products drill path (category/subcategory): narrows every tile of that page. */
  readonly subcategories: readonly string[];
  readonly segments: readonly string[];
  readonly hours: readonly number[];
  readonly weekdays: readonly number[];
  /** True when filters and selections contradict each other (e.g. a selected category outside the filter). */
  readonly nothing: boolean;
}

type FilterValues = { -readonly [K in Exclude<keyof ScopedFilters, typeof scopedFiltersBrand>]: ScopedFilters[K] };

// One registry per process, even when the bundler loads this module once per server layer.
const registry = globalThis as unknown as { [key: symbol]: WeakMap<object, Scope> | undefined };
const REGISTRY_KEY = Symbol.for('retailwave.issued-scoped-filters');
const issued = (registry[REGISTRY_KEY] ??= new WeakMap<object, Scope>());

function issue(values: FilterValues, scope: Scope): ScopedFilters {
  const frozen = Object.freeze({
    ...values,
    regionIds: Object.freeze([...values.regionIds]),
    stores: Object.freeze([...values.stores]),
    categories: Object.freeze([...values.categories]),
    subcategories: Object.freeze([...values.subcategories]),
    segments: Object.freeze([...values.segments]),
    hours: Object.freeze([...values.hours]),
    weekdays: Object.freeze([...values.weekdays]),
  }) as unknown as ScopedFilters;
  issued.set(frozen, scope);
  return frozen;
}

/** Refuses filters that were not made here for this very scope (a copy, a literal, another caller's). */
export function assertScopedFilters(scope: Scope, filters: ScopedFilters): void {
  assertScope(scope);
  if (issued.get(filters) !== scope) throw new Error('Refusing filters that were not made for this scope by lib/auth/scoped-filters');
}

/** A filter list narrowed by the selections of one dimension (a selection outside the filter selects nothing). */
function narrow(filter: string[], selected: string[]): string[] {
  if (selected.length === 0) return filter;
  return filter.length === 0 ? selected : filter.filter((v) => selected.includes(v));
}

export interface ScopeFiltersOptions {
  /** The dimension of the tile being drawn: its own selection highlights rather than filters it. */
  except?: SelectionDimension;
  timeZone: string;
}

/** The filters of a dashboard state within a scope: dates filled in, regions checked, selections folded in. */
export function scopeFilters(state: DashboardState, scope: Scope, options: ScopeFiltersOptions): ScopedFilters {
  assertScope(scope);
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

  return issue(
    {
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
    },
    scope,
  );
}

/** Parse + scope in one step, for route handlers. */
export function scopeFiltersFromParams(params: SearchParamsLike, scope: Scope, timeZone: string, except?: SelectionDimension): ScopedFilters {
  return scopeFilters(parseDashboardState(params), scope, { timeZone, except });
}

/** The same filters over other days (a tile that shows a wider window): dates never widen what a scope sees. */
export function withDateRange(scope: Scope, filters: ScopedFilters, range: { from: string; to: string }): ScopedFilters {
  assertScopedFilters(scope, filters);
  return issue({ ...filters, from: range.from, to: range.to }, scope);
}
