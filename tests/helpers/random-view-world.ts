// The world a random-view test draws from: a seeded demo database, the admin's scope, and what its views
// may name (stores with their regions, categories, subcategories). Shared by the tests that compare
// random views with plain SQL over the facts.
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import { seedDemoData } from '@/lib/seed';
import { createTestDatabase, type EngineName, type TestDatabase } from './database';
import { prepareUsers, scopeFor } from './scopes';

export interface RandomViewWorld {
  db: TestDatabase;
  scope: Scope;
  stores: { code: string; region: number }[];
  categories: string[];
  subcategories: { category: string; subcategory: string }[];
}

/** Seeds `lines` demo lines ending the day after `end` (so `end` is a whole day) and reads what views may name. */
export async function openRandomViewWorld(engine: EngineName, { lines, seed, end }: { lines: number; seed: number; end: string }): Promise<RandomViewWorld> {
  const db = await createTestDatabase(engine);
  await seedDemoData(db.db, { lines, seed, now: new Date(Date.parse(end) + 86_400_000), timeZone: 'UTC' });
  await prepareUsers(db);
  return {
    db,
    scope: await scopeFor(db, 'admin@retailwave.test'),
    stores: await queryRows(db.db, sql`select store_code as code, region_id::int as region from gold.dim_store order by store_code`),
    categories: (await queryRows<{ c: string }>(db.db, sql`select distinct category as c from gold.dim_product order by 1`)).map((r) => r.c),
    subcategories: await queryRows(db.db, sql`select distinct category, subcategory from gold.dim_product order by 1, 2`),
  };
}
