/**
 * Layer 3 of region scoping: Postgres row-level security. With the app's database role, a query with no
 * WHERE at all returns only in-scope rows, and the role can neither switch role, turn RLS off, nor reach
 * the tables some other way.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type Database, type DatabaseHandle } from '@/db/client';
import { readInScope } from '@/lib/queries/internal/read-in-scope';
import { seedDemoData } from '@/lib/seed';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';
import { prepareUsers, scopeFor } from '../helpers/scopes';

const PROTECTED = ['fact_sales', 'fact_inventory', 'agg_sales_daily', 'agg_baskets_daily', 'agg_sales_hourly', 'agg_customers_daily',
  'agg_sales_daily_region', 'agg_baskets_daily_region', 'agg_sales_hourly_region', 'agg_customer_bitmaps', 'agg_customer_bitmap_spans',
  'agg_baskets_spans', 'agg_baskets_region_spans', 'agg_sales_region_spans', 'agg_sales_hourly_region_spans',
  'dim_store', 'dim_region'];
const EAST = 1;

async function regionCounts(db: Database, table: string) {
  const [row] = await queryRows<{ total: number; outside: number }>(
    db,
    sql`select count(*)::int as total, count(*) filter (where region_id <> ${EAST})::int as outside from ${sql.raw(`gold.${table}`)}`,
  );
  return row;
}

/** Runs fn as a login role that is a member of retailwave_app and nothing else. */
async function asAppLogin<T>(engine: 'pglite' | 'postgres', owner: TestDatabase, fn: (db: Database) => Promise<T>): Promise<T> {
  const login = `rw_app_login_${randomBytes(4).toString('hex')}`;
  await owner.db.execute(sql.raw(`create role ${login} login in role retailwave_app`));
  let handle: DatabaseHandle;
  if (engine === 'postgres') {
    const url = new URL(owner.url!);
    url.username = login;
    handle = await openDatabase({ url: url.toString() });
  } else {
    // PGlite runs in the app's own process with one superuser session: there is no login boundary to test.
    throw new Error('login roles exist on a Postgres server only');
  }
  try {
    return await fn(handle.db);
  } finally {
    await handle.close();
    await owner.db.execute(sql.raw(`drop role ${login}`));
  }
}

async function expectRefused(db: Database, statement: string) {
  const error = await db.execute(sql.raw(statement)).then(() => null, (e: Error & { cause?: Error }) => e.cause ?? e);
  expect(error?.message).toMatch(/permission denied|must be owner|not allowed/i);
}

describe.each(testEngines())('row-level security on %s', (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await seedDemoData(db.db, { lines: 8_000, seed: 3, endDate: '2026-03-31', timeZone: 'UTC' });
    await prepareUsers(db);
  }, 120_000);
  afterAll(() => db.destroy());

  it.each(PROTECTED)('a bare select on gold.%s returns East rows only for an East scope', async (table) => {
    const scope = await scopeFor(db, 'east.manager@retailwave.test');
    const owner = await regionCounts(db.db, table);
    expect(owner.outside).toBeGreaterThan(0);
    const scoped = await readInScope(db.db, scope, (tx) => regionCounts(tx, table));
    expect(scoped.total).toBeGreaterThan(0);
    expect(scoped.outside).toBe(0);
  });

  it('shows nothing when the region setting is missing', async () => {
    const rows = await db.db.transaction(async (tx) => {
      await tx.execute(sql`set local role retailwave_app`);
      return regionCounts(tx as unknown as Database, 'fact_sales');
    });
    expect(rows.total).toBe(0);
  });

  it('cannot turn RLS off or read silver and bronze inside a scoped read', async () => {
    const scope = await scopeFor(db, 'east.manager@retailwave.test');
    for (const statement of [
      'alter table gold.fact_sales disable row level security',
      'select count(*) from silver.sales_lines',
      'select count(*) from bronze.events',
      'select count(*) from app.users',
      'drop policy fact_sales_region_scope on gold.fact_sales',
    ]) {
      await expect(readInScope(db.db, scope, (tx) => tx.execute(sql.raw(statement)))).rejects.toThrow();
    }
  });

  if (engine === 'postgres') {
    it('as a login of the app role: no SET ROLE, no RLS off, no other tables, only in-scope rows', async () => {
      await asAppLogin(engine, db, async (app) => {
        await expectRefused(app, 'set role postgres');
        await expectRefused(app, 'alter table gold.fact_sales disable row level security');
        await expectRefused(app, 'select count(*) from silver.sales_lines');
        await expectRefused(app, 'insert into gold.fact_sales (sales_line_id) values (-1)');
        const rows = await app.transaction(async (tx) => {
          await tx.execute(sql`select set_config('app.region_ids', '{1}', true)`);
          return regionCounts(tx as unknown as Database, 'fact_sales');
        });
        expect(rows.total).toBeGreaterThan(0);
        expect(rows.outside).toBe(0);
        expect((await regionCounts(app, 'fact_sales')).total).toBe(0);
      });
    });
  }
});
