/**
 * The change log and the per-process feed: a change is written and announced only when its batch commits,
 * retention keeps the newest row, a feed catches up without notifications, and on real Postgres two
 * listeners on separate connections (as two app instances would have) both receive every change.
 */
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type DatabaseHandle } from '@/db/client';
import { appendToBronze } from '@/lib/etl/bronze';
import { runEtlBatch } from '@/lib/etl/run-batch';
import { CHANGE_RETENTION, changeLogBounds, pruneChangeLog, recordGoldChange, type GoldChange } from '@/lib/realtime/change-log';
import { ChangeFeed } from '@/lib/realtime/change-feed';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';
import { insertRetailFixture, saleEvent } from '../helpers/retail-fixture';

const EAST = [{ region: 1, dates: ['2026-01-01'], stores: ['S001'] }];

async function waitFor(predicate: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(testEngines())('change log and feed on %s', (engine) => {
  let db: TestDatabase;
  const feeds: ChangeFeed[] = [];

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await insertRetailFixture(db.db);
  });
  afterAll(async () => {
    for (const feed of feeds) await feed.close();
    await db.destroy();
  });

  /** Sessions of this database waiting for an advisory lock (the change log's is the only one here). */
  const advisoryLockWaiters = async () =>
    (await queryRows<{ n: number }>(db.db, sql`select count(*)::int as n from pg_locks
      where locktype = 'advisory' and not granted and database = (select oid from pg_database where datname = current_database())`))[0].n;

  const feedOf = (handle: Pick<DatabaseHandle, 'db' | 'listen'>, pollMs?: number) => {
    const feed = new ChangeFeed(handle, { pollMs });
    feeds.push(feed);
    return feed;
  };

  it('publishes one change per ETL batch that changed gold, naming regions, days and stores', async () => {
    const received: GoldChange[] = [];
    await feedOf(db).subscribe((c) => received.push(c));
    await appendToBronze(db.db, {
      source: 'test',
      events: [
        saleEvent({ storeCode: 'S001' }, { occurredAt: '2026-03-01T10:00:00Z' }),
        saleEvent({ storeCode: 'S003', transactionId: 'T-2' }, { occurredAt: '2026-03-02T10:00:00Z' }),
      ],
    });
    const summary = await runEtlBatch(db.db, { limit: 100, timeZone: 'UTC' });
    await waitFor(() => received.length === 1);
    expect(received[0]).toEqual({
      id: summary.changeId,
      at: expect.any(String),
      slices: [
        { region: 1, dates: ['2026-03-01'], stores: ['S001'] },
        { region: 2, dates: ['2026-03-02'], stores: ['S003'] },
      ],
    });
    const [row] = await queryRows<{ regions: string }>(db.db, sql`select regions::text as regions from app.change_log where id = ${summary.changeId}`);
    expect(row.regions).toBe('{1,2}');
  });

  it('publishes nothing for a batch that changed nothing in gold, or for one that rolled back', async () => {
    const received: GoldChange[] = [];
    await feedOf(db).subscribe((c) => received.push(c));
    const before = await changeLogBounds(db.db);
    await appendToBronze(db.db, { source: 'test', events: [saleEvent({ storeCode: 'S999' })] });
    expect((await runEtlBatch(db.db, { limit: 100, timeZone: 'UTC' })).changeId).toBeNull();
    await expect(
      db.db.transaction(async (tx) => {
        await recordGoldChange(tx, EAST);
        throw new Error('batch failed');
      }),
    ).rejects.toThrow('batch failed');
    expect(await db.db.transaction((tx) => recordGoldChange(tx, []))).toBeNull();
    expect((await changeLogBounds(db.db)).newest).toBe(before.newest);
    // The feed hands changes over in order: once a later change arrives, anything before it would have.
    const later = await db.db.transaction((tx) => recordGoldChange(tx, EAST));
    await waitFor(() => received.length > 0);
    expect(received.map((c) => c.id)).toEqual([later]);
  });

  it('catches up by polling when notifications are lost', async () => {
    const deaf = { db: db.db, listen: async () => async () => {} };
    const received: number[] = [];
    await feedOf(deaf, 50).subscribe((c) => received.push(c.id));
    const id = await db.db.transaction((tx) => recordGoldChange(tx, EAST));
    await waitFor(() => received.includes(id!));
    expect(received).toEqual([id]);
  });

  it('prunes changes older than the retained window but always keeps the newest', async () => {
    const recent = (await db.db.transaction((tx) => recordGoldChange(tx, EAST)))!;
    const newest = (await db.db.transaction((tx) => recordGoldChange(tx, EAST)))!;
    await db.db.execute(sql`update app.change_log set at = now() - interval '2 hours' where id < ${recent} or id = ${newest}`);
    await pruneChangeLog(db.db, newest);
    expect(await changeLogBounds(db.db)).toEqual({ oldest: recent, newest });
    await pruneChangeLog(db.db, newest + CHANGE_RETENTION.changes);
    expect(await changeLogBounds(db.db)).toEqual({ oldest: null, newest: null });
  });

  (engine === 'postgres' ? it : it.skip)('delivers every change to listeners on two separate connections', async () => {
    const other = await openDatabase({ url: db.url! });
    try {
      const a: number[] = [];
      const b: number[] = [];
      const feedB = new ChangeFeed(other);
      await feedOf(db).subscribe((c) => a.push(c.id));
      await feedB.subscribe((c) => b.push(c.id));
      const ids: number[] = [];
      // Written through both connections' pools, as two instances' workers would.
      for (let i = 0; i < 6; i++) {
        const writer = i % 2 === 0 ? db.db : other.db;
        ids.push((await writer.transaction((tx) => recordGoldChange(tx, EAST)))!);
      }
      await waitFor(() => a.length === ids.length && b.length === ids.length);
      expect(a).toEqual(ids);
      expect(b).toEqual(ids);
      await feedB.close();
    } finally {
      await other.close();
    }
  });

  (engine === 'postgres' ? it : it.skip)('hands out change ids in commit order when batches overlap', async () => {
    const received: number[] = [];
    await feedOf(db).subscribe((c) => received.push(c.id));
    let releaseFirst!: () => void;
    const firstHolding = new Promise<void>((r) => (releaseFirst = r));
    let firstRecorded!: () => void;
    const recorded = new Promise<void>((r) => (firstRecorded = r));
    const first = db.db.transaction(async (tx) => {
      const id = await recordGoldChange(tx, EAST);
      firstRecorded();
      await firstHolding;
      return id;
    });
    await recorded;
    // The second batch waits on the change-log lock until the first commits, so it cannot take a lower id
    // and commit before it (a reader that saw the second would otherwise miss the first for good).
    const second = db.db.transaction((tx) => recordGoldChange(tx, EAST));
    await waitFor(async () => (await advisoryLockWaiters()) === 1);
    releaseFirst();
    const [a, b] = await Promise.all([first, second]);
    expect(b!).toBeGreaterThan(a!);
    await waitFor(() => received.length === 2);
    expect(received).toEqual([a, b]);
  });
});
