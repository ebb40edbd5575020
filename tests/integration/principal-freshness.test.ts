// A role change or deactivation reaches the process that made it at once and every other process within
// a second. "Another process" is a principal cache of its own on a connection pool of its own (on Postgres
// a second pool to the same database; PGlite has one connection, so there it shares the handle).
import { sql } from 'drizzle-orm';
import { openDatabase, installDatabaseHandle, type Database, type DatabaseHandle } from '@/db/client';
import { changeUserRole, setUserActive } from '@/lib/admin/update-user';
import { loadPrincipal, PrincipalCache, PRINCIPAL_TTL_MS } from '@/lib/auth/principal';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';
import { seedAdminFixture, userIdOf } from '../helpers/admin-fixture';

/** Milliseconds until `check` holds, polling every 20 ms; fails after 3 s. */
async function msUntil(check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > 3_000) throw new Error('never happened');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - started;
}

describe.each(testEngines())('principal freshness across processes on %s', (engine) => {
  let handle: TestDatabase;
  let other: DatabaseHandle;
  const otherProcess = new PrincipalCache();

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    other = handle.url ? await openDatabase({ url: handle.url }) : handle;
    installDatabaseHandle(handle);
  });
  afterAll(async () => {
    if (other !== handle) await other.close();
    await handle.destroy();
  });

  it('keeps principals under a second', () => {
    expect(PRINCIPAL_TTL_MS).toBeLessThan(1_000);
  });

  it('a role change applies at once here and within a second in the other process', async () => {
    const actor = await seedAdminFixture(handle.db);
    const userId = await userIdOf(handle.db, 'analyst@retailwave.test');
    expect((await loadPrincipal(userId))?.role).toBe('analyst');
    expect((await otherProcess.load(userId, other.db))?.role).toBe('analyst');

    await changeUserRole(handle.db, actor, { userId, role: 'viewer' });
    expect((await loadPrincipal(userId))?.role).toBe('viewer');
    const lag = await msUntil(async () => (await otherProcess.load(userId, other.db))?.role === 'viewer');
    expect(lag).toBeLessThan(1_000);
  });

  it('a deactivation applies at once here and within a second in the other process', async () => {
    const actor = await seedAdminFixture(handle.db);
    const userId = await userIdOf(handle.db, 'viewer@retailwave.test');
    expect((await otherProcess.load(userId, other.db))?.isActive).toBe(true);
    await setUserActive(handle.db, actor, { userId, active: false });
    expect((await loadPrincipal(userId))?.isActive).toBe(false);
    const lag = await msUntil(async () => (await otherProcess.load(userId, other.db))?.isActive === false);
    expect(lag).toBeLessThan(1_000);
  });

  it('a read in flight while the change commits does not keep the old principal', async () => {
    const cache = new PrincipalCache(60_000);
    const userId = await userIdOf(handle.db, 'east.manager@retailwave.test');
    // The same database, whose answer is held back until the change has committed: the read sees the old
    // role, and lands after the change.
    let readDone!: () => void;
    const read = new Promise<void>((resolve) => (readDone = resolve));
    let deliver!: () => void;
    const delivered = new Promise<void>((resolve) => (deliver = resolve));
    const slow = new Proxy(handle.db, {
      get(target, prop, receiver) {
        if (prop !== 'execute') return Reflect.get(target, prop, receiver);
        return async (...args: Parameters<Database['execute']>) => {
          const result = await target.execute(...args);
          readDone();
          await delivered;
          return result;
        };
      },
    }) as Database;
    const inFlight = cache.load(userId, slow);
    await read;
    await handle.db.execute(sql`update app.users set role = 'analyst' where id = ${userId}::uuid`);
    cache.forget(userId);
    deliver();
    expect((await inFlight)?.role).toBe('manager');
    expect((await cache.load(userId, handle.db))?.role).toBe('analyst');
  });
});
