// Which table answers a question: the smallest rollup that covers the filters and the grouping, and the
// line-grain facts only when none does. Basket counts (transactions) add up across rows only where every
// row holds whole baskets, which decides most of the choices below. Each rollup exists at store and at
// region grain; the region one serves every question that neither filters nor groups by store.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { ScopedFilters } from '@/lib/auth/scoped-filters';

type RollupFamily = 'baskets' | 'daily' | 'hourly';

export type Source = RollupFamily | `${RollupFamily}_region` | 'facts';

export type Grouping = 'total' | 'region' | 'store' | 'day' | 'category' | 'subcategory' | 'product' | 'hour' | 'weekday';

type PlannedFilters = Pick<ScopedFilters, 'stores' | 'categories' | 'subcategories' | 'segments' | 'hours'>;

export function planSource(grouping: Grouping, f: PlannedFilters): Source {
  const family = planFamily(grouping, f);
  if (family === 'facts' || grouping === 'store' || f.stores.length > 0) return family;
  return `${family}_region`;
}

function planFamily(grouping: Grouping, f: PlannedFilters): RollupFamily | 'facts' {
  // no rollup keeps subcategories
  if (f.subcategories.length > 0) return 'facts';
  const byHour = f.hours.length > 0;
  const byCategoryOrSegment = f.categories.length > 0 || f.segments.length > 0;
  switch (grouping) {
    case 'subcategory':
    case 'product':
      return 'facts';
    case 'category':
      // one row per category: its basket count is exact in the category rollup (which has no hours)
      return byHour ? 'facts' : 'daily';
    case 'hour':
    case 'weekday':
      return byCategoryOrSegment ? 'facts' : 'hourly';
    default:
      if (byHour) return byCategoryOrSegment ? 'facts' : 'hourly';
      if (f.categories.length === 0) return 'baskets';
      // one category: its rows hold whole baskets of that category; several would count a basket twice
      return f.categories.length === 1 ? 'daily' : 'facts';
  }
}

export interface RollupColumns {
  store?: boolean;
  category?: boolean;
  segment?: boolean;
  hour?: boolean;
}

interface Rollup {
  table: SQL;
  columns: RollupColumns;
  /** Its rollup over aligned runs of days (db/schema/gold-spans.ts), and the keys both keep besides the day. */
  spans?: { table: SQL; keys: readonly string[] };
}

/** The rollup tables, which optional filter columns each one has, and their span rollups. */
export const ROLLUPS: Record<Exclude<Source, 'facts'>, Rollup> = {
  baskets: {
    table: sql`gold.agg_baskets_daily`,
    columns: { store: true, segment: true },
    spans: { table: sql`gold.agg_baskets_spans`, keys: ['store_key', 'region_id', 'segment'] },
  },
  daily: { table: sql`gold.agg_sales_daily`, columns: { store: true, category: true, segment: true } },
  hourly: { table: sql`gold.agg_sales_hourly`, columns: { store: true, hour: true } },
  baskets_region: {
    table: sql`gold.agg_baskets_daily_region`,
    columns: { segment: true },
    spans: { table: sql`gold.agg_baskets_region_spans`, keys: ['region_id', 'segment'] },
  },
  daily_region: {
    table: sql`gold.agg_sales_daily_region`,
    columns: { category: true, segment: true },
    spans: { table: sql`gold.agg_sales_region_spans`, keys: ['region_id', 'category', 'segment'] },
  },
  hourly_region: {
    table: sql`gold.agg_sales_hourly_region`,
    columns: { hour: true },
    spans: { table: sql`gold.agg_sales_hourly_region_spans`, keys: ['region_id', 'hour'] },
  },
};

/**
 * Distinct customers do not add up across rollup rows, so they have rollups of their own, all exact and
 * without category or hour: bitmaps per region and segment, by day and over aligned runs of days (OR-ed,
 * then counted), and one row per customer, day, store and segment (grouped, then counted) where a store
 * filter needs store grain.
 */
export const CUSTOMER_ROLLUPS = {
  bitmaps: { table: sql`gold.agg_customer_bitmaps`, columns: { segment: true }, spans: sql`gold.agg_customer_bitmap_spans` },
  customers: { table: sql`gold.agg_customers_daily`, columns: { store: true, segment: true } },
} as const satisfies Record<string, { table: SQL; columns: RollupColumns; spans?: SQL }>;

export type CustomerSource = keyof typeof CUSTOMER_ROLLUPS | 'facts';

export function planCustomerSource(f: Pick<ScopedFilters, 'stores' | 'categories' | 'subcategories' | 'hours'>): CustomerSource {
  if (f.categories.length || f.subcategories.length || f.hours.length) return 'facts';
  return f.stores.length ? 'customers' : 'bitmaps';
}
