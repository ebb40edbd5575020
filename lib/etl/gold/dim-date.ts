// Fills gold.dim_date for a range of calendar days. Idempotent: existing days are left alone.
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { textArray } from '@/db/sql';
import { holidaysBetween } from '@/lib/calendar/holidays';

/** Ensures every day from `from` to `to` (YYYY-MM-DD, inclusive) has a dim_date row. */
export async function ensureDateRange(db: Database, from: string, to: string): Promise<void> {
  const holidays = holidaysBetween(from, to);
  await db.execute(sql`
    insert into gold.dim_date (date_key, date, year, quarter, month, month_name, day_of_month, iso_year, iso_week,
      weekday, weekday_name, is_weekend, is_holiday, holiday_name, fiscal_year, fiscal_quarter)
    select to_char(d, 'YYYYMMDD')::int, d::date,
      extract(year from d)::smallint, extract(quarter from d)::smallint, extract(month from d)::smallint,
      trim(to_char(d, 'Month')), extract(day from d)::smallint,
      extract(isoyear from d)::smallint, extract(week from d)::smallint,
      extract(isodow from d)::smallint, trim(to_char(d, 'Day')), extract(isodow from d) >= 6,
      h.name is not null, h.name,
      -- retail fiscal year: February to January, named after the calendar year it starts in
      (extract(year from d) - case when extract(month from d) = 1 then 1 else 0 end)::smallint,
      ((extract(month from d)::int + 10) % 12 / 3 + 1)::smallint
    from generate_series(${from}::date, ${to}::date, interval '1 day') as d
    left join unnest(${textArray(holidays.map((x) => x.date))}, ${textArray(holidays.map((x) => x.name))}) as h(day, name)
      on h.day::date = d::date
    on conflict (date_key) do nothing`);
}
