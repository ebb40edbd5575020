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
    expect(Object.fromEntries(rows.map((r) => [r.schema, r.tables]))).toEqual({ app: 9, bronze: 2, gold: 23, silver: 8 });
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
    expect(rows.map((r) => r.relname)).toEqual([
      'agg_baskets_daily', 'agg_baskets_daily_region', 'agg_baskets_region_spans', 'agg_baskets_spans', 'agg_customer_bitmap_spans',
      'agg_customer_bitmaps', 'agg_customers_daily', 'agg_sales_daily', 'agg_sales_daily_region', 'agg_sales_hourly',
      'agg_sales_hourly_region', 'agg_sales_hourly_region_spans', 'agg_sales_region_spans', 'alerts', 'dim_customer', 'dim_region', 'dim_store', 'fact_inventory', 'fact_sales', 'sale_risk',
    ]);
  });
});
