// Gold rollups over aligned runs of 2^level days (lib/calendar/day-spans), levels 1 to SPAN_LEVELS: each row
// is the aggregate of the day rows it spans. A question that needs no day-by-day answer (totals, a
// breakdown by region, store, category or hour) reads at most two spans per level plus the single days at
// the range's ends, where the day rollups need one row per day: a year is ~16 rows per key instead of 365.
// Each level holds half the rows of the one below, so all of them together are about one more day rollup.
// lib/etl/rollups/span-rollups.ts keeps them equal to their day rollups.
import { bit, date, integer, primaryKey, smallint, text } from 'drizzle-orm/pg-core';
import { CUSTOMER_BITMAP_BITS, goldSchema, rollupMeasures } from './gold';
import { regionPolicy } from './roles';

/** The widest span: 2^10 = 1,024 days, so even a two-year range reads a few dozen rows per key. */
export const SPAN_LEVELS = 10;

const spanOf = () => ({
  level: smallint('level').notNull(),
  firstDay: date('first_day', { mode: 'string' }).notNull(),
});

/** agg_baskets_daily over runs of days: store × segment at basket grain (top stores, store totals). */
export const aggBasketsSpans = goldSchema.table(
  'agg_baskets_spans',
  {
    ...spanOf(),
    storeKey: integer('store_key').notNull(),
    regionId: smallint('region_id').notNull(),
    segment: text('segment').notNull(),
    ...rollupMeasures(),
  },
  (t) => [primaryKey({ columns: [t.level, t.firstDay, t.storeKey, t.segment] }), regionPolicy('agg_baskets_spans')],
);

/** agg_baskets_daily_region over runs of days: region × segment at basket grain (the KPI totals). */
export const aggBasketsRegionSpans = goldSchema.table(
  'agg_baskets_region_spans',
  {
    ...spanOf(),
    regionId: smallint('region_id').notNull(),
    segment: text('segment').notNull(),
    ...rollupMeasures(),
  },
  (t) => [primaryKey({ columns: [t.level, t.firstDay, t.regionId, t.segment] }), regionPolicy('agg_baskets_region_spans')],
);

/** agg_sales_daily_region over runs of days: region × category × segment. */
export const aggSalesRegionSpans = goldSchema.table(
  'agg_sales_region_spans',
  {
    ...spanOf(),
    regionId: smallint('region_id').notNull(),
    category: text('category').notNull(),
    segment: text('segment').notNull(),
    ...rollupMeasures(),
  },
  (t) => [primaryKey({ columns: [t.level, t.firstDay, t.regionId, t.category, t.segment] }), regionPolicy('agg_sales_region_spans')],
);

/** agg_sales_hourly_region over runs of days: region × hour of day. */
export const aggSalesHourlyRegionSpans = goldSchema.table(
  'agg_sales_hourly_region_spans',
  {
    ...spanOf(),
    regionId: smallint('region_id').notNull(),
    hour: smallint('hour').notNull(),
    ...rollupMeasures(),
  },
  (t) => [primaryKey({ columns: [t.level, t.firstDay, t.regionId, t.hour] }), regionPolicy('agg_sales_hourly_region_spans')],
);

/**
 * agg_customer_bitmaps over runs of days, each the OR of the days it spans: a range's distinct customers OR
 * a few spans per region, segment and chunk instead of one bitmap per day.
 */
export const aggCustomerBitmapSpans = goldSchema.table(
  'agg_customer_bitmap_spans',
  {
    ...spanOf(),
    regionId: smallint('region_id').notNull(),
    segment: text('segment').notNull(),
    chunk: integer('chunk').notNull(),
    customers: bit('customers', { dimensions: CUSTOMER_BITMAP_BITS }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.level, t.firstDay, t.regionId, t.segment, t.chunk] }),
    regionPolicy('agg_customer_bitmap_spans'),
  ],
);
