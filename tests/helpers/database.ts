// Throwaway databases for integration tests: embedded PGlite always, and a fresh database on the
// real server at TEST_DATABASE_URL when it is set (CI sets it), so every suite runs on both engines.
import { randomBytes } from 'node:crypto';
import { openDatabase, type DatabaseHandle } from '@/db/client';

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

/** A migrated, empty database on the given engine. Call destroy() in afterAll. */
export async function createTestDatabase(engine: EngineName): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const handle = await openDatabase({ memory: true });
    await handle.migrate();
    return { ...handle, destroy: () => handle.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `rw_test_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ url: adminUrl });
  const { sql } = await import('drizzle-orm');
  await admin.db.execute(sql.raw(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  await handle.migrate();
  return {
    ...handle,
    url: url.toString(),
    async destroy() {
      await handle.close();
      await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await admin.close();
    },
  };
}
