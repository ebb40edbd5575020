// The ETL's last resort for one bronze event that fails its batch however small the batch (a value the
// database refuses, a bug that one event triggers): it goes to silver.quarantine with stage 'etl' and the
// database's own error as the reason, and is marked processed, so it is never retried and never stops
// the events after it. /api/health and the admin console count these (pipeline-counts.ts).
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { rootMessage } from '@/lib/database-errors';
import { countIntake } from './intake-minutes';

export const DEAD_LETTER_STAGE = 'etl';
const MAX_REASON_LENGTH = 1_000;

/** Dead-letters the event if it is still pending and unclaimed; returns whether it did. */
export async function deadLetterEvent(db: Database, bronzeId: number, error: unknown): Promise<boolean> {
  const reason = `the ETL failed on this event: ${rootMessage(error)}`.slice(0, MAX_REASON_LENGTH);
  return db.transaction(async (tx) => {
    const moved = await queryRows<{ id: number }>(
      tx,
      sql`with claimed as (
            select id from bronze.events where id = ${bronzeId} and processed_at is null for update skip locked),
          kept as (
            insert into silver.quarantine (bronze_id, event_id, stage, reason, envelope, raw_text)
            select e.id, nullif(e.event_id, ''), ${DEAD_LETTER_STAGE}, ${reason}, e.envelope, e.raw_text
            from bronze.events e join claimed c on c.id = e.id)
          update bronze.events e set processed_at = now() from claimed c where e.id = c.id
          returning e.id::float8 as id`,
    );
    if (moved.length === 0) return false;
    await countIntake(tx, [bronzeId]);
    return true;
  });
}
