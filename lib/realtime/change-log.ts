// app.change_log: one row per ETL batch that changed gold, written inside the batch's transaction with a
// pg_notify on CHANGES_CHANNEL (delivered on commit). The notification carries only the change id; every
// process's feed reads the rows themselves, so payload size never limits what a change can name.
import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { smallintArray } from '@/db/sql';

export const CHANGES_CHANNEL = 'gold_changes';

/** How long changes stay replayable: the newest 10,000, and none older than an hour. */
export const CHANGE_RETENTION = { changes: 10_000, ms: 60 * 60 * 1000 } as const;

// Taken right before the insert and held until commit: ids are then handed out in commit order, so a
// reader that has seen id N has seen every change below N (the feed and resume rely on it).
const CHANGE_LOG_LOCK_KEY = 7_201_002;
// Pruning every change would add a delete to every batch; every 100th keeps the table bounded.
const PRUNE_EVERY = 100;

/** What one batch changed in one region: reporting days and store codes. */
export interface ChangeSlice {
  region: number;
  dates: string[];
  stores: string[];
}

export interface GoldChange {
  id: number;
  /** ISO instant the batch committed its change. */
  at: string;
  slices: ChangeSlice[];
}

/** Records a batch's change and notifies listeners on commit; null (and nothing written) when it changed nothing. */
export async function recordGoldChange(tx: Database, slices: readonly ChangeSlice[]): Promise<number | null> {
  const nonEmpty = slices.filter((s) => s.dates.length > 0 || s.stores.length > 0);
  if (nonEmpty.length === 0) return null;
  const regions = [...new Set(nonEmpty.map((s) => s.region))].sort((a, b) => a - b);
  await tx.execute(sql`select pg_advisory_xact_lock(${CHANGE_LOG_LOCK_KEY})`);
  const [row] = await queryRows<{ id: number }>(
    tx,
    sql`insert into app.change_log (regions, slices) values (${smallintArray(regions)}, ${JSON.stringify(nonEmpty)}::jsonb)
        returning id::float8 as id`,
  );
  await tx.execute(sql`select pg_notify(${CHANGES_CHANNEL}, ${String(row.id)})`);
  if (row.id % PRUNE_EVERY === 0) await pruneChangeLog(tx, row.id);
  return row.id;
}

/** Drops changes outside the retention window; the newest row always stays (it marks where ids stand). */
export async function pruneChangeLog(db: Database, newestId: number): Promise<void> {
  await db.execute(sql`
    delete from app.change_log
    where id < ${newestId}
      and (id <= ${newestId - CHANGE_RETENTION.changes}
           or at < now() - make_interval(secs => ${CHANGE_RETENTION.ms / 1000}))`);
}

/** Changes after `afterId` in id order, optionally only those touching `regionIds` and up to `throughId`. */
export async function listChangesAfter(
  db: Database,
  afterId: number,
  options: { limit: number; regionIds?: readonly number[]; throughId?: number },
): Promise<GoldChange[]> {
  const inRegions = options.regionIds ? sql`and c.regions && ${smallintArray(options.regionIds)}` : sql``;
  const through = options.throughId === undefined ? sql`` : sql`and c.id <= ${options.throughId}`;
  // Ordered by the column (its index), not by the float8 output named like it, which would sort them all.
  const rows = await queryRows<{ id: number; at_ms: number; slices: string }>(
    db,
    sql`select c.id::float8 as id, (extract(epoch from c.at) * 1000)::float8 as at_ms, c.slices::text as slices
        from app.change_log c where c.id > ${afterId} ${inRegions} ${through}
        order by c.id limit ${options.limit}`,
  );
  return rows.map((r) => ({ id: r.id, at: new Date(r.at_ms).toISOString(), slices: JSON.parse(r.slices) as ChangeSlice[] }));
}

/** The oldest and newest retained change ids (both null before the first change). */
export async function changeLogBounds(db: Database): Promise<{ oldest: number | null; newest: number | null }> {
  const [row] = await queryRows<{ oldest: number | null; newest: number | null }>(
    db,
    sql`select min(id)::float8 as oldest, max(id)::float8 as newest from app.change_log`,
  );
  return { oldest: row?.oldest ?? null, newest: row?.newest ?? null };
}
