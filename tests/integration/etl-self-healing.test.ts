/**
 * No event can stop the pipeline: a batch that fails is split until the failing events stand alone; they
 * are dead-lettered to silver.quarantine (stage 'etl') with the database's own error, marked processed in
 * bronze and counted, and every other event of the batch reaches gold. The worker never retries a failing
 * batch. The failure is real: a trigger in the test database refuses one transaction id, as Postgres
 * would refuse a value it cannot hold.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { appendToBronze } from '@/lib/etl/bronze';
import { getPipelineCounts } from '@/lib/etl/pipeline-counts';
import { runEtlUntilDrained } from '@/lib/etl/run-batch';
import { startWorker } from '@/lib/etl/worker';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';
import { expectRollupsMatchFacts } from '../helpers/rollup-checks';
import { insertRetailFixture, saleEvent } from '../helpers/retail-fixture';

const TZ = 'UTC';
const sale = (transactionId: string, payload: Record<string, unknown> = {}) =>
  saleEvent({ transactionId, storeCode: 'S002', sku: 'SKU-00002', quantity: 2, ...payload }, { occurredAt: '2025-06-11T10:00:00Z' });

describe.each(testEngines())('a self-healing ETL on %s', (engine) => {
  let db: TestDatabase;

  beforeEach(async () => {
    db = await createTestDatabase(engine);
    await insertRetailFixture(db.db);
    await db.db.execute(sql`
      create function silver.refuse_poison() returns trigger language plpgsql as $$
      begin
        if new.transaction_id like 'POISON%' then raise exception 'poisoned sale %', new.transaction_id; end if;
        return new;
      end $$`);
    await db.db.execute(sql`create trigger refuse_poison before insert on silver.sales_lines
      for each row execute function silver.refuse_poison()`);
  });
  afterEach(() => db.destroy());

  const pending = async () =>
    (await queryRows<{ n: number }>(db.db, sql`select count(*)::int as n from bronze.events where processed_at is null`))[0].n;

  it('dead-letters exactly the failing events with the database error and loads the rest of their batch', async () => {
    const events = Array.from({ length: 40 }, (_, i) =>
      sale(i === 7 || i === 31 ? `POISON-${i}` : `T-${i}`, i % 2 ? { customerId: 'C001' } : {}));
    await appendToBronze(db.db, { source: 'test', events });
    const summary = await runEtlUntilDrained(db.db, { limit: 1_000, timeZone: TZ });

    expect(summary).toMatchObject({ claimed: 40, sales: 38, quarantined: 2 });
    expect(await pending()).toBe(0);
    const dead = await queryRows<{ event_id: string; reason: string; bronze_id: number | null; envelope: unknown }>(
      db.db, sql`select event_id, reason, bronze_id::float8 as bronze_id, envelope from silver.quarantine where stage = 'etl' order by reason`);
    expect(dead.map((d) => d.event_id)).toEqual([events[31].id, events[7].id]);
    expect(dead.map((d) => d.reason)).toEqual([
      'the ETL failed on this event: poisoned sale POISON-31',
      'the ETL failed on this event: poisoned sale POISON-7',
    ]);
    expect(dead.every((d) => d.bronze_id !== null && d.envelope !== null)).toBe(true);
    expect(await getPipelineCounts(db.db)).toEqual({ pending: 0, deadLettered: 2, quarantined: 2 });
    const [{ lines }] = await queryRows<{ lines: number }>(db.db, sql`select count(*)::int as lines from gold.fact_sales`);
    expect(lines).toBe(38);
    await expectRollupsMatchFacts(db.db, TZ);
  });

  it('keeps the worker moving past a failing event instead of retrying its batch', async () => {
    const failures: unknown[] = [];
    const stop = startWorker(db, { limit: 100, timeZone: TZ, idleMs: 50, log: (message, error) => failures.push([message, error]) });
    try {
      await appendToBronze(db.db, { source: 'test', events: [sale('POISON-a'), sale('T-a'), sale('T-b')] });
      await appendToBronze(db.db, { source: 'test', events: [sale('T-c')] });
      for (let i = 0; i < 200 && (await pending()) > 0; i++) await new Promise((r) => setTimeout(r, 50));
    } finally {
      await stop();
    }
    expect(await pending()).toBe(0);
    expect(failures).toEqual([]);
    expect((await getPipelineCounts(db.db)).deadLettered).toBe(1);
    const [{ lines }] = await queryRows<{ lines: number }>(db.db, sql`select count(*)::int as lines from silver.sales_lines`);
    expect(lines).toBe(3);
  });

  it('adds to rollup rows past the 32-bit range (bigint counts) rather than failing the batch', async () => {
    await appendToBronze(db.db, { source: 'test', events: [sale('T-first')] });
    await runEtlUntilDrained(db.db, { limit: 100, timeZone: TZ });
    // A day and store that already holds 2^31 − 1 units, as a flood of large lines would leave it.
    await db.db.execute(sql`update gold.agg_baskets_by_store set units = 2147483647`);
    await appendToBronze(db.db, { source: 'test', events: [sale('T-second', { quantity: 10_000 })] });
    const summary = await runEtlUntilDrained(db.db, { limit: 100, timeZone: TZ });
    expect(summary).toMatchObject({ sales: 1, quarantined: 0 });
    const [row] = await queryRows<{ units: string }>(db.db, sql`select units::text as units from gold.agg_baskets_by_store`);
    expect(row.units).toBe(String(2147483647 + 10_000));
  });

  it('quarantines a second bronze row of a loaded id (stored before ids were compared case-blind) instead of dropping it', async () => {
    const event = sale('T-legacy');
    await appendToBronze(db.db, { source: 'test', events: [event] });
    await db.db.execute(sql`
      insert into bronze.events (batch_id, event_id, checksum, event_type, source, occurred_at, envelope)
      select batch_id, upper(event_id), 'legacy-' || checksum, event_type, source, occurred_at,
        jsonb_set(envelope, '{id}', to_jsonb(upper(event_id)))
      from bronze.events where event_id = ${event.id}`);
    const summary = await runEtlUntilDrained(db.db, { limit: 100, timeZone: TZ });
    expect(summary).toMatchObject({ claimed: 2, sales: 1, quarantined: 1 });
    const [row] = await queryRows<{ stage: string; reason: string }>(
      db.db, sql`select stage, reason from silver.quarantine where event_id = ${event.id}`);
    expect(row).toEqual({ stage: 'validate', reason: `event ${event.id} was already loaded; not a second sale` });
  });

  it('quarantines a pre-2000 sale that reached bronze before the door checked dates', async () => {
    const ancient = { ...sale('T-ancient'), occurredAt: '0999-06-11T10:00:00Z', id: randomUUID() };
    await appendToBronze(db.db, { source: 'legacy', events: [ancient, sale('T-now')] });
    const summary = await runEtlUntilDrained(db.db, { limit: 100, timeZone: TZ });
    expect(summary).toMatchObject({ sales: 1, quarantined: 1 });
    const [row] = await queryRows<{ stage: string; reason: string }>(
      db.db, sql`select stage, reason from silver.quarantine where event_id = ${ancient.id}`);
    expect(row).toEqual({ stage: 'validate', reason: 'occurredAt 0999-06-11T10:00:00Z is before 2000-01-01' });
  });
});
