// Throwaway databases for integration tests: embedded PGlite always, and a fresh database on the
// real server at TEST_DATABASE_URL when it is set (CI sets it), so every suite runs on both engines.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { openDatabase, type DatabaseHandle, type OpenOptions } from '@/db/client';
import { databaseUrl, PGLITE_TEMPLATE_ENV, POSTGRES_TEMPLATE_ENV } from './template-databases';

export type EngineName = 'pglite' | 'postgres';

/** The engines this run tests: PGlite, plus Postgres when TEST_DATABASE_URL is set. */
export function testEngines(): EngineName[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase extends DatabaseHandle {
  /** The connection URL of the throwaway Postgres database (undefined on PGlite). */
  url?: string;
  destroy(): Promise<void>;
}

/** A migrated, empty database on the given engine, its handle opened with `options`. Call destroy() in afterAll. */
export async function createTestDatabase(engine: EngineName, options: OpenOptions = {}): Promise<TestDatabase> {
  if (engine === 'pglite') {
    // A copy of the run's migrated template when there is one (see template-databases.ts); migrate() then
    // finds nothing to apply.
    const template = process.env[PGLITE_TEMPLATE_ENV];
    const handle = await openDatabase(template ? { memory: true, from: new Blob([readFileSync(template)]) } : { memory: true }, options);
    await handle.migrate();
    return { ...handle, destroy: () => handle.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `rw_test_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ url: adminUrl });
  const { sql } = await import('drizzle-orm');
  const template = process.env[POSTGRES_TEMPLATE_ENV];
  await admin.db.execute(sql.raw(template ? `create database ${name} template ${template}` : `create database ${name}`));
  const url = databaseUrl(adminUrl, name);
  const handle = await openDatabase({ url }, options);
  await handle.migrate();
  return {
    ...handle,
    url,
    async destroy() {
      await handle.close();
      await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await admin.close();
    },
  };
}
