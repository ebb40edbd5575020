/**
 * The demo dataset ends at the moment it is seeded: no sale (nor stock count, nor calendar day) after it,
 * whatever the moment (the real clock, a store's clock change, before any store opened, while the west
 * is still open) and whatever the reporting time zone; the last store days hold exactly their planned lines.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { dateArray } from '@/db/sql';
import { todayIn } from '@/lib/calendar/days';
import { seedDemoData } from '@/lib/seed';
import { buildDemoWorld } from '@/lib/seed/demo-world';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';

const LINES = 1_500;
const SEED = 5;

async function one<T>(db: Database, query: ReturnType<typeof sql>): Promise<T> {
  return (await queryRows<T>(db, query))[0];
}

/** Lines after `now` anywhere, and the last calendar day. */
async function afterTheEnd(db: Database, now: Date) {
  const at = now.toISOString();
  return one<{ silver: number; facts: number; stock: number; last_day: string; last_fact_day: string }>(db, sql`
    select (select count(*)::int from silver.sales_lines where occurred_at > ${at}::timestamptz) as silver,
      (select count(*)::int from gold.fact_sales where occurred_at > ${at}::timestamptz) as facts,
      (select count(*)::int from silver.inventory_levels where updated_at > ${at}::timestamptz) as stock,
      (select max(date)::text from gold.dim_date) as last_day,
      (select to_char(to_date(max(date_key)::text, 'YYYYMMDD'), 'YYYY-MM-DD') from gold.fact_sales) as last_fact_day`);
}

/** Lines per store-local day over the plan's last three days. */
async function lastStoreDays(db: Database, days: string[]) {
  return queryRows<{ day: string; lines: number }>(db, sql`
    select d.day::text as day, count(l.day)::int as lines
    from unnest(${dateArray(days)}) as d(day)
    left join (select (s.occurred_at at time zone st.time_zone)::date as day
      from silver.sales_lines s join silver.stores st using (store_code)) l on l.day = d.day
    group by d.day order by d.day`);
}

describe.each(testEngines())('the demo seed ends at its moment on %s', (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db?.destroy());

  // in time order: each seed replaces the sales, while the calendar keeps the days an earlier seed added
  it.each([
    ['no store has opened yet; reporting in Honolulu', '2026-01-10T12:00:00Z', 'Pacific/Honolulu'],
    ['Los Angeles springs forward, mid-morning there', '2026-03-08T17:30:00Z', 'UTC'],
    ['New York has closed, Los Angeles is open; reporting in Tokyo', '2026-07-05T02:30:00Z', 'Asia/Tokyo'],
    ['New York falls back, mid-afternoon there', '2026-11-01T20:00:00Z', 'America/New_York'],
  ])('holds no sale after the moment when %s', async (_when, iso, timeZone) => {
    const now = new Date(iso);
    await seedDemoData(db.db, { lines: LINES, seed: SEED, now, timeZone });
    const end = await afterTheEnd(db.db, now);
    expect(end).toMatchObject({ silver: 0, facts: 0, stock: 0, last_day: todayIn(timeZone, now) });
    expect(end.last_fact_day <= todayIn(timeZone, now)).toBe(true);
    const { plan } = buildDemoWorld(SEED, LINES, now);
    const days = plan.days.slice(-3);
    expect(await lastStoreDays(db.db, days)).toEqual(days.map((day, i) => ({ day, lines: plan.lines[plan.days.length - 3 + i] })));
  }, 120_000);

  it('holds no sale later than the real clock when seeded now', async () => {
    const now = new Date();
    const result = await seedDemoData(db.db, { lines: LINES, seed: SEED, now, timeZone: 'UTC' });
    expect(result.lines).toBe(LINES);
    const end = await afterTheEnd(db.db, now);
    expect(end).toMatchObject({ silver: 0, facts: 0, stock: 0, last_day: todayIn('UTC', now) });
    expect(end.last_fact_day <= todayIn('UTC', now)).toBe(true);
    const latest = await one<{ latest: string }>(db.db, sql`select max(occurred_at)::text as latest from silver.sales_lines`);
    expect(Date.parse(latest.latest)).toBeLessThanOrEqual(Date.now());
  }, 120_000);
});
