// How the pipeline is doing, for /api/health and the admin console: events waiting in bronze, events the
// ETL dead-lettered (dead-letter.ts), and every event kept in quarantine (refused at the door, by
// validation, or dead-lettered).
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { DEAD_LETTER_STAGE } from './dead-letter';

export interface PipelineCounts {
  pending: number;
  deadLettered: number;
  quarantined: number;
}

export async function getPipelineCounts(db: Database): Promise<PipelineCounts> {
  const [row] = await queryRows<PipelineCounts>(db, sql`
    select (select count(*) from bronze.events where processed_at is null)::float8 as pending,
      (select count(*) from silver.quarantine where stage = ${DEAD_LETTER_STAGE})::float8 as "deadLettered",
      (select count(*) from silver.quarantine)::float8 as quarantined`);
  return row;
}
