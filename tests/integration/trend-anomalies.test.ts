/**
 * The trend chart's anomaly flags come from the series drawn: every filter applied, at the chart's grain.
 * Each view's flags are checked against the same model run on an independent SQL read of that series.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { smallintArray } from '@/db/sql';
import { findSeriesAnomalies, historyStart } from '@/lib/analytics/series-anomalies';
import { scopeFiltersFromParams } from '@/lib/auth/scoped-filters';
import { addDays, isoWeekday, todayIn } from '@/lib/calendar/days';
import { periodStart, periodStarts, type Grain } from '@/lib/calendar/periods';
import { appendToBronze } from '@/lib/etl/bronze';
import { runEtlUntilDrained } from '@/lib/etl/run-batch';
import { getRevenueAnomalies } from '@/lib/queries/get-revenue-anomalies';
import { getTrend } from '@/lib/queries/get-trend';
import type { UserScope } from '@/lib/auth/scope';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';
import { insertRetailFixture, saleEvent } from '../helpers/retail-fixture';
import { prepareUsers, scopeFor } from '../helpers/scopes';

const TZ = 'UTC';
const DAYS = 100;

describe.each(testEngines())('trend anomalies on %s', (engine) => {
  let handle: TestDatabase;
  let db: Database;
  let analyst: UserScope;
  let east: UserScope;
  const today = todayIn(TZ);
  // West's grocery spike, East's electronics spike, and East's grocery store closed for a day
  const westSpike = addDays(today, -3);
  const eastElectronicsSpike = addDays(today, -5);
  const eastClosed = addDays(today, -9);
  const from = addDays(today, -20);

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    db = handle.db;
    await insertRetailFixture(db);
    const events = [];
    for (let i = 1; i <= DAYS; i++) {
      const day = addDays(today, -i);
      const at = { occurredAt: `${day}T15:00:00Z` };
      // a weekly shape (weekends busier) with a little day-to-day noise
      const usual = [10, 9, 9, 10, 12, 16, 14][isoWeekday(day) - 1] + (i % 3);
      if (day !== eastClosed) {
        events.push(saleEvent({ transactionId: `E-${i}`, storeCode: 'S001', sku: 'SKU-00001', quantity: usual, unitPrice: 2.5 }, at));
      }
      events.push(saleEvent({ transactionId: `W-${i}`, storeCode: 'S003', sku: 'SKU-00002', quantity: day === westSpike ? usual * 20 : usual, unitPrice: 4.2 }, at));
      events.push(saleEvent({ transactionId: `X-${i}`, storeCode: 'S002', sku: 'SKU-00004', quantity: day === eastElectronicsSpike ? 60 : 2 + (i % 2), unitPrice: 19.99 }, at));
    }
    const appended = await appendToBronze(db, { source: 'test', events });
    expect(appended.accepted).toBe(events.length);
    await runEtlUntilDrained(db, { limit: 500, timeZone: TZ });
    await prepareUsers(handle);
    analyst = await scopeFor(handle, 'analyst@retailwave.test');
    east = await scopeFor(handle, 'east.manager@retailwave.test');
  }, 120_000);
  afterAll(() => handle.destroy());

  /** The series of a view read straight from the facts, zero-filled at `grain` from the history start. */
  async function independentSeries(where: { regions: number[]; category?: string; store?: string; weekday?: number }, grain: Grain, start: string) {
    const rows = await queryRows<{ day: string; revenue: number }>(db, sql`
      select d.date::text as day, sum(f.net)::float8 as revenue
      from gold.fact_sales f join gold.dim_product p on p.product_key = f.product_key
        join gold.dim_date d on d.date_key = f.date_key join gold.dim_store s on s.store_key = f.store_key
      where f.region_id = any(${smallintArray(where.regions)}) and d.date between ${start}::date and ${today}::date
        ${where.category ? sql`and p.category = ${where.category}` : sql``}
        ${where.store ? sql`and s.store_code = ${where.store}` : sql``}
        ${where.weekday ? sql`and f.weekday = ${where.weekday}` : sql``}
      group by 1`);
    const sums = new Map(periodStarts(start, today, grain).map((p) => [p, 0]));
    for (const r of rows) sums.set(periodStart(r.day, grain), (sums.get(periodStart(r.day, grain)) ?? 0) + r.revenue);
    return [...sums].map(([period, value]) => ({ period, value: Math.round(value * 100) / 100 }));
  }

  async function flagsOf(scope: UserScope, params: Record<string, string>, grain: Grain) {
    const filters = scopeFiltersFromParams(new URLSearchParams({ from, to: today, ...params }), scope, TZ);
    const found = await getRevenueAnomalies(db, scope, filters, { grain, today });
    const trend = await getTrend(db, scope, filters, grain, { compare: 'previous', today });
    // every flag sits on a point of the drawn series, with that point's value
    for (const a of found) expect(trend.points.find((p) => p.period === a.period)?.revenue).toBeCloseTo(a.value, 2);
    return found;
  }

  it('a category view flags its own spike, not another category\'s, as the independent series says', async () => {
    const found = await flagsOf(analyst, { categories: 'Grocery' }, 'day');
    const series = await independentSeries({ regions: [1, 2], category: 'Grocery' }, 'day', historyStart(from, 'day'));
    const expected = findSeriesAnomalies(series, 'day', { from, to: today, today });
    expect(found.map((a) => [a.period, a.direction])).toEqual(expected.map((a) => [a.period, a.direction]));
    expect(found.map((a) => a.period)).toContain(westSpike);
    expect(found.map((a) => a.period)).not.toContain(eastElectronicsSpike);
    const electronics = await flagsOf(analyst, { categories: 'Electronics' }, 'day');
    expect(electronics.map((a) => [a.period, a.direction])).toEqual([[eastElectronicsSpike, 'above']]);
  });

  it('a store view flags only what happened in that store: its closed day, not the other region\'s spike', async () => {
    const found = await flagsOf(analyst, { stores: 'S001' }, 'day');
    const series = await independentSeries({ regions: [1], store: 'S001' }, 'day', historyStart(from, 'day'));
    expect(found.map((a) => a.period)).toEqual(findSeriesAnomalies(series, 'day', { from, to: today, today }).map((a) => a.period));
    expect(found.map((a) => [a.period, a.direction, a.value])).toEqual([[eastClosed, 'below', 0]]);
  });

  it('a Monday-only view flags no other day, and its values are the Monday-filtered series', async () => {
    const found = await flagsOf(analyst, { sel: 'weekday:1' }, 'day');
    for (const a of found) expect(isoWeekday(a.period)).toBe(1);
    const series = await independentSeries({ regions: [1, 2], weekday: 1 }, 'day', historyStart(from, 'day'));
    expect(found.map((a) => a.period)).toEqual(findSeriesAnomalies(series, 'day', { from, to: today, today, weekdays: [1] }).map((a) => a.period));
  });

  it('at week grain the flags come from whole weeks of the filtered series', async () => {
    const found = await flagsOf(analyst, { categories: 'Grocery', regions: 'West' }, 'week');
    const series = await independentSeries({ regions: [2], category: 'Grocery' }, 'week', historyStart(from, 'week'));
    expect(found.map((a) => a.period)).toEqual(findSeriesAnomalies(series, 'week', { from, to: today, today }).map((a) => a.period));
    for (const a of found) expect(a.period >= from).toBe(true);
  });

  it('a viewer of East never sees West\'s spike', async () => {
    const found = await flagsOf(east, {}, 'day');
    expect(found.map((a) => a.period)).not.toContain(westSpike);
    const series = await independentSeries({ regions: [1] }, 'day', historyStart(from, 'day'));
    expect(found.map((a) => a.period)).toEqual(findSeriesAnomalies(series, 'day', { from, to: today, today }).map((a) => a.period));
  });
});
