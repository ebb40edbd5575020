// Dashboard state lives in the URL: filters, date range, what the range is compared with, time grain, tab, drill path, cross-filter
// selections, table paging (a page number, and the cursor Next and Previous carry) and sort. One schema
// parses it for pages and APIs; one function writes it back.
// Parsing is strict about meaning (a bad date is an error with a message) and lenient about size
// (a page size above the maximum is clamped).
import { z } from 'zod';
import { isValidDay } from '@/lib/calendar/days';
import { COMPARE_MODES } from '@/lib/calendar/comparison';
import { GRAINS } from '@/lib/calendar/periods';
import { REGION_NAMES, type RegionName } from '@/lib/filters/regions';
import { REPORT_SEGMENTS } from '@/lib/filters/segments';
import { DATE_PRESETS } from './date-presets';

export const MAX_LIST_ITEMS = 100;
export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 25;

export const SELECTION_DIMENSIONS = ['region', 'store', 'category', 'segment', 'hour', 'weekday'] as const;
export type SelectionDimension = (typeof SELECTION_DIMENSIONS)[number];
export interface Selection {
  dimension: SelectionDimension;
  key: string;
}

const day = z.string().refine(isValidDay, 'expected a calendar day as YYYY-MM-DD');
const regionName = z
  .string()
  .transform((v) => REGION_NAMES.find((r) => r.toLowerCase() === v.toLowerCase()) ?? v)
  .refine((v): v is RegionName => (REGION_NAMES as string[]).includes(v), { message: `expected one of ${REGION_NAMES.join(', ')}` });
const storeCode = z.string().regex(/^S\d{3,4}$/, 'expected a store code such as S001');
// Category names travel inside comma lists and "dimension:key" pairs: no commas, colons or slashes.
const categoryName = z.string().min(1).max(60).regex(/^[\p{L}\p{N} &'.-]+$/u, 'unexpected characters in a category');
const segmentName = z.enum(REPORT_SEGMENTS);
const hour = z.string().regex(/^([01]?\d|2[0-3])$/, 'expected an hour 0–23').transform((h) => String(Number(h)));
const weekday = z.string().regex(/^[1-7]$/, 'expected an ISO weekday 1 (Monday) to 7 (Sunday)');

const SELECTION_KEYS: Record<SelectionDimension, z.ZodType<string, string>> = {
  region: regionName,
  store: storeCode,
  category: categoryName,
  segment: segmentName,
  hour,
  weekday,
};

/** A comma-separated list, each item validated; blanks and duplicates dropped. */
function commaList<O extends string>(item: z.ZodType<O, string>) {
  return z
    .string()
    .max(4_000, 'list is too long')
    .optional()
    .transform((s) => [...new Set((s ?? '').split(',').map((v) => v.trim()).filter(Boolean))])
    .pipe(z.array(item).max(MAX_LIST_ITEMS, `at most ${MAX_LIST_ITEMS} values`));
}

const selectionSchema = z.string().transform((pair, ctx): Selection => {
  const at = pair.indexOf(':');
  const dimension = pair.slice(0, at) as SelectionDimension;
  if (at < 0 || !SELECTION_DIMENSIONS.includes(dimension)) {
    ctx.addIssue({ code: 'custom', message: `expected dimension:key with a dimension of ${SELECTION_DIMENSIONS.join(', ')}` });
    return z.NEVER;
  }
  const key = SELECTION_KEYS[dimension].safeParse(pair.slice(at + 1));
  if (!key.success) {
    ctx.addIssue({ code: 'custom', message: `${dimension}: ${key.error.issues[0]?.message}` });
    return z.NEVER;
  }
  return { dimension, key: key.data };
});

const clampedInt = (min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((v) => {
      const n = v === undefined || v === '' ? fallback : Math.trunc(Number(v));
      return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
    });

export const SORTABLE_COLUMNS = ['occurredAt', 'store', 'region', 'category', 'product', 'quantity', 'net', 'discount'] as const;

/** The detail table's order as the URL writes it: `net` ascending, `-net` descending. */
const sortSchema = z
  .string()
  .transform((s) => ({ column: s.replace(/^-/, ''), direction: s.startsWith('-') ? 'desc' : 'asc' }))
  .pipe(
    z.object({
      column: z.enum(SORTABLE_COLUMNS, { message: `expected one of ${SORTABLE_COLUMNS.join(', ')}, optionally prefixed with -` }),
      direction: z.enum(['asc', 'desc']),
    }),
  );
export type TableSort = z.output<typeof sortSchema>;
export type SortColumn = TableSort['column'];

/** The order without a `sort` parameter: newest first. */
export const DEFAULT_SORT: TableSort = { column: 'occurredAt', direction: 'desc' };

export const dashboardStateSchema = z.object({
  range: z.enum(DATE_PRESETS).optional(),
  from: day.optional(),
  to: day.optional(),
  compare: z.enum(COMPARE_MODES, { message: `expected one of ${COMPARE_MODES.join(', ')}` }).default('previous'),
  regions: commaList(regionName),
  stores: commaList(storeCode),
  categories: commaList(categoryName),
  segments: commaList(segmentName),
  sel: commaList(z.string().max(80)).pipe(z.array(selectionSchema)),
  grain: z.enum(GRAINS).default('day'),
  tab: z.string().regex(/^[a-z][a-z-]{0,23}$/, 'expected a tab name').optional(),
  drill: z
    .string()
    .optional()
    .transform((s) => (s ? s.split('/').map((p) => p.trim()) : []))
    .pipe(z.array(categoryName).max(2, 'the drill path has at most a category and a subcategory')),
  page: clampedInt(1, 100_000, 1),
  pageSize: clampedInt(1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE),
  sort: sortSchema.optional(),
  // Opaque (sealed by the server for the caller's regions and the sort); only its shape is checked here.
  cursor: z.string().regex(/^[A-Za-z0-9_-]{40,200}$/, 'expected the cursor of a page of this table').optional(),
});

export type DashboardState = z.output<typeof dashboardStateSchema>;

export type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

/** Flattens repeated parameters into one comma list, so `?regions=East&regions=West` equals `?regions=East,West`. */
export function searchParamsToRecord(params: SearchParamsLike): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (k: string, v: string) => (out[k] = k in out ? `${out[k]},${v}` : v);
  if (params instanceof URLSearchParams) for (const [k, v] of params) add(k, v);
  else for (const [k, v] of Object.entries(params)) if (v !== undefined) (Array.isArray(v) ? v : [v]).forEach((x) => add(k, x));
  return out;
}

/**
 * Whether a URL names any dashboard state: parameters added on the way (`utm_source`, `fbclid`, …) are not
 * state, so a link carrying only those still opens the view it was made for.
 */
export function carriesDashboardState(params: SearchParamsLike): boolean {
  return Object.keys(searchParamsToRecord(params)).some((key) => key in dashboardStateSchema.shape);
}

/** Parses URL state; throws a ZodError (→ 400 with the offending parameter named) when it is invalid. */
export function parseDashboardState(params: SearchParamsLike): DashboardState {
  return dashboardStateSchema.parse(searchParamsToRecord(params));
}

/** Writes state back as a canonical query string: defaults omitted, keys in a fixed order. */
export function serializeDashboardState(state: DashboardState): string {
  const out = new URLSearchParams();
  if (state.range) out.set('range', state.range);
  if (state.from) out.set('from', state.from);
  if (state.to) out.set('to', state.to);
  if (state.compare !== 'previous') out.set('compare', state.compare);
  for (const key of ['regions', 'stores', 'categories', 'segments'] as const) {
    if (state[key].length) out.set(key, state[key].join(','));
  }
  if (state.sel.length) out.set('sel', state.sel.map((s) => `${s.dimension}:${s.key}`).join(','));
  if (state.grain !== 'day') out.set('grain', state.grain);
  if (state.tab) out.set('tab', state.tab);
  if (state.drill.length) out.set('drill', state.drill.join('/'));
  if (state.page !== 1) out.set('page', String(state.page));
  if (state.pageSize !== DEFAULT_PAGE_SIZE) out.set('pageSize', String(state.pageSize));
  if (state.sort) out.set('sort', `${state.sort.direction === 'desc' ? '-' : ''}${state.sort.column}`);
  // A cursor continues to a page after the first; every change that goes back to page 1 drops it.
  if (state.cursor && state.page > 1) out.set('cursor', state.cursor);
  return out.toString();
}

export const EMPTY_STATE: DashboardState = parseDashboardState({});
