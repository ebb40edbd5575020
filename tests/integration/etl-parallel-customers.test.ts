/**
 * Customer versions under parallel ETL workers (Postgres: several processes share it). Three real
 * `npm run worker` processes and this test's own loop drain bronze while sales and segment changes for
 * the same customers keep arriving, in every interleaving: a change may be loaded before or after sales
 * that follow it, by another worker at the same moment. Checked with independent SQL afterwards: every
 * fact points at the version of its customer in force at its sale time, and the rollups equal the facts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { appendToBronze } from '@/lib/etl/bronze';
import { runEtlBatch } from '@/lib/etl/run-batch';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { expectRollupsMatchFacts } from '../helpers/rollup-checks';
import { customerEvent, insertRetailFixture, saleEvent } from '../helpers/retail-fixture';

const WORKERS = 3;
const CUSTOMERS = Array.from({ length: 24 }, (_, i) => `PC${String(i).padStart(3, '0')}`);
const SEGMENTS = ['Budget', 'Mainstream', 'Premium', 'Business'] as const;
const STORES = ['S001', 'S002', 'S003'];
const SKUS = ['SKU-00001', 'SKU-00002', 'SKU-00003', 'SKU-00004'];
const BASE = Date.parse('2025-07-01T09:00:00Z');

/** mulberry32: seeded, so a failing interleaving of events can be replayed (the timing still varies). */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function startWorkerProcess(url: string): ChildProcess {
  const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
  return spawn(tsx, ['--conditions=react-server', 'scripts/etl.ts', '--watch', '--batch-size', '8'], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_URL: url, REPORTING_TIME_ZONE: 'UTC', NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

const stopProcess = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

const describePostgres = process.env.TEST_DATABASE_URL ? describe : describe.skip;

describePostgres('customer versions with several ETL workers on postgres', () => {
  let db: TestDatabase;
  const workers: ChildProcess[] = [];
  const workerErrors: string[] = [];
  const workerBatches: number[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    await insertRetailFixture(db.db);
    const first = CUSTOMERS.map((customerId, i) =>
      customerEvent({ customerId, segment: SEGMENTS[i % SEGMENTS.length], homeStoreCode: STORES[i % 3] }, { occurredAt: '2025-06-01T00:00:00Z' }));
    await appendToBronze(db.db, { source: 'test', events: first });
    await runEtlBatch(db.db, { limit: 1_000, timeZone: 'UTC' });
  });
  afterAll(async () => {
    await Promise.all(workers.map(stopProcess));
    await db.destroy();
  });

  it('points every fact at the version in force at its sale time, whatever the interleaving', async () => {
    for (let i = 0; i < WORKERS; i++) {
      const child = startWorkerProcess(db.url!);
      child.stderr?.on('data', (chunk: Buffer) => workerErrors.push(chunk.toString()));
      workerBatches.push(0);
      child.stdout?.on('data', (chunk: Buffer) => (workerBatches[i] += (chunk.toString().match(/etl worker: \d+ events/g) ?? []).length));
      workers.push(child);
    }
    const next = random(19);
    const pick = <T,>(items: readonly T[]) => items[Math.floor(next() * items.length)];
    let producing = true;
    const ownLoop = (async () => {
      while (producing || (await pending()) > 0) {
        const summary = await runEtlBatch(db.db, { limit: 8, timeZone: 'UTC' });
        if (summary.claimed === 0) await new Promise((r) => setTimeout(r, 20));
      }
    })();

    let sales = 0;
    for (let step = 0; step < 120; step++) {
      const at = BASE + step * 60_000;
      const events: unknown[] = [];
      for (let i = 0; i < 6; i++) {
        // up to three minutes either side: some sales arrive after a later change, some before an earlier one
        const occurredAt = new Date(at + Math.round((next() - 0.5) * 360_000)).toISOString();
        events.push(saleEvent(
          { transactionId: `P-${step}-${i}`, storeCode: pick(STORES), sku: pick(SKUS), customerId: pick(CUSTOMERS), quantity: 1 + Math.floor(next() * 3) },
          { occurredAt },
        ));
        sales += 1;
      }
      if (step % 2 === 0) {
        events.push(customerEvent({ customerId: pick(CUSTOMERS), segment: pick(SEGMENTS) }, { occurredAt: new Date(at).toISOString() }));
      }
      await appendToBronze(db.db, { source: 'test', events });
      if (step % 10 === 0) await new Promise((r) => setTimeout(r, 30));
    }
    producing = false;
    await ownLoop;
    for (let i = 0; i < 600 && (await pending()) > 0; i++) await new Promise((r) => setTimeout(r, 100));
    await Promise.all(workers.map(stopProcess));
    expect(await pending()).toBe(0);

    const [counts] = await queryRows<{ facts: number; versions: number; byWorkers: number }>(db.db, sql`
      select (select count(*)::int from gold.fact_sales f join silver.sales_lines s on s.id = f.sales_line_id
                where s.transaction_id like 'P-%') as facts,
             (select count(*)::int from gold.dim_customer where customer_id like 'PC%') as versions,
             (select count(*)::int from app.etl_watermarks) as "byWorkers"`);
    expect(counts.facts).toBe(sales);
    expect(counts.versions).toBeGreaterThan(CUSTOMERS.length + 20);

    // Independent of the ETL: the version of each fact must be its line's customer and contain its time.
    const wrong = await queryRows<{ line: number; occurred_at: string; valid_from: string; valid_to: string | null }>(db.db, sql`
      select s.id::float8 as line, f.occurred_at::text, v.valid_from::text, v.valid_to::text
      from gold.fact_sales f
      join silver.sales_lines s on s.id = f.sales_line_id
      left join gold.dim_customer v on v.customer_sk = f.customer_sk
      where s.customer_id is not null and (v.customer_sk is null or v.customer_id <> s.customer_id
        or f.occurred_at < v.valid_from or (v.valid_to is not null and f.occurred_at >= v.valid_to))`);
    expect(wrong).toEqual([]);
    // Each customer's versions tile time: no gaps, no overlaps, one current.
    const broken = await queryRows<{ customer_id: string }>(db.db, sql`
      select customer_id from (
        select customer_id, valid_to, is_current,
          lead(valid_from) over (partition by customer_id order by valid_from) as next_from
        from gold.dim_customer where customer_id like 'PC%') v
      where (next_from is null) <> is_current or (next_from is not null and valid_to is distinct from next_from)`);
    expect(broken).toEqual([]);
    await expectRollupsMatchFacts(db.db);
    expect(workerErrors.join('')).not.toMatch(/batch failed/);
    // the separate processes really took part
    expect(workerBatches.every((batches) => batches > 0)).toBe(true);
  });

  const pending = async () =>
    (await queryRows<{ n: number }>(db.db, sql`select count(*)::int as n from bronze.events where processed_at is null`))[0].n;
});
