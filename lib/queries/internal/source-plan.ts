// Which table answers a question: the first (smallest) sales cube of db/schema/gold-cubes.ts that keeps
// every key the filters and the grouping name, at region grain unless a store is filtered or grouped;
// the line-grain facts only when no cube covers it. Basket counts (transactions) add up across a cube's
// rows only where the summed rows hold different baskets, which rules out some cubes for some questions.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { CUBE_KEYS, CUBES, cubeTableName, type CubeGrain, type CubeKey, type CubeName } from '@/db/schema/gold-cubes';
import type { ScopedFilters } from '@/lib/auth/scoped-filters';

export type Grouping = 'total' | 'region' | 'store' | 'day' | 'segment' | 'category' | 'subcategory' | 'product' | 'hour' | 'weekday';

export interface CubeSource {
  cube: CubeName;
  grain: CubeGrain;
  keys: readonly CubeKey[];
  /**
   * Where the cube answers the sums but cannot count baskets (several categories at once), the category-set
   * cube that counts them: the answer adds its counts to the cube's sums (see rollupRows).
   */
  baskets?: CubeSource;
}

export type Source = CubeSource | 'facts';

type PlannedFilters = Pick<ScopedFilters, 'stores' | 'categories' | 'subcategories' | 'segments' | 'hours' | 'weekdays'> & {
  /** From withStoreKeys: null where the category sets cannot tell the filtered categories apart. */
  categoryMask?: number | null;
};

/** The cube key a grouping reads, where it is not the day or the place. */
const GROUPING_KEY: Partial<Record<Grouping, CubeKey>> = {
  segment: 'segment', category: 'category', subcategory: 'subcategory', product: 'product_key', hour: 'hour', weekday: 'weekday',
};

export interface PlanOptions {
  /** The answer counts baskets (default true); sums alone can read any covering cube. */
  transactions?: boolean;
}

/** The source for an answer grouped by `grouping` (one, or several at once such as hour and weekday). */
export function planSource(grouping: Grouping | readonly Grouping[], f: PlannedFilters, { transactions = true }: PlanOptions = {}): Source {
  const groupings: readonly Grouping[] = typeof grouping === 'string' ? [grouping] : grouping;
  const needed: CubeKey[] = [];
  if (f.segments.length) needed.push('segment');
  if (f.hours.length) needed.push('hour');
  if (f.weekdays.length) needed.push('weekday');
  if (f.categories.length) needed.push('category');
  if (f.subcategories.length) needed.push('subcategory');
  const grouped = groupings.flatMap((g) => GROUPING_KEY[g] ?? []);
  needed.push(...grouped);
  const grain: CubeGrain = groupings.includes('store') || f.stores.length > 0 ? 'store' : 'region';
  for (const cube of CUBES) {
    const keys: readonly CubeKey[] = cube.keys;
    if (!(cube.grains as readonly CubeGrain[]).includes(grain)) continue;
    if (!needed.every((k) => keys.includes(k))) continue;
    if (transactions && !basketsAddUp(keys, grouped, f)) continue;
    return { cube: cube.name, grain, keys };
  }
  if (!transactions) return 'facts';
  const sums = planSource(groupings, f, { transactions: false });
  const baskets = sums === 'facts' ? null : basketCounts(groupings, grain, f);
  return sums !== 'facts' && baskets ? { ...sums, baskets } : 'facts';
}

/**
 * Basket counts under a category filter from the category-set cube: it keeps segment and place only, so
 * it serves answers grouped by day, region, store or segment (or none) whose other filters are among
 * those, and categories the sets tell apart.
 */
function basketCounts(groupings: readonly Grouping[], grain: CubeGrain, f: PlannedFilters): CubeSource | null {
  const mixes = CUBES.find((c) => c.name === 'basket_mixes')!;
  const groupedByBasket = groupings.every((g) => g === 'total' || g === 'day' || g === 'region' || g === 'store' || g === 'segment');
  const filtersKept = f.hours.length === 0 && f.weekdays.length === 0 && f.subcategories.length === 0;
  if (!groupedByBasket || !filtersKept || f.categories.length === 0 || f.categoryMask == null) return null;
  return { cube: mixes.name, grain, keys: mixes.keys };
}

/**
 * A basket is in one row per value of each line key it has lines in (a basket of Fresh and Grocery is in
 * both category rows), so its count adds up over a cube's rows only when all the rows summed into one
 * answer share the value of its finest line key: that key is the grouping, or the filter names one value.
 */
function basketsAddUp(keys: readonly CubeKey[], grouped: readonly CubeKey[], f: PlannedFilters): boolean {
  const lineKeys = keys.filter((k) => CUBE_KEYS[k].level === 'line');
  const finest = lineKeys[lineKeys.length - 1];
  if (finest === undefined || grouped.includes(finest)) return true;
  if (finest === 'category') return f.categories.length === 1;
  if (finest === 'subcategory') return f.subcategories.length === 1;
  return false;
}

/** A cube's table: its day rows, or its spans over runs of days. */
export function cubeTable(source: CubeSource, spans: boolean): SQL {
  return sql.raw(`gold.${cubeTableName(source.cube, source.grain, spans)}`);
}

/**
 * Distinct customers do not add up across rollup rows, so they have rollups of their own, exact and kept
 * by day, place, segment and (some of them) category: bitmaps per region and segment, by day and over
 * aligned runs of days (OR-ed, then counted); one row per customer, day, store and segment (grouped, then
 * counted) where a store filter needs store grain; one row per customer number, day, region, category and
 * segment under a category filter; and what each customer spent per day, store and basket keys, in all
 * and per category (agg_customer_sales, also summed per region over runs of days, and
 * agg_category_customer_sales) under an hour or weekday filter and for the customers dashboard, with
 * category bitmaps and each customer's first purchases (db/schema/gold-customers.ts).
 */
export const CUSTOMER_ROLLUPS = {
  bitmaps: { table: sql`gold.agg_customer_bitmaps`, keys: ['segment'], grain: 'region', spans: sql`gold.agg_customer_bitmap_spans` },
  customers: { table: sql`gold.agg_customers_daily`, keys: ['segment'], grain: 'store' },
  categoryCustomers: { table: sql`gold.agg_category_customers`, keys: ['category', 'segment'], grain: 'region' },
  sales: { table: sql`gold.agg_customer_sales`, keys: ['segment', 'hour', 'weekday'], grain: 'store' },
  categorySales: { table: sql`gold.agg_category_customer_sales`, keys: ['category', 'segment', 'hour', 'weekday'], grain: 'store' },
} as const satisfies Record<string, RollupTable>;

interface RollupTable {
  table: SQL;
  keys: readonly CubeKey[];
  grain: CubeGrain;
  spans?: SQL;
}

export type CustomerSource = keyof typeof CUSTOMER_ROLLUPS | 'facts';

type CustomerFilters = Pick<ScopedFilters, 'stores' | 'categories' | 'subcategories' | 'hours' | 'weekdays'>;

export function planCustomerSource(f: CustomerFilters): CustomerSource {
  if (f.subcategories.length) return 'facts';
  const finer = f.stores.length > 0 || f.hours.length > 0 || f.weekdays.length > 0;
  if (f.categories.length) return finer ? 'categorySales' : 'categoryCustomers';
  if (f.hours.length || f.weekdays.length) return 'sales';
  return f.stores.length ? 'customers' : 'bitmaps';
}

/**
 * The rollups that hold customers' histories for the customers dashboard, in all and per category: who
 * bought (bitmaps, by day and over runs of days), first purchases per region and segment, and what each
 * customer spent per day and store (at store grain with basket keys, and the same table read per region).
 */
export interface CustomerHistory {
  bitmaps: RollupTable & { spans: SQL };
  firsts: RollupTable;
  sales: RollupTable;
  salesByRegion: RollupTable;
}

export const CUSTOMER_HISTORIES = {
  all: {
    bitmaps: CUSTOMER_ROLLUPS.bitmaps,
    firsts: { table: sql`gold.agg_customer_firsts`, keys: ['segment'], grain: 'region' },
    sales: CUSTOMER_ROLLUPS.sales,
    salesByRegion: { table: sql`gold.agg_customer_sales`, keys: ['segment'], grain: 'region', spans: sql`gold.agg_customer_sales_spans` },
  },
  category: {
    bitmaps: {
      table: sql`gold.agg_category_customer_bitmaps`, keys: ['category', 'segment'], grain: 'region', spans: sql`gold.agg_category_customer_bitmap_spans`,
    },
    firsts: { table: sql`gold.agg_category_customer_firsts`, keys: ['category', 'segment'], grain: 'region' },
    sales: CUSTOMER_ROLLUPS.categorySales,
    salesByRegion: { table: sql`gold.agg_category_customer_sales`, keys: ['category', 'segment'], grain: 'region' },
  },
} as const satisfies Record<string, CustomerHistory>;

/** How a customers-dashboard query reads: which history, and from its bitmaps or its sales rows. */
export type CustomerHistoryPlan = { history: CustomerHistory; read: 'bitmaps' | 'sales' } | 'facts';

/**
 * Regions, segments and categories alone are read from the bitmaps and first purchases; a store, hour or
 * weekday from each customer's sales rows; a drilled subcategory from the facts.
 */
export function planCustomerHistory(f: CustomerFilters): CustomerHistoryPlan {
  if (f.subcategories.length) return 'facts';
  const history = f.categories.length ? CUSTOMER_HISTORIES.category : CUSTOMER_HISTORIES.all;
  return { history, read: f.stores.length || f.hours.length || f.weekdays.length ? 'sales' : 'bitmaps' };
}
