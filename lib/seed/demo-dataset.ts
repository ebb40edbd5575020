// Remembers which demo dataset the database holds, so `db:seed` can skip work and `npm start` can
// seed only an empty database. Kept as the app.etl_watermarks row of stage 'demo-seed':
// rows_total = the sale lines seeded, last_bronze_id = the seed (the demo data has no bronze rows).
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';

const STAGE = 'demo-seed';

export interface DemoDataset {
  lines: number;
  seed: number;
  /** Last day with seeded sales in the reporting time zone (YYYY-MM-DD), or null if none. */
  lastDay: string | null;
}

/** The completed demo dataset in the database, or null when there is none (or a seed was interrupted). */
export async function describeDemoData(db: Database, timeZone: string): Promise<DemoDataset | null> {
  const rows = await queryRows<{ lines: string | number; seed: string | number; last_day: string | null }>(db, sql`
    select w.rows_total as lines, w.last_bronze_id as seed,
      (select to_char(max(s.occurred_at) at time zone ${timeZone}, 'YYYY-MM-DD')
       from silver.sales_lines s where s.bronze_id is null) as last_day
    from app.etl_watermarks w where w.stage = ${STAGE}`);
  if (rows.length === 0) return null;
  return { lines: Number(rows[0].lines), seed: Number(rows[0].seed), lastDay: rows[0].last_day };
}

/** Sale lines of the completed demo dataset; 0 when the database holds none. */
export async function hasDemoData(db: Database): Promise<number> {
  const rows = await queryRows<{ lines: string | number }>(
    db, sql`select rows_total as lines from app.etl_watermarks where stage = ${STAGE}`,
  );
  return rows.length === 0 ? 0 : Number(rows[0].lines);
}

export async function recordDemoData(db: Database, lines: number, seed: number): Promise<void> {
  await db.execute(sql`
    insert into app.etl_watermarks (stage, last_bronze_id, rows_total, updated_at)
    values (${STAGE}, ${seed}, ${lines}, now())
    on conflict (stage) do update set last_bronze_id = excluded.last_bronze_id, rows_total = excluded.rows_total,
      updated_at = excluded.updated_at`);
}

export async function forgetDemoData(db: Database): Promise<void> {
  await db.execute(sql`delete from app.etl_watermarks where stage = ${STAGE}`);
}
