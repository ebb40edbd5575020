// Which table answers a question: the smallest rollup that covers the filters and the grouping, and the
// line-grain facts only when none does. Basket counts (transactions) add up across rows only where every
// row holds whole baskets, which decides most of the choices below.
import { sql, type SQL } from 'drizzle-orm';
import type { ResolvedFilters } from '@/lib/filters/resolve-filters';

export type Source = 'baskets' | 'daily' | 'hourly' | 'facts';

export type Grouping = 'total' | 'region' | 'store' | 'day' | 'category' | 'subcategory' | 'product' | 'hour' | 'weekday';

export function planSource(grouping: Grouping, f: Pick<ResolvedFilters, 'categories' | 'subcategories' | 'segments' | 'hours'>): Source {
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

/** The rollup tables and which optional filter columns each one has. */
export const ROLLUPS: Record<Exclude<Source, 'facts'>, { table: SQL; columns: { category?: boolean; segment?: boolean; hour?: boolean } }> = {
  baskets: { table: sql`gold.agg_baskets_daily`, columns: { segment: true } },
  daily: { table: sql`gold.agg_sales_daily`, columns: { category: true, segment: true } },
  hourly: { table: sql`gold.agg_sales_hourly`, columns: { hour: true } },
};

/**
 * Distinct customers do not add up across rollup rows, so they have their own rollup: one row per
 * customer, day, store and segment, counted with count(distinct). It has no category or hour.
 */
export const CUSTOMER_ROLLUP = { table: sql`gold.agg_customers_daily`, columns: { segment: true } } as const;

export function planCustomerSource(f: Pick<ResolvedFilters, 'categories' | 'subcategories' | 'hours'>): 'customers' | 'facts' {
  return f.categories.length || f.subcategories.length || f.hours.length ? 'facts' : 'customers';
}
