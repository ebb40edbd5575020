// Events the ETL refuses → silver.quarantine, with the envelope or raw text copied from bronze.
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { jsonRecords } from '@/db/json-records';
import type { Quarantined } from './validate';

export async function quarantineEvents(db: Database, items: readonly Quarantined[]): Promise<void> {
  if (items.length === 0) return;
  await db.execute(sql`
    insert into silver.quarantine (bronze_id, event_id, stage, reason, envelope, raw_text)
    select e.id, q.event_id, 'validate', q.reason, e.envelope, e.raw_text
    from ${jsonRecords(items.map((q) => ({ bronze_id: q.bronzeId, event_id: q.eventId, reason: q.reason })))}
      as q(bronze_id bigint, event_id text, reason text)
    join bronze.events e on e.id = q.bronze_id
    order by e.id`);
}
