import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROLLUP_TABLES } from '@/lib/etl/rollups/maintain-rollups';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';

describe.each(testEngines())('migrations on %s', (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.destroy());

  it('creates the medallion schemas and their tables', async () => {
    const rows = await queryRows<{ schema: string; tables: number }>(
      db.db,
      sql`select table_schema as schema, count(*)::int as tables from information_schema.tables
          where table_schema in ('bronze', 'silver', 'gold', 'app') group by 1 order by 1`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.schema, r.tables]))).toEqual({ app: 10, bronze: 2, gold: 47, silver: 8 });
  });

  it('re-applies as a no-op', async () => {
    await expect(db.migrate()).resolves.toBeUndefined();
  });

  it('seeds the five contract regions', async () => {
    const rows = await queryRows<{ name: string }>(db.db, sql`select name from gold.dim_region order by region_id`);
    expect(rows.map((r) => r.name)).toEqual(['East', 'West', 'North', 'South', 'Central']);
  });

  it('protects every region- or customer-bearing gold table with row-level security', async () => {
    const rows = await queryRows<{ relname: string }>(
      db.db,
      sql`select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'gold' and c.relrowsecurity order by 1`,
    );
    expect(rows.map((r) => r.relname)).toEqual(
      [...ROLLUP_TABLES, 'alerts', 'dim_customer', 'dim_region', 'dim_store', 'fact_inventory', 'fact_sales', 'sale_risk'].sort(),
    );
  });

  it('withholds the reasons of fraud alerts and scores written before they were limited to their region', async () => {
    const old = JSON.stringify([{ rule: 'region', points: 35, message: "First purchase in West: none of the customer's 7 earlier baskets was in this region" }]);
    await db.db.execute(sql`insert into gold.alerts (kind, region_id, subject, dedupe_key, reason, severity, detail)
      values ('fraud', 2, 'T-OLD', 'fraud:T-OLD', ${`Risk 75/100 — ${JSON.parse(old)[0].message}`}, 'high', ${JSON.stringify({ score: 75, reasons: JSON.parse(old), amount: 10 })}::jsonb)`);
    await db.db.execute(sql`insert into gold.sale_risk (transaction_id, region_id, store_key, customer_id, occurred_at, amount, score, reasons)
      values ('T-OLD', 2, 1, 'C001', now(), 10, 75, ${old}::jsonb)`);
    const migration = readFileSync(path.join(process.cwd(), 'db', 'migrations', '0018_regional_fraud_texts.sql'), 'utf8');
    for (const statement of migration.split('--> statement-breakpoint')) await db.db.execute(sql.raw(statement));
    const [alert] = await queryRows<{ reason: string; detail: Record<string, unknown> }>(db.db, sql`select reason, detail from gold.alerts where subject = 'T-OLD'`);
    expect(alert).toEqual({ reason: expect.stringMatching(/^Risk 75\/100 — reasons withheld/), detail: { score: 75, amount: 10 } });
    const [risk] = await queryRows<{ reasons: unknown }>(db.db, sql`select reasons from gold.sale_risk where transaction_id = 'T-OLD'`);
    expect(risk.reasons).toEqual([]);
  });
});
