/**
 * @jest-environment node
 *
 * GET /api/health: 503 `starting` until migrations are applied and while the demo seed runs; then 200 with
 * the pipeline's counts (pending, dead-lettered, quarantined) as information only; 503 when the database
 * is down.
 */
import { sql } from 'drizzle-orm';
import { openDatabase, installDatabaseHandle } from '@/db/client';
import { GET } from '@/app/api/health/route';
import { holdSeedLock } from '@/lib/database-readiness';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';

describe.each(testEngines())('GET /api/health on %s', (engine) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.destroy());

  it('answers 503 starting before the migrations are applied', async () => {
    const fresh = await openDatabase({ memory: true });
    installDatabaseHandle(fresh);
    try {
      const res = await GET();
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: 'starting', starting: 'migrating' });
      await fresh.migrate();
      expect((await GET()).status).toBe(200);
    } finally {
      await fresh.close();
    }
  });

  it('answers 200 with the pipeline counts, dead-lettered events included, without degrading', async () => {
    installDatabaseHandle(db);
    await db.db.execute(sql`
      insert into silver.quarantine (stage, reason, raw_text) values ('etl', 'the ETL failed on this event: x', '{}'),
        ('ingest', 'bad', '{}')`);
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ok',
      checks: { db: { ok: true, latencyMs: expect.any(Number) }, cache: expect.objectContaining({ ok: true }) },
      pipeline: { pending: 0, deadLettered: 1, quarantined: 2 },
    });
  });

  it('answers 503 starting while the demo seed runs in another session', async () => {
    if (engine !== 'postgres') return; // PGlite has one connection: a seed there holds the whole database
    installDatabaseHandle(db);
    const seeder = await openDatabase({ url: db.url! });
    let release!: () => void;
    let held!: () => void;
    const isHeld = new Promise<void>((resolve) => (held = resolve));
    const seeding = seeder.db.transaction(async (tx) => {
      await holdSeedLock(tx);
      held();
      await new Promise<void>((resolve) => (release = resolve));
    });
    try {
      await isHeld;
      const res = await GET();
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: 'starting', starting: 'seeding' });
    } finally {
      release();
      await seeding;
      await seeder.close();
    }
    expect((await GET()).status).toBe(200);
  });

  it('answers 503 with the database check failed when the database is down', async () => {
    const down = engine === 'postgres' ? await openDatabase({ url: 'postgres://postgres@127.0.0.1:1/x' }) : await openDatabase({ memory: true });
    if (engine === 'pglite') await down.close();
    installDatabaseHandle(down);
    try {
      const res = await GET();
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: 'degraded', checks: { db: { ok: false } } });
    } finally {
      if (engine === 'postgres') await down.close();
    }
  });
});
