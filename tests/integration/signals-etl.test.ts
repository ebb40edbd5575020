/**
 * Signals through the real pipeline: events appended to bronze, the ETL run, then what landed in gold —
 * risk scores with their reasons and fraud alerts, one low-stock alert per dip below the reorder point,
 * revenue anomaly alerts, and the scoped anomaly query that draws the trend chart's markers.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { RISK_RULES } from '@/lib/analytics/sale-risk';
import { addDays, todayIn } from '@/lib/calendar/days';
import { appendToBronze } from '@/lib/etl/bronze';
import { runEtlUntilDrained } from '@/lib/etl/run-batch';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';
import { insertRetailFixture, inventoryEvent, saleEvent } from '../helpers/retail-fixture';

const TZ = 'UTC';
const EAST = 1;
const WEST = 2;

async function post(db: Database, events: unknown[]): Promise<void> {
  const appended = await appendToBronze(db, { source: 'test', events });
  expect(appended.accepted).toBe(events.length);
  await runEtlUntilDrained(db, { limit: 500, timeZone: TZ });
}

const at = (day: string, time: string) => ({ occurredAt: `${day}T${time}Z` });

interface RiskRow { transaction_id: string; region_id: number; score: number; amount: string; reasons: { rule: string; points: number; message: string }[] }
interface AlertRow { id: number; kind: string; region_id: number; subject: string; reason: string; severity: string; detail: Record<string, unknown>; resolved_at: string | null }

const risk = async (db: Database, transactionId: string) =>
  (await queryRows<RiskRow>(db, sql`select transaction_id, region_id::int as region_id, score::int as score, amount::text as amount, reasons
    from gold.sale_risk where transaction_id = ${transactionId}`))[0];
const alertsOf = (db: Database, kind: string) =>
  queryRows<AlertRow>(db, sql`select id::float8 as id, kind, region_id::int as region_id, subject, reason, severity, detail,
    resolved_at::text as resolved_at from gold.alerts where kind = ${kind} order by id`);

describe.each(testEngines())('signals from the ETL on %s', (engine) => {
  let handle: TestDatabase;
  let db: Database;
  const today = todayIn(TZ);
  // the suspicious baskets are two months back, so that they stay out of the anomaly checks below
  const history = addDays(today, -80);
  const day = addDays(today, -60);

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    db = handle.db;
    await insertRetailFixture(db);
    // C001 (home S001, East) has five ordinary baskets of about $25 in East
    await post(db, [20, 25, 30, 22, 28].map((amount, i) =>
      saleEvent({ transactionId: `H-${i}`, customerId: 'C001', storeCode: 'S001', sku: 'SKU-00001', quantity: 1, unitPrice: amount },
        at(addDays(history, i), '12:00:00'))));
  }, 60_000);
  afterAll(() => handle.destroy());

  describe('sale risk', () => {
    beforeAll(async () => {
      await post(db, [
        // far above the customer's usual: 10 headphones, and the basket's second line arrives in a later batch
        saleEvent({ transactionId: 'T-LARGE', customerId: 'C001', storeCode: 'S002', sku: 'SKU-00003', quantity: 10, unitPrice: 199.99 }, at(day, '14:00:00')),
        // an ordinary basket
        saleEvent({ transactionId: 'T-OK', customerId: 'C001', storeCode: 'S001', sku: 'SKU-00001', quantity: 10, unitPrice: 2.5 }, at(day, '15:00:00')),
        // C001 in the West the next night, where none of their baskets ever was
        saleEvent({ transactionId: 'T-FOREIGN', customerId: 'C001', storeCode: 'S003', sku: 'SKU-00002', quantity: 5, unitPrice: 4.2 }, at(addDays(day, 1), '03:10:00')),
        // C002 buys five times within four minutes
        ...[0, 1, 2, 3, 4].map((i) =>
          saleEvent({ transactionId: `T-RAPID-${i}`, customerId: 'C002', storeCode: 'S003', sku: 'SKU-00004', quantity: 1, unitPrice: 19.99 },
            at(day, `16:0${i}:00`))),
      ]);
      await post(db, [
        saleEvent({ transactionId: 'T-LARGE', customerId: 'C001', storeCode: 'S002', sku: 'SKU-00004', quantity: 1, unitPrice: 19.99 }, at(day, '14:00:05')),
      ]);
    });

    it('scores an ordinary basket 0, with no reasons and no alert', async () => {
      expect(await risk(db, 'T-OK')).toMatchObject({ score: 0, reasons: [], region_id: EAST });
      expect((await alertsOf(db, 'fraud')).map((a) => a.subject)).not.toContain('T-OK');
    });

    it('flags an amount far above the customer’s median, across batches, and raises one fraud alert with the reason', async () => {
      const row = await risk(db, 'T-LARGE');
      expect(row.amount).toBe('2019.89');
      expect(row.reasons).toEqual([
        { rule: 'amount', points: RISK_RULES.amount.highPoints, message: "Basket $2,019.89 is 80.8× the customer's usual $25.00 in this region (median of 5 baskets)" },
      ]);
      const alerts = (await alertsOf(db, 'fraud')).filter((a) => a.subject === 'T-LARGE');
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({ region_id: EAST, severity: 'high' });
      expect(alerts[0].reason).toBe("Risk 75/100 — Basket $2,019.89 is 80.8× the customer's usual $25.00 in this region (median of 5 baskets)");
      expect(alerts[0].detail).toMatchObject({ score: 75, amount: 2019.89, customerId: 'C001', storeCode: 'S002' });
    });

    it('scores a basket on its own region\'s facts only: the East history says nothing about a West basket', async () => {
      const row = await risk(db, 'T-FOREIGN');
      expect(row).toMatchObject({ region_id: WEST, score: 20 });
      expect(row.reasons.map((r) => r.message)).toEqual(['Sale at 03:00, between 00:00 and 06:00']);
      expect((await alertsOf(db, 'fraud')).map((a) => a.subject)).not.toContain('T-FOREIGN');
    });

    it('flags purchase velocity from the fourth basket within ten minutes', async () => {
      const scores = [];
      for (let i = 0; i < 5; i++) scores.push((await risk(db, `T-RAPID-${i}`)).score);
      expect(scores).toEqual([0, 0, 0, 60, 60]);
      const subjects = (await alertsOf(db, 'fraud')).map((a) => a.subject);
      expect(subjects.filter((s) => s.startsWith('T-RAPID'))).toEqual(['T-RAPID-3', 'T-RAPID-4']);
      expect((await risk(db, 'T-RAPID-4')).reasons[0].message).toBe('5 purchases by this customer in this region within 10 minutes');
    });

    it('does not raise an alert twice when the same basket is scored again', async () => {
      expect((await alertsOf(db, 'fraud')).map((a) => a.subject).sort()).toEqual(['T-LARGE', 'T-RAPID-3', 'T-RAPID-4']);
    });
  });

  describe('low stock', () => {
    const count = (onHand: number) => inventoryEvent({ storeCode: 'S001', sku: 'SKU-00001', onHand }, at(day, '10:00:00'));
    let seconds = 0;
    // each count a little later than the last, so the latest one wins
    const nextCount = (onHand: number) => ({ ...count(onHand), occurredAt: `${day}T10:00:${String(seconds++).padStart(2, '0')}Z` });

    it('raises one alert when a count drops below the reorder point, and refreshes it while it stays low', async () => {
      await post(db, [nextCount(10)]);
      await post(db, [nextCount(0)]);
      await post(db, [inventoryEvent({ storeCode: 'S002', sku: 'SKU-00001', onHand: 200 }, at(day, '10:00:00'))]);
      const alerts = await alertsOf(db, 'low_stock');
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({ region_id: EAST, subject: 'SKU-00001', severity: 'high', resolved_at: null });
      expect(alerts[0].reason).toBe('Oat Milk (SKU-00001) at S001: 0 on hand, reorder point 40');
      expect(alerts[0].detail).toMatchObject({ onHand: 0, reorderPoint: 40, storeCode: 'S001' });
    });

    it('resolves it when the stock recovers, and a new dip is a new alert', async () => {
      await post(db, [nextCount(55)]);
      let alerts = await alertsOf(db, 'low_stock');
      expect(alerts).toHaveLength(1);
      expect(alerts[0].resolved_at).not.toBeNull();
      await post(db, [nextCount(12)]);
      alerts = await alertsOf(db, 'low_stock');
      expect(alerts.map((a) => [a.severity, a.resolved_at === null])).toEqual([['high', false], ['medium', true]]);
    });

    it('raises nothing new while an acknowledged alert is still open', async () => {
      await db.execute(sql`update gold.alerts set acknowledged_at = now() where kind = 'low_stock' and resolved_at is null`);
      await post(db, [nextCount(3)]);
      const open = (await alertsOf(db, 'low_stock')).filter((a) => a.resolved_at === null);
      expect(open).toHaveLength(1);
      // the figures follow the latest count; the acknowledged wording stays
      expect(open[0].detail).toMatchObject({ onHand: 3 });
      expect(open[0].reason).toContain('12 on hand');
    });
  });

  describe('revenue anomalies', () => {
    // West (S003) sells $90 or $110 a day for 30 days up to the day before yesterday, then $2,000 yesterday
    const spikeDay = addDays(today, -1);
    const daily = (offset: number, amount: number) =>
      saleEvent({ transactionId: `D-${offset}`, storeCode: 'S003', sku: 'SKU-00002', quantity: 1, unitPrice: amount }, at(addDays(today, -offset), '13:00:00'));

    beforeAll(async () => {
      await db.execute(sql`delete from gold.alerts where kind = 'anomaly'`);
      await post(db, Array.from({ length: 30 }, (_, i) => daily(i + 2, i % 2 === 0 ? 90 : 110)));
      await post(db, [daily(1, 2_000)]);
    });

    it('raises an anomaly alert for the spike day, in its region', async () => {
      const alerts = (await alertsOf(db, 'anomaly')).filter((a) => a.subject === spikeDay);
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({ region_id: WEST, severity: 'high' });
      expect(alerts[0].reason).toMatch(/^West: revenue \$2,\d{3} is \d+\.\dσ above its 28-day mean of \$1\d\d/);
    });
  });
});
