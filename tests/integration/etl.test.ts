import { ROLLUP_TABLES } from '@/lib/etl/rollups/maintain-rollups';
import { sql } from 'drizzle-orm';
import { queryRows, type Database, type DatabaseHandle } from '@/db/client';
import { appendToBronze } from '@/lib/etl/bronze';
import { runEtlUntilDrained, type EtlSummary } from '@/lib/etl/run-batch';
import { syntheticSaleEvents } from '@/tests/helpers/synthetic-events';
import { startWorker } from '@/lib/etl/worker';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';
import { expectRollupsMatchFacts, ROLLUP_CHECKS } from '../helpers/rollup-checks';
import { customerEvent, insertRetailFixture, inventoryEvent, saleEvent } from '../helpers/retail-fixture';

const TZ = 'America/New_York';
const etl = (db: Database, limit = 1_000) => runEtlUntilDrained(db, { limit, timeZone: TZ });

async function one<T>(db: Database, query: ReturnType<typeof sql>): Promise<T> {
  return (await queryRows<T>(db, query))[0];
}

async function freshDatabase(engine: Parameters<typeof createTestDatabase>[0]): Promise<TestDatabase> {
  const handle = await createTestDatabase(engine);
  await insertRetailFixture(handle.db);
  return handle;
}

/** A fingerprint of every table the ETL writes, to prove a re-run changes nothing. */
async function fingerprint(db: Database): Promise<Record<string, string>> {
  const tables: Record<string, string> = {
    bronze: 'select id, processed_at from bronze.events',
    sales_lines: 'select id, event_id, gross, net from silver.sales_lines',
    quarantine: 'select bronze_id, reason from silver.quarantine',
    customers: 'select customer_id, segment, updated_at from silver.customers',
    inventory_levels: 'select store_code, sku, on_hand, updated_at from silver.inventory_levels',
    dim_customer: 'select customer_sk, segment, valid_from, valid_to, is_current from gold.dim_customer',
    fact_sales: 'select sales_line_id, customer_sk, net from gold.fact_sales',
    fact_inventory: 'select date_key, store_key, product_key, on_hand from gold.fact_inventory',
    ...Object.fromEntries(ROLLUP_TABLES.map((t) => [t, `select * from gold.${t}`])),
    watermarks: 'select stage, last_bronze_id, rows_total from app.etl_watermarks',
  };
  const out: Record<string, string> = {};
  for (const [name, query] of Object.entries(tables)) {
    const row = await one<{ digest: string | null }>(
      db,
      sql.raw(`select md5(string_agg(t::text, '|' order by t::text)) as digest from (${query}) t`),
    );
    out[name] = row.digest ?? 'empty';
  }
  return out;
}


async function segmentNet(db: Database, dateKey: number): Promise<Record<string, string>> {
  const rows = await queryRows<{ segment: string; net: string }>(
    db,
    sql`select segment, sum(net)::text as net from gold.agg_categories_by_store where date_key = ${dateKey} group by 1 order by 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.segment, r.net]));
}

describe.each(testEngines())('ETL on %s', (engine) => {
  describe('a crafted batch of good, duplicate and bad events', () => {
    let handle: TestDatabase;
    let db: Database;
    let summary: EtlSummary;
    const future = new Date(Date.now() + 25 * 3600_000).toISOString();
    const soon = new Date(Date.now() + 2 * 60_000).toISOString();
    const valid = [
      saleEvent({ transactionId: 'T1', customerId: 'C001', quantity: 2, unitPrice: 2.5 }),
      saleEvent({ transactionId: 'T1', customerId: 'C001', sku: 'SKU-00003', unitPrice: 199.99, discount: 20 }),
      saleEvent({ transactionId: 'T2', storeCode: 'S003', sku: 'SKU-00002', quantity: 3, unitPrice: 0.335 }),
      // 02:30 UTC is 22:30 the day before in New York: the fact's day and hour follow the reporting zone
      saleEvent(
        { transactionId: 'T3', storeCode: 'S002', sku: 'SKU-00002', customerId: 'C999', unitPrice: 4.2 },
        { occurredAt: '2025-06-10T02:30:00Z' },
      ),
      saleEvent({ transactionId: 'T4', storeCode: 'S003', sku: 'SKU-00004', unitPrice: 19.99 }, { occurredAt: soon }),
    ];
    // gross 5.00 + 199.99 + 1.01 (3 × 0.335 rounded half up) + 4.20 + 19.99; discount 20.00
    const expected = { lines: 5, units: 8, gross: '230.19', discount: '20.00', net: '210.19' };
    const invalid = {
      wrongType: saleEvent({ quantity: '2' }),
      unknownStore: saleEvent({ storeCode: 'S999' }),
      negative: saleEvent({ quantity: -3 }),
      zero: saleEvent({ quantity: 0 }),
      future: saleEvent({}, { occurredAt: future }),
      unknownType: saleEvent({}, { type: 'refund' }),
      missingSku: saleEvent({ sku: undefined }),
      unknownSku: saleEvent({ sku: 'SKU-99999' }),
      bigDiscount: saleEvent({ unitPrice: 2.5, discount: 3 }),
      badId: saleEvent({}, { id: 'not-a-uuid' }),
    };
    const reasons: Record<keyof typeof invalid, string> = {
      wrongType: 'payload.quantity must be a number (got "2")',
      unknownStore: 'unknown store "S999"',
      negative: 'payload.quantity must be greater than 0 (got -3)',
      zero: 'payload.quantity must be greater than 0 (got 0)',
      future: 'is more than a day in the future',
      unknownType: 'unknown event type "refund"',
      missingSku: 'payload.sku is required',
      unknownSku: 'unknown sku "SKU-99999"',
      bigDiscount: "discount 3.00 exceeds the line's gross amount 2.50",
      badId: 'id must be a UUID (got "not-a-uuid")',
    };
    const malformed = '{"id": "1b4e28ba-2fa1-11d2-883f-0016d3cca427", "type": "sale",';
    const others = [
      customerEvent({ customerId: 'C002', segment: 'Business' }, { occurredAt: '2025-06-09T12:00:00Z' }),
      inventoryEvent({ storeCode: 'S003', sku: 'SKU-00004', onHand: 7 }),
    ];

    beforeAll(async () => {
      handle = await freshDatabase(engine);
      db = handle.db;
      const first = await appendToBronze(db, {
        source: 'test',
        events: [...valid, valid[0], ...Object.values(invalid), malformed, ...others],
      });
      expect(first.accepted).toBe(valid.length + Object.keys(invalid).length + 1 + others.length);
      expect(first.duplicates).toBe(1);
      expect(first.statuses[valid.length]).toBe('duplicate');
      const second = await appendToBronze(db, { source: 'test', events: [valid[1], valid[2]] });
      expect(second).toMatchObject({ accepted: 0, duplicates: 2, statuses: ['duplicate', 'duplicate'] });
      summary = await etl(db, 4);
    });
    afterAll(() => handle.destroy());

    it('accounts for every bronze event exactly once, in silver or in quarantine', async () => {
      const counts = await one<{ bronze: number; lines: number; quarantined: number; unprocessed: number; orphans: number }>(
        db,
        sql`select (select count(*)::int from bronze.events) as bronze,
              (select count(*)::int from silver.sales_lines where bronze_id is not null) as lines,
              (select count(*)::int from silver.quarantine where stage = 'validate') as quarantined,
              (select count(*)::int from bronze.events where processed_at is null) as unprocessed,
              (select count(*)::int from bronze.events e where not exists (select 1 from silver.sales_lines s where s.bronze_id = e.id)
                 and not exists (select 1 from silver.quarantine q where q.bronze_id = e.id)) as orphans`,
      );
      expect(counts.lines + counts.quarantined + summary.customers + summary.inventory).toBe(counts.bronze);
      expect(counts).toMatchObject({ bronze: 18, lines: valid.length, quarantined: 11, unprocessed: 0, orphans: 2 });
      expect(summary).toMatchObject({ claimed: 18, sales: 5, customers: 1, inventory: 1, quarantined: 11 });
      expect(summary.regions).toEqual([1, 2]);
      expect(summary.stores).toEqual(['S001', 'S002', 'S003']);
      expect(summary.dates).toContain('2025-06-09');
    });

    it('quarantines each bad event with a clear reason', async () => {
      const rows = await queryRows<{ event_id: string | null; reason: string; raw_text: string | null }>(
        db,
        sql`select event_id, reason, raw_text from silver.quarantine order by id`,
      );
      for (const [name, event] of Object.entries(invalid)) {
        const row = rows.find((r) => r.event_id === event.id);
        expect(row?.reason).toContain(reasons[name as keyof typeof invalid]);
      }
      const raw = rows.find((r) => r.raw_text !== null);
      expect(raw?.raw_text).toBe(malformed);
      expect(raw?.reason).toMatch(/^malformed JSON: /);
    });

    it('loads each valid sale once, with amounts to the cent, in silver and gold alike', async () => {
      const totals = (table: string) =>
        one<Record<string, unknown>>(
          db,
          sql.raw(`select count(*)::int as lines, sum(quantity)::int as units, sum(gross)::text as gross,
                     sum(discount)::text as discount, sum(net)::text as net from ${table}`),
        );
      expect(await totals('silver.sales_lines')).toEqual(expected);
      expect(await totals('gold.fact_sales')).toEqual(expected);
      const late = await one<{ date_key: number; hour: number }>(
        db,
        sql`select f.date_key, f.hour from gold.fact_sales f join silver.sales_lines s on s.id = f.sales_line_id
            where s.event_id = ${valid[3].id}`,
      );
      expect(late).toEqual({ date_key: 20250609, hour: 22 });
    });

    it('builds rollups equal to aggregates of the facts', () => expectRollupsMatchFacts(db, TZ));

    it('creates an inferred member for an unknown customer and versions a known one', async () => {
      const rows = await queryRows<{ customer_id: string; segment: string; home: string; acquired_on: string; is_current: boolean }>(
        db,
        sql`select d.customer_id, d.segment, s.store_code as home, d.acquired_on::text as acquired_on, d.is_current
            from gold.dim_customer d join gold.dim_store s on s.store_key = d.home_store_key
            where d.customer_id in ('C002', 'C999') order by d.customer_id, d.valid_from`,
      );
      expect(rows).toEqual([
        { customer_id: 'C002', segment: 'Premium', home: 'S003', acquired_on: '2023-07-15', is_current: false },
        { customer_id: 'C002', segment: 'Business', home: 'S003', acquired_on: '2023-07-15', is_current: true },
        { customer_id: 'C999', segment: 'Mainstream', home: 'S002', acquired_on: '2025-06-09', is_current: true },
      ]);
    });

    it('snapshots inventory for the day in the reporting zone', async () => {
      const rows = await queryRows(
        db,
        sql`select i.date_key, s.store_code, i.region_id::int, i.on_hand, i.reorder_point from gold.fact_inventory i
            join gold.dim_store s using (store_key)`,
      );
      expect(rows).toEqual([{ date_key: 20250610, store_code: 'S003', region_id: 2, on_hand: 7, reorder_point: 12 }]);
    });

    it('records watermarks per stage', async () => {
      const rows = await queryRows<{ stage: string; rows_total: number; last_bronze_id: number }>(
        db,
        sql`select stage, rows_total::int, last_bronze_id::int from app.etl_watermarks order by stage`,
      );
      const maxId = await one<{ id: number }>(db, sql`select max(id)::int as id from bronze.events`);
      expect(rows.map((r) => r.stage)).toEqual(['bronze_to_silver', 'rollups', 'silver_to_gold']);
      expect(rows[0]).toEqual({ stage: 'bronze_to_silver', rows_total: 18, last_bronze_id: maxId.id });
    });

    it('changes nothing when run again or sent the same events again', async () => {
      const before = await fingerprint(db);
      expect((await etl(db)).claimed).toBe(0);
      const again = await appendToBronze(db, { source: 'test', events: valid });
      expect(again.accepted).toBe(0);
      expect((await etl(db)).claimed).toBe(0);
      expect(await fingerprint(db)).toEqual(before);
    });
  });

  describe('several workers at once', () => {
    const events = syntheticSaleEvents({
      count: 3_000,
      storeCodes: ['S001', 'S002', 'S003'],
      skus: ['SKU-00001', 'SKU-00002', 'SKU-00003', 'SKU-00004'],
      customerIds: ['C001', 'C002', 'C100', 'C101', 'C102'],
      from: new Date('2025-05-01T00:00:00Z'),
      to: new Date('2025-05-15T00:00:00Z'),
      seed: 42,
    });
    let single: TestDatabase;
    let parallel: TestDatabase;

    beforeAll(async () => {
      [single, parallel] = await Promise.all([freshDatabase(engine), freshDatabase(engine)]);
      await appendToBronze(single.db, { source: 'test', events });
      await appendToBronze(parallel.db, { source: 'test', events });
    });
    afterAll(async () => {
      await single.destroy();
      await parallel.destroy();
    });

    it('produce the same gold and rollups as one worker, each event once', async () => {
      const alone = await etl(single.db, 400);
      const [a, b] = await Promise.all([etl(parallel.db, 150), etl(parallel.db, 150)]);
      expect(a.claimed + b.claimed).toBe(events.length);
      expect(alone.claimed).toBe(events.length);
      if (engine === 'postgres') expect(Math.min(a.claimed, b.claimed)).toBeGreaterThan(0);

      const content = async (db: Database) => {
        const out: Record<string, unknown> = {};
        for (const [name, check] of Object.entries(ROLLUP_CHECKS)) out[name] = await queryRows(db, sql.raw(check.stored));
        out.facts = await queryRows(db, sql`select count(*)::int, sum(net)::text, count(distinct sales_line_id)::int from gold.fact_sales`);
        out.customers = await queryRows(db, sql`select customer_id, segment, is_current from gold.dim_customer order by 1, 2`);
        out.bronze = await queryRows(db, sql`select rows_total::int from app.etl_watermarks where stage = 'bronze_to_silver'`);
        return out;
      };
      expect(await content(parallel.db)).toEqual(await content(single.db));
      await expectRollupsMatchFacts(parallel.db, TZ);
    });
  });

  describe('a basket whose lines arrive in several batches', () => {
    let handle: TestDatabase;
    beforeAll(async () => {
      handle = await freshDatabase(engine);
    });
    afterAll(() => handle.destroy());

    it('counts the basket once per rollup row, as a rebuild from the facts would', async () => {
      const db = handle.db;
      const at = (time: string) => ({ occurredAt: `2025-06-10T${time}Z` });
      const line = (transactionId: string, sku: string, time: string, customerId?: string) =>
        saleEvent({ transactionId, sku, customerId, unitPrice: 3 }, at(time));
      const batches = [
        [line('B1', 'SKU-00001', '10:59:50', 'C001'), line('B2', 'SKU-00002', '11:00:00')],
        // B1 again: same category and hour, a new category, and a line past the hour; B2 again as a guest
        [line('B1', 'SKU-00001', '10:59:55', 'C001'), line('B1', 'SKU-00003', '10:59:58', 'C001'), line('B1', 'SKU-00004', '11:00:05', 'C001'),
          line('B2', 'SKU-00002', '11:00:01'), line('B3', 'SKU-00002', '11:00:02', 'C001')],
        [line('B3', 'SKU-00001', '11:00:03', 'C001')],
      ];
      for (const events of batches) {
        await appendToBronze(db, { source: 'test', events });
        await etl(db);
        await expectRollupsMatchFacts(db, TZ);
      }
      const baskets = await one<{ transactions: number; lines: number }>(
        db,
        sql`select sum(transactions)::int as transactions, sum(lines)::int as lines from gold.agg_baskets_by_store`,
      );
      expect(baskets).toEqual({ transactions: 3, lines: 8 });
    });
  });

  describe('customer history (SCD type 2)', () => {
    let handle: TestDatabase;
    beforeAll(async () => {
      handle = await freshDatabase(engine);
    });
    afterAll(() => handle.destroy());

    it('keeps old sales on the old segment and puts new and late-arriving ones on the new segment', async () => {
      const db = handle.db;
      const sale = (day: string, unitPrice: number) =>
        saleEvent({ transactionId: `T-${day}`, customerId: 'C001', unitPrice }, { occurredAt: `2025-06-${day}T15:00:00Z` });
      // The sale of the 12th is loaded before the change of the 11th arrives: it must move to the new version.
      await appendToBronze(db, { source: 'test', events: [sale('10', 10), sale('12', 12)] });
      await etl(db);
      expect(await segmentNet(db, 20250612)).toEqual({ Budget: '12.00' });

      await appendToBronze(db, {
        source: 'test',
        events: [customerEvent({ customerId: 'C001', segment: 'Premium' }, { occurredAt: '2025-06-11T09:00:00Z' })],
      });
      const summary = await etl(db);
      expect(summary).toMatchObject({ customers: 1, dates: ['2025-06-12'], stores: ['S001'] });
      await appendToBronze(db, { source: 'test', events: [sale('13', 13)] });
      await etl(db);

      expect(await segmentNet(db, 20250610)).toEqual({ Budget: '10.00' });
      expect(await segmentNet(db, 20250612)).toEqual({ Premium: '12.00' });
      expect(await segmentNet(db, 20250613)).toEqual({ Premium: '13.00' });
      const versions = await queryRows(
        db,
        sql`select segment, valid_from = '1900-01-01T00:00:00Z' as first, valid_to, is_current from gold.dim_customer
            where customer_id = 'C001' order by valid_from`,
      );
      expect(versions).toEqual([
        { segment: 'Budget', first: true, valid_to: expect.anything(), is_current: false },
        { segment: 'Premium', first: false, valid_to: null, is_current: true },
      ]);
      const closed = await one<{ at: string }>(
        db,
        sql`select to_char(valid_to at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI') as at from gold.dim_customer
            where customer_id = 'C001' and not is_current`,
      );
      expect(closed.at).toBe('2025-06-11T09:00');
      expect((await one<{ segment: string }>(db, sql`select segment from silver.customers where customer_id = 'C001'`)).segment).toBe('Premium');
      await expectRollupsMatchFacts(db, TZ);
    });

    it('quarantines a change older than the current version instead of rewriting history', async () => {
      const db = handle.db;
      const stale = customerEvent({ customerId: 'C001', segment: 'Business' }, { occurredAt: '2025-06-01T00:00:00Z' });
      await appendToBronze(db, { source: 'test', events: [stale] });
      expect(await etl(db)).toMatchObject({ customers: 0, quarantined: 1 });
      const row = await one<{ reason: string }>(db, sql`select reason from silver.quarantine where event_id = ${stale.id}`);
      expect(row.reason).toContain('history is not rewritten');
    });
  });

  describe('the worker', () => {
    let handle: TestDatabase;
    beforeAll(async () => {
      handle = await freshDatabase(engine);
    });
    afterAll(() => handle.destroy());

    it('wakes on the bronze notification, drains, and stops cleanly', async () => {
      const batches: EtlSummary[] = [];
      // The worker is asleep once it listens and its first (empty) drain is over: only a notification can
      // wake it before its 60 s timer. Both are seen through the handle it is given.
      let listening!: () => void;
      let drained!: () => void;
      const asleep = Promise.all([new Promise<void>((r) => (listening = r)), new Promise<void>((r) => (drained = r))]);
      const watched: DatabaseHandle = {
        ...handle,
        db: new Proxy(handle.db, {
          get: (target, prop, receiver) =>
            prop === 'transaction'
              ? (...args: Parameters<Database['transaction']>) => target.transaction(...args).finally(drained)
              : Reflect.get(target, prop, receiver),
        }),
        listen: (channel, fn) => handle.listen(channel, fn).finally(listening),
      };
      const stop = startWorker(watched, { limit: 50, timeZone: TZ, idleMs: 60_000, onBatch: (s) => batches.push(s) });
      try {
        await asleep;
        await appendToBronze(handle.db, { source: 'test', events: [saleEvent(), saleEvent({ transactionId: 'T-2' })] });
        const deadline = Date.now() + 10_000;
        while (batches.reduce((n, s) => n + s.claimed, 0) < 2 && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      } finally {
        await stop();
      }
      expect(batches.reduce((n, s) => n + s.sales, 0)).toBe(2);
    });
  });
});
