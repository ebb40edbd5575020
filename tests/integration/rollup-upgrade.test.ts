/**
 * An upgrade that adds a rollup: the migration creates it empty over facts already loaded, and the first
 * start (or `npm run etl`) builds every rollup from those facts once; later starts leave them alone.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { rebuildRollupsIfMissing } from '@/lib/etl/rollups/maintain-rollups';
import { seedDemoData } from '@/lib/seed';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';
import { expectRollupsMatchFacts } from '../helpers/rollup-checks';

describe.each(testEngines())('rollups added by an upgrade on %s', (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await seedDemoData(db.db, { lines: 1_500, seed: 8, now: new Date('2026-04-01T00:00:00Z'), timeZone: 'UTC' });
  }, 120_000);
  afterAll(() => db.destroy());

  it('are built from the facts on the next start, and only then', async () => {
    expect(await rebuildRollupsIfMissing(db.db)).toBe(false);
    // as a release that adds the products cube finds it: created empty beside the others
    await db.db.execute(sql`truncate gold.agg_products_by_region, gold.agg_products_by_region_spans`);
    let told = 0;
    expect(await rebuildRollupsIfMissing(db.db, () => told++)).toBe(true);
    expect(told).toBe(1);
    const [{ n }] = await queryRows<{ n: number }>(db.db, sql`select count(*)::int as n from gold.agg_products_by_region`);
    expect(n).toBeGreaterThan(0);
    await expectRollupsMatchFacts(db.db);
    expect(await rebuildRollupsIfMissing(db.db, () => told++)).toBe(false);
    expect(told).toBe(1);
  });
});
