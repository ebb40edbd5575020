import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { REPORT_SEGMENTS } from '@/lib/filters/segments';
import { describeDemoData, hasDemoData, seedDemoData, type SeedResult } from '@/lib/seed';
import { buildDemoWorld } from '@/lib/seed/demo-world';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';

const LINES = 30_000;
const END = '2026-11-23';
// 15:45 in New York, 12:45 in Los Angeles: the last day is partial, and differently in each time zone.
const NOW = new Date('2026-11-23T20:45:00Z');
// A zone with daylight saving time, so local hours are checked across clock changes.
const ZONE = 'America/New_York';

async function one<T>(db: Database, query: ReturnType<typeof sql>): Promise<T> {
  const [row] = await queryRows<T>(db, query);
  return row;
}

describe.each(testEngines())('demo seeder on %s', (engine) => {
  let main: TestDatabase;
  let result: SeedResult;

  beforeAll(async () => {
    main = await createTestDatabase(engine);
    await main.db.execute(sql`insert into app.users (email, name, role, password_hash)
      values ('keep@retailwave.test', 'Keep Me', 'viewer', 'x')`);
    result = await seedDemoData(main.db, { lines: LINES, seed: 42, now: NOW, timeZone: ZONE });
  }, 120_000);
  afterAll(() => main?.destroy());

  it('reports the lines, baskets and revenue it wrote', async () => {
    expect(result.lines).toBe(LINES);
    const lines = result.lines / result.transactions;
    expect(lines).toBeGreaterThan(2.2);
    expect(lines).toBeLessThan(2.8);
    const silver = await one<{ lines: number; net: string }>(main.db, sql`select count(*)::int as lines, sum(net)::text as net from silver.sales_lines`);
    expect(silver.lines).toBe(LINES);
    expect(Number(silver.net)).toBeCloseTo(result.revenue, 2);
    expect(await hasDemoData(main.db)).toBe(LINES);
    expect(await describeDemoData(main.db)).toEqual({ lines: LINES, seed: 42, seededUntil: NOW, salesUntil: NOW });
  });

  it('covers two years of store days ending at the moment it ran, inside each store\'s opening hours on its own clock', async () => {
    const span = await one<{ first: number; last: number; min_hour: number; max_hour: number }>(main.db, sql`
      select min(date_key) as first, max(date_key) as last, min(hour) as min_hour, max(hour) as max_hour from gold.fact_sales`);
    expect(span).toEqual({ first: 20241124, last: 20261123, min_hour: 8, max_hour: 21 });
    const local = await one<{ mismatched: number; zones: number; last_local_day: string }>(main.db, sql`
      select count(*) filter (where f.hour <> extract(hour from f.occurred_at at time zone s.time_zone)
          or f.weekday <> extract(isodow from f.occurred_at at time zone s.time_zone))::int as mismatched,
        count(distinct s.time_zone)::int as zones,
        max((f.occurred_at at time zone s.time_zone)::date)::text as last_local_day
      from gold.fact_sales f join gold.dim_store s on s.store_key = f.store_key`);
    expect(local).toEqual({ mismatched: 0, zones: expect.any(Number), last_local_day: '2026-11-23' });
    expect(local.zones).toBeGreaterThanOrEqual(4);
  });

  it('never sells after the moment it ran, and fills the last day up to it in each store\'s time zone', async () => {
    const future = await one<{ silver: number; facts: number; stock: number; days: number }>(main.db, sql`
      select (select count(*)::int from silver.sales_lines where occurred_at > ${NOW.toISOString()}::timestamptz) as silver,
        (select count(*)::int from gold.fact_sales where occurred_at > ${NOW.toISOString()}::timestamptz) as facts,
        (select count(*)::int from silver.inventory_levels where updated_at > ${NOW.toISOString()}::timestamptz) as stock,
        (select count(*)::int from gold.dim_date where date > ${END}::date) as days`);
    expect(future).toEqual({ silver: 0, facts: 0, stock: 0, days: 0 });
    // every store-local day holds exactly its planned lines: the last one only the share passed by NOW
    const world = buildDemoWorld(42, LINES, NOW);
    const lastDays = world.plan.days.slice(-3);
    const perDay = await queryRows<{ day: string; lines: number }>(main.db, sql`
      select day::text, count(*)::int as lines
      from (select (s.occurred_at at time zone st.time_zone)::date as day
        from silver.sales_lines s join silver.stores st using (store_code)
        where s.occurred_at > ${NOW.toISOString()}::timestamptz - interval '4 days') local
      where day >= ${lastDays[0]}::date group by day order by day`);
    expect(perDay).toEqual(lastDays.map((day, i) => ({ day, lines: world.plan.lines[world.plan.days.length - 3 + i] })));
    const [dayBefore, last] = [perDay[1].lines, perDay[2].lines];
    expect(last).toBeGreaterThan(0);
    expect(last).toBeLessThan(dayBefore);
    // each zone's last sale of the day is before that zone's clock showed NOW (New York 15:45, Los Angeles 12:45)
    const zones = await queryRows<{ time_zone: string; last_sale: string; clock: string }>(main.db, sql`
      select st.time_zone, max(s.occurred_at at time zone st.time_zone)::time::text as last_sale,
        (${NOW.toISOString()}::timestamptz at time zone st.time_zone)::time::text as clock
      from silver.sales_lines s join silver.stores st using (store_code)
      where (s.occurred_at at time zone st.time_zone)::date = ${END}::date
      group by 1 order by 1`);
    expect(zones.length).toBeGreaterThanOrEqual(2);
    for (const zone of zones) expect(zone.last_sale <= zone.clock).toBe(true);
    expect(zones.find((z) => z.time_zone === 'America/New_York')?.last_sale).toMatch(/^1[345]:/);
  });

  it('sells in all five regions and about 60 stores', async () => {
    const spread = await one<{ regions: number; stores: number }>(main.db, sql`
      select count(distinct region_id)::int as regions, count(distinct store_key)::int as stores from gold.fact_sales`);
    expect(spread.regions).toBe(5);
    expect(spread.stores).toBeGreaterThanOrEqual(58);
  });

  it('sells more on weekends and in December', async () => {
    const days = await one<{ weekend: string; weekday: string; december: string; june: string }>(main.db, sql`
      with daily as (
        select d.date_key, d.is_weekend, d.month, sum(a.net) as net
        from gold.agg_baskets_by_store a join gold.dim_date d on d.date_key = a.date_key
        group by d.date_key, d.is_weekend, d.month
      )
      select avg(net) filter (where is_weekend) as weekend, avg(net) filter (where not is_weekend) as weekday,
        sum(net) filter (where month = 12) as december, sum(net) filter (where month = 6) as june
      from daily`);
    expect(Number(days.weekend)).toBeGreaterThan(Number(days.weekday));
    expect(Number(days.december)).toBeGreaterThan(Number(days.june));
  });

  it('has every customer segment plus guests, with guests in about 30 % of baskets', async () => {
    const rows = await queryRows<{ segment: string; transactions: number }>(main.db, sql`
      select segment, sum(transactions)::int as transactions from gold.agg_baskets_by_store group by segment`);
    expect(new Set(rows.map((r) => r.segment))).toEqual(new Set(REPORT_SEGMENTS));
    const guests = rows.find((r) => r.segment === 'Guest')!.transactions / result.transactions;
    expect(guests).toBeGreaterThan(0.22);
    expect(guests).toBeLessThan(0.38);
  });

  it('sends card holders mostly to their home store and keeps quantities small', async () => {
    const shares = await one<{ home: number; small: number }>(main.db, sql`
      select avg((f.store_key = c.home_store_key)::int) filter (where f.customer_sk is not null)::float8 as home,
        avg((f.quantity <= 3)::int)::float8 as small
      from gold.fact_sales f left join gold.dim_customer c on c.customer_sk = f.customer_sk`);
    expect(shares.home).toBeGreaterThan(0.8);
    expect(shares.small).toBeGreaterThan(0.85);
  });

  it('discounts campaign categories and keeps net = gross − discount', async () => {
    const amounts = await one<{ wrong: number; campaign_lines: number; discounted: number }>(main.db, sql`
      select count(*) filter (where net <> gross - discount or gross <> quantity * unit_price)::int as wrong,
        (select count(*)::int from gold.fact_sales where campaign_key is not null) as campaign_lines,
        count(*) filter (where discount > 0)::int as discounted
      from silver.sales_lines`);
    expect(amounts.wrong).toBe(0);
    expect(amounts.campaign_lines).toBeGreaterThan(0);
    expect(amounts.discounted).toBeGreaterThan(amounts.campaign_lines);
  });

  it('adds up to the cent from silver to facts to rollups', async () => {
    const totals = await one<{ silver: string; facts: string; daily: string; baskets: string; hourly: string }>(main.db, sql`
      select (select sum(net) from silver.sales_lines)::text as silver, (select sum(net) from gold.fact_sales)::text as facts,
        (select sum(net) from gold.agg_categories_by_store)::text as daily, (select sum(net) from gold.agg_baskets_by_store)::text as baskets,
        (select sum(net) from gold.agg_hours_by_store)::text as hourly`);
    expect(totals.facts).toBe(totals.silver);
    expect(totals.daily).toBe(totals.facts);
    expect(totals.baskets).toBe(totals.facts);
    expect(totals.hourly).toBe(totals.facts);
  });

  it('stocks every store with some products below their reorder point', async () => {
    const stock = await one<{ levels: number; snapshots: number; low: number; mismatched: number }>(main.db, sql`
      select (select count(*)::int from silver.inventory_levels) as levels,
        count(distinct date_key)::int as snapshots,
        count(*) filter (where on_hand < reorder_point and date_key = 20261123)::int as low,
        count(*) filter (where f.region_id <> st.region_id)::int as mismatched
      from gold.fact_inventory f join gold.dim_store st on st.store_key = f.store_key`);
    expect(stock.levels).toBe(60 * 1200);
    expect(stock.snapshots).toBe(4);
    expect(stock.low).toBeGreaterThan(0);
    expect(stock.mismatched).toBe(0);
  });

  it('raises one open low-stock alert per seeded level below its reorder point', async () => {
    const alerts = await one<{ low: number; alerts: number; keys: number; mismatched: number }>(main.db, sql`
      select (select count(*)::int from silver.inventory_levels il join silver.products p using (sku) where il.on_hand < p.reorder_point) as low,
        count(*)::int as alerts, count(distinct a.dedupe_key)::int as keys,
        count(*) filter (where a.region_id <> st.region_id or a.kind <> 'low_stock' or a.resolved_at is not null)::int as mismatched
      from gold.alerts a join gold.dim_store st on st.store_key = a.store_key`);
    expect(alerts.low).toBeGreaterThan(0);
    expect(alerts).toEqual({ low: alerts.low, alerts: alerts.low, keys: alerts.low, mismatched: 0 });
  });

  it('leaves users alone', async () => {
    const users = await queryRows<{ email: string }>(main.db, sql`select email from app.users`);
    expect(users.map((u) => u.email)).toEqual(['keep@retailwave.test']);
  });

  it('gives the same totals for the same seed and different ones for another seed', async () => {
    // On a small dataset of its own: three seeds of the main size made this the slowest test of the suite.
    const other = await createTestDatabase(engine);
    const lines = 6_000;
    try {
      const first = await seedDemoData(other.db, { lines, seed: 42, now: NOW, timeZone: ZONE });
      // Reseeding replaces the dataset rather than adding to it.
      const again = await seedDemoData(other.db, { lines, seed: 42, now: NOW, timeZone: ZONE });
      expect(again).toEqual(first);
      const changed = await seedDemoData(other.db, { lines, seed: 7, now: NOW, timeZone: ZONE });
      expect(changed.lines).toBe(lines);
      expect(changed.revenue).not.toBe(first.revenue);
      const facts = await one<{ lines: number }>(other.db, sql`select count(*)::int as lines from gold.fact_sales`);
      expect(facts.lines).toBe(lines);
      // and its signals: the alerts are the new dataset's only
      const alerts = await one<{ alerts: number; low: number }>(other.db, sql`
        select (select count(*)::int from gold.alerts) as alerts,
          (select count(*)::int from silver.inventory_levels il join silver.products p using (sku) where il.on_hand < p.reorder_point) as low`);
      expect(alerts.alerts).toBe(alerts.low);
    } finally {
      await other.destroy();
    }
  }, 180_000);
});
