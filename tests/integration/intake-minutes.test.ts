/**
 * The live monitor's intake counts: each batch adds its events per minute and store, and minutes more
 * than two days behind the newest one a batch counted are dropped.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { appendToBronze } from '@/lib/etl/bronze';
import { countIntake } from '@/lib/etl/intake-minutes';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';
import { saleEvent } from '../helpers/retail-fixture';

describe.each(testEngines())('intake minutes on %s', (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db.destroy());

  /** Appends events received at the given instants and counts them as one ETL batch would. */
  async function receive(stores: string[], receivedAt: string): Promise<void> {
    const { batchId } = await appendToBronze(db.db, { source: 'test', events: stores.map((storeCode) => saleEvent({ storeCode })) });
    const ids = await queryRows<{ id: number }>(
      db.db,
      sql`update bronze.events set received_at = ${receivedAt}::timestamptz where batch_id = ${batchId} returning id::float8 as id`,
    );
    await countIntake(db.db, ids.map((r) => r.id));
  }

  const minutes = () =>
    queryRows<{ minute: string; store: string; events: number }>(
      db.db,
      sql`select to_char(minute at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as minute, store_code as store, events
          from app.intake_minutes order by minute, store_code`,
    );

  it('adds each batch to its minute and store, and forgets minutes two days behind the newest', async () => {
    await receive(['S001', 'S001', 'S002'], '2026-03-01T10:00:10Z');
    await receive(['S001'], '2026-03-01T10:00:50Z');
    await receive(['S002'], '2026-03-02T09:00:00Z');
    expect(await minutes()).toEqual([
      { minute: '2026-03-01 10:00', store: 'S001', events: 3 },
      { minute: '2026-03-01 10:00', store: 'S002', events: 1 },
      { minute: '2026-03-02 09:00', store: 'S002', events: 1 },
    ]);

    // Two days and a minute after the first minute: it goes; the next day's stays.
    await receive(['S003'], '2026-03-03T10:01:30Z');
    expect(await minutes()).toEqual([
      { minute: '2026-03-02 09:00', store: 'S002', events: 1 },
      { minute: '2026-03-03 10:01', store: 'S003', events: 1 },
    ]);

    // A late replay of an old event is counted, not dropped by the clock, and drops nothing newer.
    await receive(['S001'], '2026-03-02T09:00:20Z');
    expect((await minutes()).find((m) => m.minute === '2026-03-02 09:00' && m.store === 'S001')).toEqual({
      minute: '2026-03-02 09:00', store: 'S001', events: 1,
    });
    expect(await minutes()).toHaveLength(3);
  });
});
