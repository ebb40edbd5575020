// Events received per minute and store, counted once, by the batch that processes them (in its
// transaction, so a re-run never counts twice). The live monitor's "events per minute" reads these few
// rows instead of the last hour of bronze. Two days are kept.
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { intArray } from '@/db/sql';

const RETAINED = sql`interval '2 days'`;

export async function countIntake(tx: Database, bronzeIds: readonly number[]): Promise<void> {
  if (bronzeIds.length === 0) return;
  await tx.execute(sql`
    insert into app.intake_minutes (minute, store_code, events)
    select date_trunc('minute', e.received_at), coalesce(e.envelope #>> '{payload,storeCode}', e.envelope #>> '{payload,homeStoreCode}', ''), count(*)::int
    from bronze.events e where e.id = any(${intArray(bronzeIds)}::bigint[])
    group by 1, 2
    on conflict (minute, store_code) do update set events = app.intake_minutes.events + excluded.events`);
  // Two days behind the newest minute this batch counted (not the clock: replays of old events stay countable).
  await tx.execute(sql`delete from app.intake_minutes where minute < (
    select max(received_at) from bronze.events where id = any(${intArray(bronzeIds)}::bigint[])) - ${RETAINED}`);
}
