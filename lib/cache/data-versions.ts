// Data versions: counters per region and month of data (app.data_versions), advanced inside the
// transaction of every ETL batch that changes the region's gold data of that month. A cache key carries,
// per region of the caller, the sum of the counters of the months up to the last one the answer reads
// (`through`; every month when the answer has no end, such as the live monitor's), read from Postgres
// just before the cache, so:
// - a reader that sees a new sum started after the batch committed, and so does its loader: an entry
//   under a new sum can only hold data at least as new as that batch;
// - counters only ever go up by one, so any committed bump in the months an answer reads changes its sum,
//   whatever order concurrent batches commit in;
// - a batch that loads today's sales leaves the sums of answers that end last month unchanged: they stay
//   cached while the live data flows, and regions a batch did not touch keep theirs;
// - it holds across processes and adapters (a worker needs no cache access), and a failed cache write
//   cannot leave a stale version behind, because the bump commits with the data.
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { smallintArray, textArray } from '@/db/sql';

export interface RegionVersion {
  regionId: number;
  version: number;
}

/** A region's data of one calendar day (reporting time zone) changed. */
export interface RegionDay {
  regionId: number;
  day: string;
}

/** The month row that stands for every month: a change to it changes every answer's sum. */
const EVERY_MONTH = '-infinity';

const monthOf = (day: string) => `${day.slice(0, 7)}-01`;

/** Advances the counters of the months these days fall in; call inside the transaction that changed them. */
export async function bumpDataVersionsOf(tx: Database, changes: readonly RegionDay[]): Promise<void> {
  await bumpMonths(tx, changes.map((c) => ({ regionId: c.regionId, month: monthOf(c.day) })));
}

/** Advances every month of each region (a reseed, a rebuild): every cached answer of theirs goes stale. */
export async function bumpDataVersions(tx: Database, regionIds: readonly number[]): Promise<void> {
  await bumpMonths(tx, regionIds.map((regionId) => ({ regionId, month: EVERY_MONTH })));
}

async function bumpMonths(tx: Database, months: readonly { regionId: number; month: string }[]): Promise<void> {
  // In one order (region, month; '-infinity' sorts before every YYYY-MM-DD), so concurrent batches lock
  // counter rows alike and cannot deadlock here.
  const unique = [...new Map(months.map((m) => [`${m.regionId}:${m.month}`, m])).values()]
    .sort((a, b) => a.regionId - b.regionId || (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  if (unique.length === 0) return;
  await tx.execute(sql`
    insert into app.data_versions (region_id, month, version)
    select r, m, 1 from unnest(${smallintArray(unique.map((u) => u.regionId))}, ${textArray(unique.map((u) => u.month))}::date[]) with ordinality as x(r, m, n)
    order by n
    on conflict (region_id, month) do update set version = app.data_versions.version + 1, updated_at = now()`);
}

/**
 * Each region's version for answers that read data up to the day `through` (every month when omitted), in
 * the order asked: the sum of its counters of those months (0 before its first batch).
 */
export async function readDataVersions(db: Database, regionIds: readonly number[], through?: string): Promise<RegionVersion[]> {
  const rows = await queryRows<{ region_id: number; version: number }>(
    db,
    sql`select region_id::int as region_id, sum(version)::float8 as version from app.data_versions
        where region_id = any(${smallintArray([...regionIds])})${through === undefined ? sql`` : sql` and month <= ${monthOf(through)}::date`}
        group by region_id`,
  );
  const byRegion = new Map(rows.map((r) => [r.region_id, r.version]));
  return regionIds.map((regionId) => ({ regionId, version: byRegion.get(regionId) ?? 0 }));
}
