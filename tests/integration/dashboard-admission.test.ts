/**
 * Admission of dashboard reads (lib/queries/internal/admission.ts, read-in-scope.ts) on real databases: a
 * read beyond the slots waits for one to free, waiting reads take turns across people, a read that waits
 * too long is refused as `busy`, and the ETL, ingest, sign-in and the change feed never wait behind a
 * crowd of dashboard reads: on Postgres they have connections of their own, on PGlite (one connection)
 * they queue behind at most the one read running. Ordering is proved by the order of events, never by time.
 */
import { sql } from 'drizzle-orm';
import { openDatabase, type Database, type DatabaseHandle, type OpenOptions } from '@/db/client';
import type { UserScope } from '@/lib/auth/scope';
import { readPrincipal } from '@/lib/auth/principal';
import { runEtlBatch } from '@/lib/etl/run-batch';
import { ingestEvents } from '@/lib/ingest/ingest-events';
import { admissionOf } from '@/lib/queries/internal/admission';
import { readInScope } from '@/lib/queries/internal/read-in-scope';
import { listChangesAfter } from '@/lib/realtime/change-log';
import { createTestDatabase, testEngines, type EngineName, type TestDatabase } from '../helpers/database';
import { insertRetailFixture, saleEvent } from '../helpers/retail-fixture';
import { prepareUsers, scopeFor } from '../helpers/scopes';

const SLOW_READ_LOCK = 4242;

interface World {
  db: TestDatabase;
  admin: UserScope;
  analyst: UserScope;
  viewer: UserScope;
}

async function openWorld(engine: EngineName, options: OpenOptions): Promise<World> {
  const db = await createTestDatabase(engine, options);
  await insertRetailFixture(db.db);
  await prepareUsers(db);
  return {
    db,
    admin: await scopeFor(db, 'admin@retailwave.test'),
    analyst: await scopeFor(db, 'analyst@retailwave.test'),
    viewer: await scopeFor(db, 'viewer@retailwave.test'),
  };
}

/** A dashboard read that, once admitted, keeps its slot (and its transaction) until released. */
function heldRead(db: Database, scope: UserScope, during: (tx: Database) => Promise<unknown> = async () => undefined) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let started!: () => void;
  const running = new Promise<void>((resolve) => (started = resolve));
  const done = readInScope(db, scope, async (tx) => {
    started();
    await Promise.all([during(tx), released]);
    return 'held';
  });
  return { running, release, done };
}

/** A quick dashboard read that notes when it starts. */
const notedRead = (db: Database, scope: UserScope, events: string[], label: string) =>
  readInScope(db, scope, async (tx) => {
    events.push(label);
    await tx.execute(sql`select 1`);
  });

const admission = (db: Database) => {
  const found = admissionOf(db);
  if (!found) throw new Error('no admission for this database');
  return found;
};

describe.each(testEngines())('dashboard read admission on %s', (engine) => {
  describe('slots and turns', () => {
    let world: World;
    // PGlite has one connection, so one slot whatever is asked; Postgres gets the two asked for.
    const slots = engine === 'pglite' ? 1 : 2;
    beforeAll(async () => {
      world = await openWorld(engine, { scopedReads: { slots: 2 } });
    });
    afterAll(() => world.db.destroy());

    it('runs a read beyond the slots only once a slot frees', async () => {
      const { db, admin, analyst } = world;
      expect(admission(db.db).slots).toBe(slots);
      const holders = Array.from({ length: slots }, () => heldRead(db.db, admin));
      await Promise.all(holders.map((h) => h.running));
      const events: string[] = [];
      const extra = notedRead(db.db, analyst, events, 'extra started');
      expect(admission(db.db).waiting).toBe(1);
      expect(events).toEqual([]);

      events.push('slot freed');
      holders[0].release();
      await extra;
      expect(events).toEqual(['slot freed', 'extra started']);
      for (const h of holders) h.release();
      await Promise.all(holders.map((h) => h.done));
      expect(admission(db.db).active).toBe(0);
    });

    it('serves waiting reads in turns across people: one person’s ten reads do not push another’s one behind all ten', async () => {
      const { db, admin, analyst, viewer } = world;
      const holders = Array.from({ length: slots }, () => heldRead(db.db, admin));
      await Promise.all(holders.map((h) => h.running));
      const events: string[] = [];
      const many = Array.from({ length: 10 }, (_, i) => notedRead(db.db, analyst, events, `analyst ${i + 1}`));
      const one = notedRead(db.db, viewer, events, 'viewer');
      expect(admission(db.db).waiting).toBe(11);

      for (const h of holders) h.release();
      await Promise.all([...many, one, ...holders.map((h) => h.done)]);
      // The analyst's first read and the viewer's take the first turns. With two slots they run side by
      // side, and the analyst's first may finish and hand its slot to the analyst's second before the
      // viewer's read gets through its BEGIN: the viewer starts within the first `slots + 1`. In arrival
      // order it would have been eleventh.
      expect(events).toHaveLength(11);
      expect(events.indexOf('viewer')).toBeLessThanOrEqual(slots);
    });
  });

  describe('a wait past the queue timeout', () => {
    let world: World;
    beforeAll(async () => {
      world = await openWorld(engine, { scopedReads: { slots: 1, queueTimeoutMs: 100 } });
    });
    afterAll(() => world.db.destroy());

    it('is refused as busy (503 with Retry-After), and leaves its turn to the reads behind it', async () => {
      const { db, admin, analyst, viewer } = world;
      const holder = heldRead(db.db, admin);
      await holder.running;
      const waiting = readInScope(db.db, analyst, async () => 'never');
      await expect(waiting).rejects.toMatchObject({ status: 503, code: 'busy', headers: { 'Retry-After': expect.any(String) } });
      expect(admission(db.db).waiting).toBe(0);

      const events: string[] = [];
      const next = notedRead(db.db, viewer, events, 'viewer');
      holder.release();
      await Promise.all([holder.done, next]);
      expect(events).toEqual(['viewer']);
      expect(admission(db.db).active).toBe(0);
    });
  });
});

// On Postgres the live path has connections of its own (below); on PGlite it shares the one connection.
describe('the live path beside dashboard reads on pglite', () => {
  let world: World;
  beforeAll(async () => {
    world = await openWorld('pglite', {});
    // Learn the fixture's store and SKU codes, so an ingest below is one transaction, as in steady use.
    await ingestEvents(world.db.db, { source: 'test', events: [saleEvent({ transactionId: 'T-warm' })] });
  });
  afterAll(() => world.db.destroy());

  it('lets ingest and an ETL batch go ahead of queued dashboard reads, behind at most the one read running', async () => {
    const { db, admin, analyst } = world;
    const holder = heldRead(db.db, admin);
    await holder.running;
    const events: string[] = [];
    const queued = Array.from({ length: 6 }, (_, i) => notedRead(db.db, analyst, events, `read ${i + 1}`));

    const live = (async () => {
      const ingested = ingestEvents(db.db, { source: 'test', events: [saleEvent({ transactionId: 'T-live' })] });
      holder.release();
      expect((await ingested).accepted).toBe(1);
      events.push('ingested');
      expect((await runEtlBatch(db.db, { limit: 100, timeZone: 'UTC' })).sales).toBe(2);
      events.push('loaded');
    })();
    await Promise.all([live, holder.done, ...queued]);

    // Each of the two units of live work waited for at most one dashboard read (the one holding the
    // connection when it asked); without admission, all six queued reads would have gone first.
    const readsBefore = (mark: string) => events.slice(0, events.indexOf(mark)).filter((e) => e.startsWith('read')).length;
    expect(readsBefore('ingested')).toBeLessThanOrEqual(1);
    expect(readsBefore('loaded')).toBeLessThanOrEqual(2);
  });
});

const describePostgres = process.env.TEST_DATABASE_URL ? describe : describe.skip;

describePostgres('dashboard reads on postgres hold connections of their own', () => {
  let world: World;
  let locker: DatabaseHandle;
  beforeAll(async () => {
    // A main pool no larger than the dashboard slots: were dashboard reads to take its connections,
    // nothing else could run. No statement timeout that a slow machine could reach ends the slow reads early.
    world = await openWorld('postgres', { connections: 2, scopedReads: { slots: 2, statementTimeoutMs: 600_000 } });
    locker = await openDatabase({ url: world.db.url! });
  });
  afterAll(async () => {
    await locker.close();
    await world.db.destroy();
  });

  it('ingests, loads a batch, reads the change log and a principal while slow reads hold every dashboard slot', async () => {
    const { db, admin, analyst } = world;
    // The slow reads block in the database (as a long pg_sleep would) on a lock the test holds from another
    // connection, until the test lets go: no clock decides when they end.
    let unlock!: () => void;
    const unlocked = new Promise<void>((resolve) => (unlock = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const lock = locker.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${SLOW_READ_LOCK})`);
      locked();
      await unlocked;
    });
    await lockTaken;
    const slow = [1, 2].map(() => heldRead(db.db, admin, (reader) => reader.execute(sql`select pg_advisory_xact_lock(${SLOW_READ_LOCK})`)));
    await Promise.all(slow.map((s) => s.running));
    for (const s of slow) s.release(); // they now end when their lock wait does
    const events: string[] = [];
    const queued = notedRead(db.db, analyst, events, 'queued read');
    expect([admission(db.db).active, admission(db.db).waiting]).toEqual([2, 1]);

    expect((await ingestEvents(db.db, { source: 'test', events: [saleEvent({ transactionId: 'T-busy' })] })).accepted).toBe(1);
    expect((await runEtlBatch(db.db, { limit: 100, timeZone: 'UTC' })).sales).toBe(1);
    expect((await listChangesAfter(db.db, 0, { limit: 10 })).length).toBeGreaterThan(0);
    expect(await readPrincipal(db.db, analyst.owner.user.userId)).toMatchObject({ email: 'analyst@retailwave.test' });
    // Meanwhile the slow reads kept both slots, and the queued one kept waiting.
    expect([admission(db.db).active, admission(db.db).waiting]).toEqual([2, 1]);
    expect(events).toEqual([]);

    unlock();
    await lock;
    expect(await Promise.all(slow.map((s) => s.done))).toEqual(['held', 'held']);
    await queued;
    expect(events).toEqual(['queued read']);
  });
});
