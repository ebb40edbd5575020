// Data versions: one counter per region (app.data_versions), advanced inside the transaction of every ETL
// batch that changes the region's gold data. Cache keys carry the versions of the caller's regions, read
// from Postgres just before the cache, so:
// - a reader that sees the new version started after the batch committed, and so does its loader: an
//   entry under a new version can only hold data at least as new as that batch;
// - it holds across processes and across adapters (a worker in another process needs no cache access),
//   and a failed cache write cannot leave a stale version behind, because the bump commits with the data;
// - regions a batch did not touch keep their version, so their entries stay valid.
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { intArray } from '@/db/sql';

export interface RegionVersion {
  regionId: number;
  version: number;
}

/** Advances the version of each region; call inside the transaction that changed their gold data. */
export async function bumpDataVersions(tx: Database, regionIds: readonly number[]): Promise<void> {
  // Ascending order, so concurrent batches lock version rows in one order and cannot deadlock here.
  const ids = [...new Set(regionIds)].sort((a, b) => a - b);
  if (ids.length === 0) return;
  await tx.execute(sql`
    insert into app.data_versions (region_id, version)
    select id, 1 from unnest(${intArray(ids)}) as id order by id
    on conflict (region_id) do update set version = app.data_versions.version + 1, updated_at = now()`);
}

/** The current version of each region (0 before its first batch), in the order asked. */
export async function readDataVersions(db: Database, regionIds: readonly number[]): Promise<RegionVersion[]> {
  const rows = await queryRows<{ region_id: number; version: number }>(
    db,
    sql`select region_id::int as region_id, version::float8 as version from app.data_versions
        where region_id = any(${intArray([...regionIds])})`,
  );
  const byRegion = new Map(rows.map((r) => [r.region_id, r.version]));
  return regionIds.map((regionId) => ({ regionId, version: byRegion.get(regionId) ?? 0 }));
}
