// Remembers which demo dataset the database holds, so `db:seed` can extend it instead of seeding it again,
// `npm start` can seed only an empty database, and the live demo stream knows which dataset it continues
// and from when. Kept as two app.etl_watermarks rows: stage 'demo-seed' (rows_total = the sale lines
// seeded, last_bronze_id = the seed, updated_at = the moment the seeded sales end) and stage 'demo-live'
// (updated_at = the moment up to which the live stream has added the demo's sales since; absent until then).
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';

const SEED_STAGE = 'demo-seed';
const LIVE_STAGE = 'demo-live';

export interface DemoDataset {
  lines: number;
  seed: number;
  /** The moment the seeded sales end (the seeder's `now`). */
  seededUntil: Date;
  /** The demo's sales are in the database up to this moment: the seed's end, or as far as the live stream came. */
  salesUntil: Date;
}

/** The completed demo dataset in the database, or null when there is none (or a seed was interrupted). */
export async function describeDemoData(db: Database): Promise<DemoDataset | null> {
  const rows = await queryRows<{ lines: string | number; seed: string | number; seeded_until: string; sales_until: string }>(db, sql`
    select s.rows_total as lines, s.last_bronze_id as seed,
      to_char(s.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as seeded_until,
      to_char(greatest(s.updated_at, l.updated_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as sales_until
    from app.etl_watermarks s
    left join app.etl_watermarks l on l.stage = ${LIVE_STAGE}
    where s.stage = ${SEED_STAGE}`);
  if (rows.length === 0) return null;
  const [row] = rows;
  return { lines: Number(row.lines), seed: Number(row.seed), seededUntil: new Date(row.seeded_until), salesUntil: new Date(row.sales_until) };
}

/** Sale lines of the completed demo dataset; 0 when the database holds none. */
export async function hasDemoData(db: Database): Promise<number> {
  const rows = await queryRows<{ lines: string | number }>(
    db, sql`select rows_total as lines from app.etl_watermarks where stage = ${SEED_STAGE}`,
  );
  return rows.length === 0 ? 0 : Number(rows[0].lines);
}

export async function recordDemoData(db: Database, dataset: { lines: number; seed: number; seededUntil: Date }): Promise<void> {
  await db.execute(sql`
    insert into app.etl_watermarks (stage, last_bronze_id, rows_total, updated_at)
    values (${SEED_STAGE}, ${dataset.seed}, ${dataset.lines}, ${dataset.seededUntil.toISOString()}::timestamptz)
    on conflict (stage) do update set last_bronze_id = excluded.last_bronze_id, rows_total = excluded.rows_total,
      updated_at = excluded.updated_at`);
}

/** The live stream has added the demo's sales up to `until`, `lines` more of them. */
export async function recordDemoSalesUntil(db: Database, until: Date, lines: number): Promise<void> {
  await db.execute(sql`
    insert into app.etl_watermarks (stage, last_bronze_id, rows_total, updated_at)
    values (${LIVE_STAGE}, 0, ${lines}, ${until.toISOString()}::timestamptz)
    on conflict (stage) do update set rows_total = app.etl_watermarks.rows_total + excluded.rows_total,
      updated_at = greatest(app.etl_watermarks.updated_at, excluded.updated_at)`);
}

export async function forgetDemoData(db: Database): Promise<void> {
  await db.execute(sql`delete from app.etl_watermarks where stage in (${SEED_STAGE}, ${LIVE_STAGE})`);
}
