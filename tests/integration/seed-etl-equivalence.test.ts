/**
 * The demo seeder writes silver and gold directly for speed. Its rollups and totals must be exactly what
 * the ETL produces from the same sales sent as events: seed A; seed B with the same reference data, empty
 * its sales, ingest A's lines as bronze events and run the ETL; compare every rollup row to the cent.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { appendToBronze } from '@/lib/etl/bronze';
import { CUBES, cubeTableName, placeColumns } from '@/db/schema/gold-cubes';
import { ROLLUP_TABLES } from '@/lib/etl/rollups/maintain-rollups';
import { runEtlUntilDrained } from '@/lib/etl/run-batch';
import { seedDemoData } from '@/lib/seed';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';

const OPTIONS = { lines: 4_000, seed: 21, now: new Date('2026-03-01T00:00:00Z'), timeZone: 'UTC' };

async function rollupRows(db: Database) {
  const cubes: Record<string, Record<string, unknown>[]> = {};
  for (const cube of CUBES) {
    for (const grain of cube.grains) {
      for (const spans of [false, true]) {
        const keys = [...(spans ? ['level', 'first_day::text'] : ['date_key']), ...placeColumns(grain), ...cube.keys].join(', ');
        cubes[cubeTableName(cube.name, grain, spans)] = await queryRows<Record<string, unknown>>(db, sql.raw(`select ${keys}, lines, units,
          transactions, gross::text, discount::text, net::text, cost::text from gold.${cubeTableName(cube.name, grain, spans)} order by ${keys}`));
      }
    }
  }
  return {
    ...cubes,
    customers: await queryRows<Record<string, unknown>>(db, sql`select date_key, store_key, region_id, segment, customer_id
      from gold.agg_customers_daily order by date_key, store_key, segment, customer_id`),
    // Customer numbers follow arrival order, so the bits differ; how many are set per row may not.
    bitmapCounts: await queryRows<Record<string, unknown>>(db, sql`select date_key, region_id, segment, sum(bit_count(customers))::int as customers
      from gold.agg_customer_bitmaps group by 1, 2, 3 order by 1, 2, 3`),
    spanCounts: await queryRows<Record<string, unknown>>(db, sql`select level, first_day::text, region_id, segment, sum(bit_count(customers))::int as customers
      from gold.agg_customer_bitmap_spans group by 1, 2, 3, 4 order by 1, 2, 3, 4`),
  };
}

describe.each(testEngines())('seeder and ETL agree on %s', (engine) => {
  let seeded: TestDatabase;
  let etl: TestDatabase;
  beforeAll(async () => {
    seeded = await createTestDatabase(engine);
    etl = await createTestDatabase(engine);
    await seedDemoData(seeded.db, OPTIONS);
    await seedDemoData(etl.db, OPTIONS);
    await etl.db.execute(sql`truncate silver.sales_lines, gold.fact_sales, ${sql.raw(ROLLUP_TABLES.map((t) => `gold.${t}`).join(', '))}`);
  }, 240_000);
  afterAll(async () => {
    await seeded.destroy();
    await etl.destroy();
  });

  it('gives identical rollups and totals', async () => {
    const lines = await queryRows<{
      transaction_id: string; store_code: string; sku: string; customer_id: string | null;
      quantity: number; unit_price: string; discount: string; occurred_at: string;
    }>(seeded.db, sql`select transaction_id, store_code, sku, customer_id, quantity, unit_price::text, discount::text,
        to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as occurred_at
      from silver.sales_lines order by id`);
    expect(lines.length).toBe(OPTIONS.lines);
    const events = lines.map((l) => ({
      id: randomUUID(),
      type: 'sale',
      occurredAt: l.occurred_at,
      source: 'equivalence-test',
      payload: {
        transactionId: l.transaction_id, storeCode: l.store_code, sku: l.sku, ...(l.customer_id ? { customerId: l.customer_id } : {}),
        quantity: l.quantity, unitPrice: Number(l.unit_price), discount: Number(l.discount),
      },
    }));
    for (let i = 0; i < events.length; i += 1_000) await appendToBronze(etl.db, { source: 'equivalence-test', events: events.slice(i, i + 1_000) });
    const summary = await runEtlUntilDrained(etl.db, { limit: 1_500, timeZone: 'UTC' });
    expect(summary.sales).toBe(OPTIONS.lines);
    expect(summary.quarantined).toBe(0);

    const [a, b] = [await rollupRows(seeded.db), await rollupRows(etl.db)];
    for (const [table, rows] of Object.entries(b)) expect({ table, empty: rows.length === 0 }).toEqual({ table, empty: false });
    expect(b).toEqual(a);
    const total = (db: Database) => queryRows<{ net: string; cost: string; campaigns: number }>(db,
      sql`select sum(net)::text as net, sum(cost)::text as cost, count(campaign_key)::int as campaigns from gold.fact_sales`);
    expect(await total(etl.db)).toEqual(await total(seeded.db));
  });
});
