// Events received per minute and store, counted once, by the batch that processes them (in its
// transaction, so a re-run never counts twice). The live monitor's "events per minute" reads these few
// rows instead of the last hour of bronze. Two days are kept.
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { intArray } from '@/db/sql';

const RETAINED = sql`interval '2 days'`;

export async function countIntake(tx: Database, bronzeIds: readonly number[]): Promise<void> {
  if (bronzeIds.length === 0) return;
  // One statement: the batch's counts, added; then minutes two days behind the newest one it counted are
  // dropped (not by the clock: replays of old events stay countable). The cutoff comes from the counted
  // rows: max(received_at) over the ids would let the planner walk the received_at index back from the
  // newest event, past every pending one, to find the batch's.
  await tx.execute(sql`
    with counted as (
      select date_trunc('minute', e.received_at) as minute,
             coalesce(e.envelope #>> '{payload,storeCode}', e.envelope #>> '{payload,homeStoreCode}', '') as store_code,
             count(*)::int as events
      from bronze.events e where e.id = any(${intArray(bronzeIds)}::bigint[])
      group by 1, 2
    ), added as (
      insert into app.intake_minutes (minute, store_code, events)
      select minute, store_code, events from counted
      on conflict (minute, store_code) do update set events = app.intake_minutes.events + excluded.events
    )
    delete from app.intake_minutes where minute < (select max(minute) from counted) - ${RETAINED}`);
}
