/**
 * Layer 3 of region scoping: Postgres row-level security. With the app's database role, a query with no
 * WHERE at all returns only in-scope rows, and the role can neither switch role, turn RLS off, nor reach
 * the tables some other way. Every table of bronze, silver, gold and app, read from the catalog, is under
 * row-level security, out of the app role's reach, or one of the few reference tables listed below.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type Database, type DatabaseHandle } from '@/db/client';
import { ROLLUP_TABLES } from '@/lib/etl/rollups/maintain-rollups';
import { readInScope } from '@/lib/queries/internal/read-in-scope';
import { seedDemoData } from '@/lib/seed';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';
import { prepareUsers, scopeFor } from '../helpers/scopes';

const PROTECTED = ['fact_sales', 'fact_inventory', ...ROLLUP_TABLES, 'dim_store', 'dim_region'];
const EAST = 1;

/** The app role may read these without row-level security: they hold nothing of a region or a customer. */
const REFERENCE_TABLES: Record<string, string> = {
  'gold.dim_date': 'the calendar',
  'gold.dim_product': 'the product catalogue, the same in every region',
  'gold.category_bits': 'each product category\'s bit in the category sets: catalogue names, the same in every region',
  'gold.dim_campaign': 'promotions, which run across the whole organisation',
  'gold.span_horizon': 'the last day the span rollups hold, one date for every region',
};

interface TableAccess {
  name: string;
  rls: boolean;
  policies: number;
  app_reads: boolean;
  has_region: boolean;
}

/** Every table, view and materialized view of the four layers, with what the app role may do with it. */
const tableAccess = (db: Database) =>
  queryRows<TableAccess>(
    db,
    sql`select n.nspname || '.' || c.relname as name, c.relrowsecurity as rls,
          (select count(*)::int from pg_policy p where p.polrelid = c.oid
             and (p.polroles = '{0}' or (select oid from pg_roles where rolname = 'retailwave_app') = any(p.polroles))) as policies,
          has_schema_privilege('retailwave_app', n.oid, 'USAGE') and has_any_column_privilege('retailwave_app', c.oid, 'SELECT') as app_reads,
          exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'region_id' and not a.attisdropped) as has_region
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname in ('bronze', 'silver', 'gold', 'app') and c.relkind in ('r', 'p', 'v', 'm')
        order by 1`,
  );

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
    await seedDemoData(db.db, { lines: 8_000, seed: 3, now: new Date('2026-04-01T00:00:00Z'), timeZone: 'UTC' });
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

  it('leaves no table of bronze, silver, gold or app readable by the app role without row-level security, but listed reference tables', async () => {
    const tables = await tableAccess(db.db);
    expect(tables.length).toBeGreaterThan(30);
    const verdicts = tables.map((t) => ({
      table: t.name,
      ok: !t.app_reads || (t.rls && t.policies > 0) || (t.name in REFERENCE_TABLES && !t.has_region),
    }));
    expect(verdicts.filter((v) => !v.ok)).toEqual([]);
    // the list names real tables only, and each is readable (otherwise it need not be listed)
    for (const name of Object.keys(REFERENCE_TABLES)) expect(tables.find((t) => t.name === name)).toMatchObject({ app_reads: true, rls: false });
    // and what the role cannot read stays out of reach: bronze, silver and app entirely
    expect(tables.filter((t) => t.app_reads && !t.name.startsWith('gold.')).map((t) => t.name)).toEqual([]);
  });

  it('with one region set, no table the app role reads shows another region, and customers are those of the region', async () => {
    const scope = await scopeFor(db, 'east.manager@retailwave.test');
    const regional = (await tableAccess(db.db)).filter((t) => t.app_reads && t.has_region).map((t) => t.name.slice('gold.'.length));
    expect(regional).toEqual(expect.arrayContaining(PROTECTED));
    for (const table of regional) {
      const owner = await regionCounts(db.db, table);
      const scoped = await readInScope(db.db, scope, (tx) => regionCounts(tx, table));
      expect({ table, outside: scoped.outside }).toEqual({ table, outside: 0 });
      if (owner.total > owner.outside) expect({ table, seen: scoped.total > 0 }).toEqual({ table, seen: true });
    }

    const customerCounts = (tx: Database) =>
      queryRows<{ total: number; unrelated: number }>(
        tx,
        sql`select count(*)::int as total,
              count(*) filter (where not exists (select 1 from gold.fact_sales f where f.customer_sk = c.customer_sk and f.region_id = ${EAST})
                and not exists (select 1 from gold.dim_store s where s.store_key = c.home_store_key and s.region_id = ${EAST}))::int as unrelated
            from gold.dim_customer c`,
      ).then((rows) => rows[0]!);
    const everyone = await customerCounts(db.db);
    expect(everyone.unrelated).toBeGreaterThan(0);
    const seen = await readInScope(db.db, scope, customerCounts);
    expect(seen.total).toBeGreaterThan(0);
    expect(seen.unrelated).toBe(0);
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
