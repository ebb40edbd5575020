/**
 * The demo keeps selling while the portal runs: after a pause the sales since the seed's last one are sent
 * through ingest and loaded by the ETL (the gap fill), then a live stream adds what the stores sell; both
 * only on the demo dataset, and not at all with DEMO_LIVE=0. Live (and simulated) baskets look like the
 * seeded ones.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { parseEnv } from '@/lib/env';
import type { RetailEvent } from '@/lib/etl/silver/events';
import { startWorker } from '@/lib/etl/worker';
import { describeDemoData, seedDemoData } from '@/lib/seed';
import { buildDemoWorld } from '@/lib/seed/demo-world';
import { extendDemoData, startDemoLive } from '@/lib/seed/live-demo';
import { DemoSales } from '@/lib/seed/live-sales';
import { EventSimulator } from '@/scripts/simulator/event-simulator';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';

const LINES = 60_000;
const SEED = 42;
const TZ = 'UTC';
// Seeded up to a Wednesday afternoon (14:00 in New York); the portal then stopped for three days.
const SEEDED_UNTIL = new Date('2026-06-17T18:00:00Z');
const RESTARTED = new Date('2026-06-20T18:00:00Z');
const DAY = 86_400_000;

async function one<T>(db: Database, query: ReturnType<typeof sql>): Promise<T> {
  return (await queryRows<T>(db, query))[0];
}

const liveFacts = (db: Database) =>
  one<{ lines: number; latest: string | null }>(db, sql`select count(*)::int as lines, max(occurred_at)::text as latest
    from gold.fact_sales where transaction_id like 'L%'`);
const bronzeEvents = (db: Database) => one<{ events: number }>(db, sql`select count(*)::int as events from bronze.events`);

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/** Average net amount per basket of sale events (re-sent copies counted once). */
function averageOrder(events: RetailEvent[]): number {
  const baskets = new Map<string, number>();
  const seen = new Set<string>();
  for (const e of events) {
    if (e.type !== 'sale' || seen.has(e.id)) continue;
    seen.add(e.id);
    const net = e.payload.quantity * e.payload.unitPrice - (e.payload.discount ?? 0);
    baskets.set(e.payload.transactionId, (baskets.get(e.payload.transactionId) ?? 0) + net);
  }
  return [...baskets.values()].reduce((a, b) => a + b, 0) / baskets.size;
}

describe.each(testEngines())('the live demo on %s', (engine) => {
  let db: TestDatabase;
  const world = buildDemoWorld(SEED, LINES, SEEDED_UNTIL);

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await seedDemoData(db.db, { lines: LINES, seed: SEED, now: SEEDED_UNTIL, timeZone: TZ });
  }, 240_000);
  afterAll(() => db?.destroy());

  it('fills the gap since the seed through ingest and the ETL, so every recent day is full', async () => {
    const expected = new DemoSales(world).between(SEEDED_UNTIL, RESTARTED);
    const extended = await extendDemoData(db.db, { now: RESTARTED, timeZone: TZ });
    if (extended === null || extended === 'busy') throw new Error(`not extended: ${extended}`);
    expect(extended.added).toEqual({ from: SEEDED_UNTIL, to: RESTARTED, events: expected.length });
    expect(extended.loaded).toMatchObject({ sales: expected.length, quarantined: 0 });
    // exactly the sales of the continued dataset, through bronze (event ids) into gold
    const ids = await queryRows<{ id: string }>(db.db, sql`select event_id::text as id from silver.sales_lines where event_id is not null order by 1`);
    expect(ids.map((r) => r.id)).toEqual(expected.map((e) => e.id).sort());
    const after = await one<{ late: number; live: number }>(db.db, sql`
      select count(*) filter (where occurred_at > ${RESTARTED.toISOString()}::timestamptz)::int as late,
        count(*) filter (where transaction_id like 'L%')::int as live from gold.fact_sales`);
    expect(after).toEqual({ late: 0, live: expected.length });
    expect(await describeDemoData(db.db)).toMatchObject({ seededUntil: SEEDED_UNTIL, salesUntil: RESTARTED });
    // "last 30 days" is full: the three days of the pause sell like the days before them
    const days = await queryRows<{ day: string; lines: number }>(db.db, sql`
      select d.date::text as day, count(f.sales_line_id)::int as lines
      from gold.dim_date d left join gold.fact_sales f on f.date_key = d.date_key
      where d.date between ${RESTARTED.toISOString().slice(0, 10)}::date - 29 and ${RESTARTED.toISOString().slice(0, 10)}::date - 1
      group by 1 order by 1`);
    expect(days).toHaveLength(29);
    const mean = (rows: typeof days) => rows.reduce((a, r) => a + r.lines, 0) / rows.length;
    expect(days.every((d) => d.lines > 0)).toBe(true);
    expect(mean(days.slice(-2)) / mean(days.slice(0, -3))).toBeGreaterThan(0.6);
    expect(mean(days.slice(-2)) / mean(days.slice(0, -3))).toBeLessThan(1.6);
    // the rollups hold the new days as the facts do
    const sums = await queryRows<{ date_key: number; facts: string; rollup: string }>(db.db, sql`
      select f.date_key, f.net::text as facts, coalesce(r.net, 0)::text as rollup
      from (select date_key, sum(net) as net from gold.fact_sales where date_key >= 20260617 group by 1) f
      left join (select date_key, sum(net) as net from gold.agg_baskets_by_store where date_key >= 20260617 group by 1) r using (date_key)
      order by 1`);
    expect(sums.length).toBeGreaterThanOrEqual(4);
    for (const day of sums) expect(day.rollup).toBe(day.facts);
  }, 240_000);

  it('adds nothing twice: sending the same stretch again only repeats event ids', async () => {
    const before = await liveFacts(db.db);
    // as if the portal had stopped after ingesting but before recording how far it came
    await db.db.execute(sql`update app.etl_watermarks set updated_at = ${SEEDED_UNTIL.toISOString()}::timestamptz where stage = 'demo-live'`);
    const again = await extendDemoData(db.db, { now: RESTARTED, timeZone: TZ });
    if (again === null || again === 'busy') throw new Error(`not extended: ${again}`);
    expect(again.added.events).toBe(0);
    expect(await liveFacts(db.db)).toEqual(before);
  }, 120_000);

  it('streams sales while the portal runs, which reach gold within seconds, and stops when asked', async () => {
    const before = await liveFacts(db.db);
    const [{ change }] = await queryRows<{ change: number }>(db.db, sql`select coalesce(max(id), 0)::int as change from app.change_log`);
    const lines: string[] = [];
    // a clock running a day a minute from the restart, so a few seconds hold some sales
    const started = Date.now();
    const clock = () => new Date(RESTARTED.getTime() + (Date.now() - started) * 1_440);
    const stopWorker = startWorker(db, { limit: 500, timeZone: TZ, idleMs: 60_000 });
    const stopLive = startDemoLive(db.db, { enabled: true, tickMs: 250, now: clock, log: (line) => lines.push(line) });
    let stopped = false;
    try {
      const reached = await waitFor(async () => (await liveFacts(db.db)).lines >= before.lines + 5, 30_000);
      expect(reached).toBe(true);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^\[demo-live\] .*DEMO_LIVE=0 turns this off$/);
      // the ETL told the live dashboards (the SSE stream reads the change log)
      const [{ latest }] = await queryRows<{ latest: number }>(db.db, sql`select coalesce(max(id), 0)::int as latest from app.change_log`);
      expect(latest).toBeGreaterThan(change);
      // a sale that just arrived is in gold within seconds of its ingest
      const lag = await one<{ seconds: number }>(db.db, sql`
        select extract(epoch from max(f_seen.at - b.received_at))::float8 as seconds
        from (select s.bronze_id, s.ingested_at as at from silver.sales_lines s where s.transaction_id like 'L%' and s.bronze_id is not null) f_seen
        join bronze.events b on b.id = f_seen.bronze_id
        where b.received_at > now() - interval '1 minute'`);
      expect(lag.seconds).toBeLessThan(10);
      await stopLive();
      stopped = true;
      const { events } = await bronzeEvents(db.db);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect((await bronzeEvents(db.db)).events).toBe(events);
      // nothing after the stream's own clock
      const latest2 = (await liveFacts(db.db)).latest!;
      expect(Date.parse(latest2)).toBeLessThanOrEqual(clock().getTime());
    } finally {
      if (!stopped) await stopLive();
      await stopWorker();
    }
  }, 120_000);

  it('stays off with DEMO_LIVE=0, and on a database without the demo dataset', async () => {
    expect(parseEnv({}).DEMO_LIVE).toBe(true);
    expect(parseEnv({ DEMO_LIVE: '0' }).DEMO_LIVE).toBe(false);
    expect(parseEnv({ DEMO_LIVE: 'off' }).DEMO_LIVE).toBe(false);
    expect(() => parseEnv({ DEMO_LIVE: 'sometimes' })).toThrow(/DEMO_LIVE/);

    const tick = { tickMs: 100, now: () => new Date(RESTARTED.getTime() + 3 * DAY), log: () => {} };
    const { events } = await bronzeEvents(db.db);
    const off = startDemoLive(db.db, { enabled: parseEnv({ DEMO_LIVE: '0' }).DEMO_LIVE, ...tick });
    await new Promise((resolve) => setTimeout(resolve, 800));
    await off();
    expect((await bronzeEvents(db.db)).events).toBe(events);

    const other = await createTestDatabase(engine);
    try {
      const logged: string[] = [];
      const notDemo = startDemoLive(other.db, { enabled: true, ...tick, log: (line) => logged.push(line) });
      await new Promise((resolve) => setTimeout(resolve, 800));
      await notDemo();
      expect(await bronzeEvents(other.db)).toEqual({ events: 0 });
      expect(logged).toEqual([]);
    } finally {
      await other.destroy();
    }
  }, 120_000);

  it('draws baskets like the seeded ones: the live stream and the simulator within 10 % of the seed\'s average order', async () => {
    // a year, so the odd television does not swing the average: the seed's last, the live stream's next
    const seeded = await queryRows<{ month: number; baskets: number; average: string }>(db.db, sql`
      select d.month, count(distinct f.transaction_id)::int as baskets, (sum(f.net) / count(distinct f.transaction_id))::text as average
      from gold.fact_sales f join gold.dim_date d using (date_key)
      where f.transaction_id like 'T%' and f.occurred_at > ${SEEDED_UNTIL.toISOString()}::timestamptz - interval '365 days'
      group by rollup (d.month) order by d.month nulls first`);
    const [year, ...months] = seeded;
    const seedAverage = Number(year.average);
    const live = averageOrder(new DemoSales(world).between(SEEDED_UNTIL, new Date(SEEDED_UNTIL.getTime() + 365 * DAY)));
    expect(Math.abs(live / seedAverage - 1)).toBeLessThan(0.1);

    // the simulator (suspicious baskets included) a few minutes in the middle of each month, weighted as the seed's months
    let simulated = 0;
    for (const { month, baskets } of months) {
      const at = new Date(Date.UTC(2026, month - 1, 15, 18));
      const simulator = new EventSimulator(buildDemoWorld(SEED, LINES, at), { rate: 200, seed: month });
      const events: RetailEvent[] = [];
      for (let t = 0; t < 3 * 60_000; t += 250) events.push(...simulator.tick(new Date(at.getTime() + t), 250));
      simulated += averageOrder(events) * (baskets / year.baskets);
    }
    expect(Math.abs(simulated / seedAverage - 1)).toBeLessThan(0.1);
  }, 240_000);
});
