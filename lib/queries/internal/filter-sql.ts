// WHERE clauses for the resolved dashboard filters, per source table. Store codes are resolved to keys
// inside the scope first, so a store of another region is refused rather than silently ignored.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { dateArray, intArray, smallintArray, textArray } from '@/db/sql';
import { CATEGORY_SET_BITS, SPAN_LEVELS, type CubeGrain, type CubeKey } from '@/db/schema/gold-cubes';
import { coverWithSpans, type DaySpan } from '@/lib/calendar/day-spans';
import { addDays, dateKeyOf } from '@/lib/calendar/days';
import { GUEST_SEGMENT } from '@/lib/filters/segments';
import { forbiddenRegion } from '@/lib/errors';
import { assertScopedFilters, type ScopedFilters } from '@/lib/auth/scoped-filters';
import type { Scope } from '@/lib/auth/scope';

/** ScopedFilters with their stores resolved: what the SQL below is built from, inside one query. */
export interface QueryFilters extends ScopedFilters {
  /** Store keys of `stores`, all inside the scope; empty when no store filter. */
  readonly storeKeys: readonly number[];
  /** The last day the span rollups hold (gold.span_horizon); later days are read from day rows. */
  readonly spanHorizon: string;
  /**
   * The filtered categories' bits in the basket_mixes cube's category sets (0 without a category filter);
   * null where one of them shares the overflow bit, which the sets cannot tell apart.
   */
  readonly categoryMask: number | null;
}

/**
 * The entry of every filtered query: refuses filters not made for `scope` (lib/auth/scoped-filters.ts),
 * then resolves store codes within the scope (RLS hides other regions' stores), refusing unknown ones.
 */
export async function withStoreKeys(tx: Database, scope: Scope, filters: ScopedFilters): Promise<QueryFilters> {
  assertScopedFilters(scope, filters);
  // One round trip for what every query needs to know besides the filters: the span horizon and the bits.
  const [{ last_day: spanHorizon, category_mask: categoryMask }] = await queryRows<{ last_day: string; category_mask: number | null }>(tx, sql`
    select (select last_day::text from gold.span_horizon) as last_day,
      ${filters.categories.length === 0 ? sql`0` : sql`(
        select case when bool_or(b.bit >= ${CATEGORY_SET_BITS}) then null else coalesce(bit_or(1 << b.bit), 0) end
        from gold.category_bits b where b.category = any(${textArray(filters.categories)}))`}::int as category_mask`);
  if (filters.stores.length === 0) return { ...filters, storeKeys: [], spanHorizon, categoryMask };
  const rows = await queryRows<{ store_code: string; store_key: number }>(
    tx,
    sql`select store_code, store_key from gold.dim_store
        where store_code = any(${textArray(filters.stores)}) and region_id = any(${smallintArray(filters.regionIds)})`,
  );
  const found = new Set(rows.map((r) => r.store_code));
  const missing = filters.stores.filter((s) => !found.has(s));
  if (missing.length > 0) throw forbiddenRegion(`Store ${missing.join(', ')} is not in your selected regions.`);
  return { ...filters, storeKeys: rows.map((r) => r.store_key), spanHorizon, categoryMask };
}

/** What a rollup keeps besides day and place, and at which grain: which filters it can apply. */
export interface RollupShape {
  keys: readonly CubeKey[];
  grain: CubeGrain;
}

function dateRange(f: QueryFilters, alias: string): SQL {
  return sql`${sql.raw(alias)}.date_key between ${dateKeyOf(f.from)} and ${dateKeyOf(f.to)}`;
}

function place(f: QueryFilters, alias: string): SQL[] {
  const a = sql.raw(alias);
  const parts = [sql`${a}.region_id = any(${smallintArray(f.regionIds)})`];
  if (f.nothing) parts.push(sql`false`);
  if (f.storeKeys.length) parts.push(sql`${a}.store_key = any(${intArray(f.storeKeys)})`);
  return parts;
}

/** Each filter on a key, as the filter's values and the SQL array they bind as. */
const KEY_FILTERS: { key: CubeKey; values: (f: QueryFilters) => readonly (string | number)[]; array: (v: readonly (string | number)[]) => SQL }[] = [
  { key: 'hour', values: (f) => f.hours, array: (v) => smallintArray(v as number[]) },
  { key: 'weekday', values: (f) => f.weekdays, array: (v) => smallintArray(v as number[]) },
  { key: 'category', values: (f) => f.categories, array: (v) => textArray(v as string[]) },
  { key: 'subcategory', values: (f) => f.subcategories, array: (v) => textArray(v as string[]) },
  { key: 'segment', values: (f) => f.segments, array: (v) => textArray(v as string[]) },
];

/** The filters on a rollup's own keys, refused where it lacks one (the planner never sends such a question). */
function keyFilters(f: QueryFilters, alias: string, shape: RollupShape): SQL[] {
  if (f.storeKeys.length && shape.grain !== 'store') throw new Error('this rollup has no store grain');
  const parts: SQL[] = [];
  for (const { key, values, array } of KEY_FILTERS) {
    const wanted = values(f);
    if (wanted.length === 0) continue;
    if (key === 'category' && !shape.keys.includes('category') && shape.keys.includes('category_set')) {
      // baskets with a line in any filtered category: their set meets the filter's
      if (f.categoryMask === null) throw new Error('these categories share a bit in the category sets');
      parts.push(sql`(${sql.raw(`${alias}.category_set`)} & ${f.categoryMask}::int) <> 0`);
      continue;
    }
    if (!shape.keys.includes(key)) throw new Error(`this rollup has no ${key} key`);
    parts.push(sql`${sql.raw(`${alias}.${key}`)} = any(${array(wanted)})`);
  }
  return parts;
}

/** The place and key filters of a rollup (alias), without its days: for callers that choose the days themselves. */
export function placeWhere(f: QueryFilters, alias: string, shape: RollupShape): SQL {
  return sql.join([...place(f, alias), ...keyFilters(f, alias, shape)], sql` and `);
}

/** Filters on a day rollup of the given shape. */
export function rollupWhere(f: QueryFilters, alias: string, shape: RollupShape): SQL {
  return sql.join([dateRange(f, alias), ...place(f, alias), ...keyFilters(f, alias, shape)], sql` and `);
}

/** Filters on a span rollup (alias), for the spans that cover the range. */
export function spanWhere(f: QueryFilters, alias: string, spans: readonly DaySpan[], shape: RollupShape): SQL {
  const a = sql.raw(alias);
  const parts = [
    sql`(${a}.level, ${a}.first_day) in (select * from unnest(${smallintArray(spans.map((s) => s.level))}, ${dateArray(spans.map((s) => s.first))}))`,
    ...place(f, alias),
    ...keyFilters(f, alias, shape),
  ];
  return sql.join(parts, sql` and `);
}

/**
 * `select` (over alias `r`) from the rows that cover the range: its aligned runs of days up to the span
 * horizon from the span rollup, its single days and the days after the horizon from the day rollup, as one
 * UNION ALL; null when the range holds no run of two closed days or more (the day rollup alone answers it
 * then). Only for answers that add up across days.
 */
export function selectOverSpans(f: QueryFilters, select: SQL, shape: RollupShape, tables: { days: SQL; spans: SQL }): SQL | null {
  const closedTo = f.to < f.spanHorizon ? f.to : f.spanHorizon;
  const cover = f.from <= closedTo ? coverWithSpans(f.from, closedTo, SPAN_LEVELS) : [];
  const wide = cover.filter((s) => s.level > 0);
  if (wide.length === 0) return null;
  const days = (from: string, to: string) => sql`select ${select} from ${tables.days} r where ${rollupWhere({ ...f, from, to }, 'r', shape)}`;
  const parts = cover.filter((s) => s.level === 0).map((d) => days(d.first, d.first));
  if (closedTo < f.to) parts.push(days(addDays(closedTo, 1), f.to));
  parts.push(sql`select ${select} from ${tables.spans} r where ${spanWhere(f, 'r', wide, shape)}`);
  return sql.join(parts, sql` union all `);
}

/** Filters on gold.fact_sales aliased `f`, joined to dim_product `p` and (left) dim_customer `c`. */
export function factWhere(f: QueryFilters): SQL {
  const parts = [dateRange(f, 'f'), ...place(f, 'f')];
  if (f.weekdays.length) parts.push(sql`f.weekday = any(${smallintArray(f.weekdays)})`);
  if (f.categories.length) parts.push(sql`p.category = any(${textArray(f.categories)})`);
  if (f.subcategories.length) parts.push(sql`p.subcategory = any(${textArray(f.subcategories)})`);
  if (f.segments.length) parts.push(sql`coalesce(c.segment, ${GUEST_SEGMENT}) = any(${textArray(f.segments)})`);
  if (f.hours.length) parts.push(sql`f.hour = any(${smallintArray(f.hours)})`);
  return sql.join(parts, sql` and `);
}

export const FACT_FROM = sql`gold.fact_sales f
  join gold.dim_product p on p.product_key = f.product_key
  left join gold.dim_customer c on c.customer_sk = f.customer_sk`;
