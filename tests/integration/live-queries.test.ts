/**
 * The live monitor's queries (today so far vs yesterday at the same time, the last hour per minute, the
 * latest sales) against a small hand-written set of sales whose totals are worked out below — on PGlite
 * and on real Postgres. Other regions' sales and events never appear in a scope that excludes them.
 */
process.env.AUTH_SECRET ??= 'test-secret-test-secret-test-secret-0123';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Scope } from '@/lib/auth/scope';
import { appendToBronze } from '@/lib/etl/bronze';
import { queryRows } from '@/db/client';
import { countIntake } from '@/lib/etl/intake-minutes';
import { runEtlUntilDrained } from '@/lib/etl/run-batch';
import { getLiveSnapshot } from '@/lib/queries/get-live-snapshot';
import { getMinuteSeries } from '@/lib/queries/get-minute-series';
import { listLatestSales } from '@/lib/queries/list-latest-sales';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';
import { customerEvent, insertRetailFixture, inventoryEvent, saleEvent } from '../helpers/retail-fixture';
import { prepareUsers, scopeFor } from '../helpers/scopes';

const TZ = 'UTC';
/** "Now" for every query: today is 2025-06-10, both days count up to 14:31:00, the hour is 13:31–14:30. */
const AT = new Date('2025-06-10T14:30:20Z');

type Line = { sku: string; quantity: number; unitPrice: number; discount?: number };

/** One basket: its lines share the transaction, store, customer and time. */
function basket(id: string, storeCode: string, customerId: string | undefined, occurredAt: string, lines: Line[]) {
  return lines.map((line) =>
    saleEvent({ transactionId: id, storeCode, ...(customerId ? { customerId } : {}), ...line }, { occurredAt }),
  );
}

// S001 and S002 are East, S003 is West; C001 and C002 are known customers, the rest are guests.
const SALES = [
  // today, East: 5.00 + 189.99 = 194.99 (two lines, one basket)
  ...basket('T1', 'S001', 'C001', '2025-06-10T09:00:00Z', [
    { sku: 'SKU-00001', quantity: 2, unitPrice: 2.5 },
    { sku: 'SKU-00003', quantity: 1, unitPrice: 199.99, discount: 10 },
  ]),
  ...basket('T2', 'S002', 'C002', '2025-06-10T14:05:10Z', [{ sku: 'SKU-00002', quantity: 1, unitPrice: 4.2 }]),
  ...basket('T3', 'S002', undefined, '2025-06-10T14:30:05Z', [{ sku: 'SKU-00004', quantity: 3, unitPrice: 19.99 }]),
  // today, East, after the current minute: not "so far"
  ...basket('T4', 'S001', 'C001', '2025-06-10T14:31:30Z', [{ sku: 'SKU-00001', quantity: 1, unitPrice: 2.5 }]),
  ...basket('T6', 'S001', undefined, '2025-06-10T23:00:00Z', [{ sku: 'SKU-00003', quantity: 1, unitPrice: 199.99 }]),
  // today, West
  ...basket('T5', 'S003', 'C002', '2025-06-10T10:00:00Z', [{ sku: 'SKU-00003', quantity: 1, unitPrice: 199.99 }]),
  ...basket('T7', 'S003', undefined, '2025-06-10T14:05:40Z', [{ sku: 'SKU-00004', quantity: 1, unitPrice: 19.99 }]),
  // yesterday, East: 4.20 + 39.98 = 44.18 up to 14:31:00; Y3 is at the cut-off itself (not in the comparison, but already past)
  ...basket('Y1', 'S001', 'C001', '2025-06-09T08:00:00Z', [{ sku: 'SKU-00002', quantity: 1, unitPrice: 4.2 }]),
  ...basket('Y2', 'S002', 'C002', '2025-06-09T14:30:59Z', [{ sku: 'SKU-00004', quantity: 2, unitPrice: 19.99 }]),
  ...basket('Y3', 'S001', undefined, '2025-06-09T14:31:00Z', [{ sku: 'SKU-00001', quantity: 1, unitPrice: 2.5 }]),
  // yesterday, West
  ...basket('Y4', 'S003', undefined, '2025-06-09T09:00:00Z', [{ sku: 'SKU-00003', quantity: 1, unitPrice: 199.99 }]),
  // the day before yesterday: in no figure
  ...basket('Z1', 'S001', 'C001', '2025-06-08T14:00:00Z', [{ sku: 'SKU-00001', quantity: 4, unitPrice: 2.5 }]),
];

/** Events as they reached /api/ingest, with the minute they arrived in (already processed: they add no sales). */
const INTAKE: { receivedAt: string; event: unknown }[] = [
  { receivedAt: '2025-06-10T13:20:00Z', event: saleEvent({ storeCode: 'S001', transactionId: 'I-0' }) }, // before the hour
  { receivedAt: '2025-06-10T14:10:01Z', event: saleEvent({ storeCode: 'S001', transactionId: 'I-1' }) },
  { receivedAt: '2025-06-10T14:10:02Z', event: inventoryEvent({ storeCode: 'S002' }) },
  { receivedAt: '2025-06-10T14:10:03Z', event: customerEvent({ customerId: 'C009', name: 'New', segment: 'Budget', homeStoreCode: 'S001', acquiredOn: '2025-06-10' }) },
  { receivedAt: '2025-06-10T14:10:04Z', event: saleEvent({ storeCode: 'S003', transactionId: 'I-2' }) }, // West
  { receivedAt: '2025-06-10T14:10:05Z', event: 'not json at all' }, // no store: never counted
  { receivedAt: '2025-06-10T14:29:59Z', event: saleEvent({ storeCode: 'S002', transactionId: 'I-3' }) },
  { receivedAt: '2025-06-10T14:31:00Z', event: saleEvent({ storeCode: 'S002', transactionId: 'I-4' }) }, // after the hour
];

describe.each(testEngines())('live monitor queries on %s', (engine) => {
  let db: TestDatabase;
  let east: Scope;
  let analyst: Scope;
  let south: Scope;

  beforeAll(async () => {
    // The process cache is keyed by data versions, which both engines' fixtures advance identically:
    // a fresh cache per engine makes the Postgres run answer from Postgres.
    delete (globalThis as { __rwQueryCache?: unknown }).__rwQueryCache;
    db = await createTestDatabase(engine);
    await insertRetailFixture(db.db);
    await appendToBronze(db.db, { source: 'test', events: SALES });
    const summary = await runEtlUntilDrained(db.db, { limit: 1_000, timeZone: TZ });
    expect(summary.sales).toBe(SALES.length);
    // Intake rows in arrival order (ids grow with received_at, as they do when events arrive for real).
    // They are marked processed and counted by the ETL's own intake step, without adding sales.
    for (const { receivedAt, event } of INTAKE) {
      const { batchId } = await appendToBronze(db.db, { source: 'test', events: [event] });
      const ids = await queryRows<{ id: number }>(
        db.db,
        sql`update bronze.events set received_at = ${receivedAt}::timestamptz, processed_at = now() where batch_id = ${batchId} returning id::float8 as id`,
      );
      await countIntake(db.db, ids.map((r) => r.id));
    }
    await prepareUsers(db);
    east = await scopeFor(db, 'east.manager@retailwave.test');
    analyst = await scopeFor(db, 'analyst@retailwave.test');
    south = await scopeFor(db, 'viewer@retailwave.test');
  }, 60_000);
  afterAll(() => db.destroy());

  it('snapshot: today so far and yesterday up to the same minute, in the scope only', async () => {
    const snapshot = await getLiveSnapshot(db.db, east, { at: AT, timeZone: TZ });
    expect(snapshot).toMatchObject({ day: '2025-06-10', until: '14:31' });
    expect(snapshot.today).toMatchObject({ revenue: 259.16, transactions: 3, avgOrderValue: 86.39, uniqueCustomers: 2, units: 7 });
    expect(snapshot.yesterday).toMatchObject({ revenue: 44.18, transactions: 2, avgOrderValue: 22.09, uniqueCustomers: 2, units: 3 });

    const both = await getLiveSnapshot(db.db, analyst, { at: AT, timeZone: TZ });
    expect(both.today).toMatchObject({ revenue: 479.14, transactions: 5, uniqueCustomers: 2 });
    expect(both.yesterday).toMatchObject({ revenue: 244.17, transactions: 3, uniqueCustomers: 2 });

    const none = await getLiveSnapshot(db.db, south, { at: AT, timeZone: TZ });
    expect(none.today).toMatchObject({ revenue: 0, transactions: 0, avgOrderValue: null, grossMargin: null, uniqueCustomers: 0 });
    expect(none.yesterday.revenue).toBe(0);
  });

  it('snapshot: a later minute counts the sales that have happened by then', async () => {
    const later = await getLiveSnapshot(db.db, east, { at: new Date('2025-06-10T14:31:45Z'), timeZone: TZ });
    expect(later.until).toBe('14:32');
    expect(later.today).toMatchObject({ revenue: 261.66, transactions: 4 }); // + T4
    expect(later.yesterday).toMatchObject({ revenue: 46.68, transactions: 3 }); // + Y3
  });

  it('minute series: sixty zero-filled minutes of revenue, orders and in-scope intake', async () => {
    const points = await getMinuteSeries(db.db, east, { at: AT, timeZone: TZ });
    expect(points).toHaveLength(60);
    expect(points[0].minute).toBe('2025-06-10 13:31');
    expect(points[59].minute).toBe('2025-06-10 14:30');
    const at = (minute: string) => points.find((p) => p.minute === `2025-06-10 ${minute}`)!;
    expect(at('14:05')).toEqual({ minute: '2025-06-10 14:05', revenue: 4.2, orders: 1, events: 0 });
    expect(at('14:30')).toEqual({ minute: '2025-06-10 14:30', revenue: 59.97, orders: 1, events: 0 });
    // S001 sale, S002 inventory and the customer whose home store is S001; not the West sale or the unreadable one
    expect(at('14:10').events).toBe(3);
    expect(at('14:29').events).toBe(1);
    expect(points.reduce((s, p) => s + p.revenue, 0)).toBeCloseTo(64.17, 2);
    expect(points.reduce((s, p) => s + p.orders, 0)).toBe(2);
    expect(points.reduce((s, p) => s + p.events, 0)).toBe(4);

    const both = await getMinuteSeries(db.db, analyst, { at: AT, timeZone: TZ });
    expect(both.find((p) => p.minute.endsWith('14:05'))).toMatchObject({ revenue: 24.19, orders: 2 });
    expect(both.reduce((s, p) => s + p.events, 0)).toBe(5);

    const none = await getMinuteSeries(db.db, south, { at: AT, timeZone: TZ });
    expect(none.every((p) => p.revenue === 0 && p.orders === 0 && p.events === 0)).toBe(true);
  });

  it('latest sales: newest first, up to now, today and yesterday, never another region', async () => {
    const latest = await listLatestSales(db.db, east, { at: AT, timeZone: TZ, limit: 10 });
    expect(latest.map((s) => s.transactionId)).toEqual(['T3', 'T2', 'T1', 'T1', 'Y3', 'Y2', 'Y1']);
    expect(latest[0]).toEqual({
      lineId: expect.any(Number),
      occurredAt: '2025-06-10T14:30:05Z',
      transactionId: 'T3',
      storeCode: 'S002',
      storeName: 'Midtown',
      region: 'East',
      sku: 'SKU-00004',
      product: 'Charger',
      quantity: 3,
      net: 59.97,
    });
    // Lines of one basket share a time: the later line first.
    expect(latest[2].lineId).toBeGreaterThan(latest[3].lineId);
    expect(latest.every((s) => s.region === 'East')).toBe(true);

    const both = await listLatestSales(db.db, analyst, { at: AT, timeZone: TZ, limit: 3 });
    expect(both.map((s) => s.transactionId)).toEqual(['T3', 'T7', 'T2']);
    expect(await listLatestSales(db.db, south, { at: AT, timeZone: TZ, limit: 10 })).toEqual([]);
    await expect(listLatestSales(db.db, east, { at: AT, timeZone: TZ, limit: 0 })).rejects.toThrow(RangeError);
  });

  it('new sales show up at once: the batch advances the data versions the cached answers are keyed by', async () => {
    const before = await getLiveSnapshot(db.db, east, { at: AT, timeZone: TZ });
    await appendToBronze(db.db, { source: 'test', events: basket(randomUUID(), 'S001', 'C001', '2025-06-10T14:30:10Z', [{ sku: 'SKU-00002', quantity: 5, unitPrice: 4.2 }]) });
    await runEtlUntilDrained(db.db, { limit: 100, timeZone: TZ });
    const after = await getLiveSnapshot(db.db, east, { at: AT, timeZone: TZ });
    expect(after.today.revenue).toBeCloseTo(before.today.revenue + 21, 2);
    expect(after.today.transactions).toBe(before.today.transactions + 1);
    const [newest] = await listLatestSales(db.db, east, { at: AT, timeZone: TZ, limit: 1 });
    expect(newest).toMatchObject({ occurredAt: '2025-06-10T14:30:10Z', quantity: 5, net: 21 });
  });
});
