// The customer bitmaps over aligned runs of 2^level days (lib/calendar/day-spans), levels 1 to SPAN_LEVELS,
// as the sales cubes have theirs (db/schema/gold-cubes.ts): a range's distinct customers OR a few spans
// per region, segment and chunk instead of one bitmap per day. lib/etl/rollups/span-rollups.ts keeps them
// equal to the day bitmaps.
import { bit, date, integer, primaryKey, smallint, text } from 'drizzle-orm/pg-core';
export { SPAN_LEVELS } from './gold-cubes';
import { CUSTOMER_BITMAP_BITS, goldSchema } from './gold';
import { regionPolicy } from './roles';

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
