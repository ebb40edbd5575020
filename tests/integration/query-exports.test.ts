/**
 * There is no way to run a gold query without a scope: every function exported by lib/queries takes a
 * Scope as its second, required parameter (checked by the type system: tests/unit/query-signatures.test.ts),
 * and refuses anything that was not issued by lib/auth/scope.
 * Filters likewise: only lib/auth/scoped-filters makes them, from dashboard state and a scope; a plain
 * object does not typecheck, and a copy, a literal or another scope's filters are refused at run time.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Scope } from '@/lib/auth/scope';
import { scopeFiltersFromParams, withDateRange } from '@/lib/auth/scoped-filters';
import { getKpis } from '@/lib/queries/get-kpis';
import { listTransactions } from '@/lib/queries/list-transactions';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { prepareUsers, scopeFor } from '../helpers/scopes';

/** The KPIs these tests check are the period's own; what they are compared with does not matter here. */
const KPI_OPTIONS = { compare: 'previous', today: '2026-12-01' } as const;

const QUERY_DIR = path.join(process.cwd(), 'lib', 'queries');
const files = readdirSync(QUERY_DIR).filter((f) => f.endsWith('.ts'));

describe('lib/queries exports', () => {
  let db: TestDatabase;
  let real: Scope;
  beforeAll(async () => {
    db = await createTestDatabase('pglite');
    await prepareUsers(db);
    real = await scopeFor(db, 'east.manager@retailwave.test');
  });
  afterAll(() => db.destroy());

  it('has query files', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it.each(files)('%s: every exported function refuses a forged or missing scope', async (file) => {
    const mod = (await import(path.join(QUERY_DIR, file))) as Record<string, unknown>;
    const functions = Object.entries(mod).filter(([, v]) => typeof v === 'function') as [string, (...a: unknown[]) => Promise<unknown>][];
    expect(functions.length).toBeGreaterThan(0);
    const forged = { ...real } as Scope; // looks right, was not issued
    const filters = { from: '2026-01-01', to: '2026-01-31', regionIds: [1, 2, 3, 4, 5], stores: [], categories: [], segments: [], hours: [], weekdays: [], nothing: false };
    for (const [, fn] of functions) {
      for (const scope of [forged, null, undefined, { regionIds: [1, 2, 3, 4, 5] }]) {
        await expect(Promise.resolve().then(() => fn(db.db, scope, filters, 'region', 10))).rejects.toThrow();
      }
    }
  });

  it('takes filters only as made for the same scope by lib/auth/scoped-filters', async () => {
    const plain = { from: '2026-01-01', to: '2026-01-31', regionIds: [1, 2, 3, 4, 5], stores: [], categories: [], subcategories: [], segments: [], hours: [], weekdays: [], nothing: false };
    // @ts-expect-error a plain object is not ScopedFilters: the brand cannot be named outside lib/auth/scoped-filters
    await expect(getKpis(db.db, real, plain, KPI_OPTIONS)).rejects.toThrow(/not made for this scope/);

    const made = scopeFiltersFromParams(new URLSearchParams('from=2026-01-01&to=2026-01-31'), real, 'UTC');
    await expect(getKpis(db.db, real, made, KPI_OPTIONS)).resolves.toBeDefined();
    // what TypeScript cannot see: a widened copy, and filters made for someone else
    await expect(getKpis(db.db, real, { ...made, regionIds: [1, 2, 3, 4, 5] }, KPI_OPTIONS)).rejects.toThrow(/not made for this scope/);
    const admin = await scopeFor(db, 'admin@retailwave.test');
    const adminFilters = scopeFiltersFromParams(new URLSearchParams('from=2026-01-01&to=2026-01-31'), admin, 'UTC');
    await expect(listTransactions(db.db, real, adminFilters, { page: 1, pageSize: 5 })).rejects.toThrow(/not made for this scope/);
    // made filters cannot be changed in place, and new dates keep them scoped
    expect(() => (made.regionIds as number[]).push(5)).toThrow();
    await expect(getKpis(db.db, real, withDateRange(real, made, { from: '2026-02-01', to: '2026-02-28' }), KPI_OPTIONS)).resolves.toBeDefined();
  });
});
