// The customer bitmaps over aligned runs of 2^level days (lib/calendar/day-spans), levels 1 to SPAN_LEVELS,
// as the sales cubes have theirs (db/schema/gold-cubes.ts): a range's distinct customers OR a few spans
// per region, segment and chunk instead of one bitmap per day. lib/etl/rollups/span-rollups.ts keeps them
// equal to the day bitmaps.
import { sql } from 'drizzle-orm';
import { bit, check, date, integer, primaryKey, smallint, text } from 'drizzle-orm/pg-core';
export { SPAN_LEVELS } from './gold-cubes';
import { CUSTOMER_BITMAP_BITS, goldSchema } from './gold';
import { regionPolicy } from './roles';

/**
 * The last day the spans hold. Spans cover closed days only: a batch of today's sales then changes day rows
 * alone, not the ten spans above each; once a day the ETL moves the horizon to yesterday and adds the days
 * it passed to the spans. Queries read spans up to the horizon and day rows after it. One row.
 */
export const spanHorizon = goldSchema.table('span_horizon', {
  id: smallint('id').primaryKey().default(1),
  lastDay: date('last_day', { mode: 'string' }).notNull(),
}, (t) => [check('span_horizon_one_row', sql`${t.id} = 1`)]);

const spanOf = () => ({
  level: smallint('level').notNull(),
  firstDay: date('first_day', { mode: 'string' }).notNull(),
});

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
