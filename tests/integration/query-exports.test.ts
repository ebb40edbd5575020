/**
 * There is no way to run a gold query without a scope: every function exported by lib/queries takes a
 * Scope as its second, required parameter, and refuses anything that was not issued by lib/auth/scope.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Scope } from '@/lib/auth/scope';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { prepareUsers, scopeFor } from '../helpers/scopes';

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

  it.each(files)('%s: every exported function is declared (db, scope: Scope, …)', (file) => {
    const source = readFileSync(path.join(QUERY_DIR, file), 'utf8');
    const declarations = [...source.matchAll(/export (?:async )?function (\w+)\s*\(([^)]*)/g)];
    expect(declarations.length).toBeGreaterThan(0);
    for (const [, name, params] of declarations) {
      const [first, second] = params.split(',').map((p) => p.trim());
      expect({ name, first }).toEqual({ name, first: 'db: Database' });
      expect({ name, second }).toEqual({ name, second: 'scope: Scope' });
    }
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
});
