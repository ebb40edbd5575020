// app.etl_watermarks: how far each stage has come, written in the transaction that moved the rows.
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { jsonRecords } from '@/db/json-records';

export const ETL_STAGES = ['bronze_to_silver', 'silver_to_gold', 'rollups'] as const;
export type EtlStage = (typeof ETL_STAGES)[number];

/** Adds each stage's row count and advances its last bronze id (never backwards: workers interleave). */
export async function advanceWatermarks(db: Database, lastBronzeId: number, rows: Record<EtlStage, number>): Promise<void> {
  const records = ETL_STAGES.map((stage) => ({ stage, rows: rows[stage] }));
  await db.execute(sql`
    insert into app.etl_watermarks (stage, last_bronze_id, rows_total, updated_at)
    select stage, ${lastBronzeId}, rows, now() from ${jsonRecords(records)} as r(stage text, rows bigint)
    order by stage
    on conflict (stage) do update set
      last_bronze_id = greatest(app.etl_watermarks.last_bronze_id, excluded.last_bronze_id),
      rows_total = app.etl_watermarks.rows_total + excluded.rows_total,
      updated_at = now()`);
}
