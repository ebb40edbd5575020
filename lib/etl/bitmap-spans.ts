// Keeps gold.agg_customer_bitmap_spans equal to the OR of the daily customer bitmaps they span. A span is
// rebuilt from its two halves (level 1 from two days), level by level, so a batch that touched a few
// (day, region)s rewrites CUSTOMER_BITMAP_SPAN_LEVELS small rows per region, not a year of days. Rebuilt
// rather than OR-ed into, so a day that lost a buyer (a rebuilt slice) loses it in its spans too.
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { CUSTOMER_BITMAP_SPAN_LEVELS } from '@/db/schema/gold';
import { dateArray, intArray, smallintArray } from '@/db/sql';
import { dateKeyOf, dayOfDateKey } from '@/lib/calendar/days';
import { lastDayOf, spanHolding, type DaySpan } from '@/lib/calendar/day-spans';

/** A day (date_key) and region whose customer bitmaps changed. */
export interface DayRegion {
  dateKey: number;
  regionId: number;
}

/** The rows one level below `level` (alias `r`), each with the first day it covers as `first_day`. */
function halves(level: number): SQL {
  return level === 1
    ? sql`(select to_date(b.date_key::text, 'YYYYMMDD') as first_day, b.date_key, b.region_id, b.segment, b.chunk, b.customers
           from gold.agg_customer_bitmaps b) r`
    : sql`(select s.first_day, s.region_id, s.segment, s.chunk, s.customers
           from gold.agg_customer_bitmap_spans s where s.level = ${level - 1}) r`;
}

/** Rebuilds every span (after the seeder rebuilt every day), or those holding the given (day, region)s. */
export async function rebuildBitmapSpans(db: Database, touched: 'all' | readonly DayRegion[]): Promise<void> {
  if (touched === 'all') return rebuildAllSpans(db);
  if (touched.length === 0) return;
  for (let level = 1; level <= CUSTOMER_BITMAP_SPAN_LEVELS; level++) {
    const targets = new Map<string, { span: DaySpan; regionId: number }>();
    for (const t of touched) {
      const span = spanHolding(dayOfDateKey(t.dateKey), level);
      targets.set(`${span.first}/${t.regionId}`, { span, regionId: t.regionId });
    }
    const list = [...targets.values()];
    const firsts = dateArray(list.map((t) => t.span.first));
    const regions = smallintArray(list.map((t) => t.regionId));
    await db.execute(sql`delete from gold.agg_customer_bitmap_spans s
      where s.level = ${level} and (s.first_day, s.region_id) in (select * from unnest(${firsts}, ${regions}))`);
    // The halves are read through their primary keys: by date_key for days, by (level, first_day) for spans.
    const within =
      level === 1
        ? sql`r.date_key between t.first_key and t.last_key`
        : sql`r.first_day between t.first_day and t.last_day`;
    await db.execute(sql`
      insert into gold.agg_customer_bitmap_spans (level, first_day, region_id, segment, chunk, customers)
      select ${level}::smallint, t.first_day, r.region_id, r.segment, r.chunk, bit_or(r.customers)
      from unnest(${firsts}, ${dateArray(list.map((t) => lastDayOf(t.span)))},
                  ${intArray(list.map((t) => dateKeyOf(t.span.first)))}, ${intArray(list.map((t) => dateKeyOf(lastDayOf(t.span))))},
                  ${regions}) t(first_day, last_day, first_key, last_key, region_id)
      join ${halves(level)} on r.region_id = t.region_id and ${within}
      group by 2, 3, 4, 5`);
  }
}

/** Every span, level by level, each level grouped from the whole level below. */
async function rebuildAllSpans(db: Database): Promise<void> {
  await db.execute(sql`delete from gold.agg_customer_bitmap_spans`);
  for (let level = 1; level <= CUSTOMER_BITMAP_SPAN_LEVELS; level++) {
    const width = sql.raw(String(2 ** level));
    await db.execute(sql`
      insert into gold.agg_customer_bitmap_spans (level, first_day, region_id, segment, chunk, customers)
      select ${level}::smallint, date '1970-01-01' + (floor((r.first_day - date '1970-01-01') / ${width}.0) * ${width})::int,
        r.region_id, r.segment, r.chunk, bit_or(r.customers)
      from ${halves(level)}
      group by 2, 3, 4, 5 order by 2, 3`);
  }
}
