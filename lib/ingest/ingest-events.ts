// POST /api/ingest's work: check each event, keep the refused ones in silver.quarantine (stage 'ingest')
// and append the rest to bronze — both in one transaction that commits before the caller is answered,
// so an accepted event is durable and a refused one is never lost.
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { appendToBronze } from '@/lib/etl/bronze';
import { jsonRecords } from '@/db/json-records';
import { referencedCodes } from '@/lib/etl/silver/reference-codes';
import { checkEvent, isStorableJson } from './check-event';
import { referenceCacheFor } from './reference-cache';

export interface IngestRejection {
  /** Position of the event in the posted list. */
  index: number;
  reason: string;
}

export interface IngestResult {
  /** Events stored for the first time. */
  accepted: number;
  /** Events whose id was already stored (or repeated in the batch): not stored again. */
  duplicates: number;
  rejected: IngestRejection[];
}

interface Refused extends IngestRejection {
  eventId: string | null;
  event: unknown;
}

export async function ingestEvents(
  db: Database,
  input: { source: string; events: readonly unknown[]; now?: Date },
): Promise<IngestResult> {
  const now = input.now ?? new Date();
  const refs = await referenceCacheFor(db).resolve(db, referencedCodes(input.events));
  const valid: unknown[] = [];
  const refused: Refused[] = [];
  input.events.forEach((event, index) => {
    const check = checkEvent(event, refs, now);
    if (check.ok) valid.push(event);
    else refused.push({ index, reason: check.reason, eventId: check.eventId, event });
  });

  let stored = { accepted: 0, duplicates: 0 };
  if (valid.length > 0 || refused.length > 0) {
    stored = await db.transaction(async (tx) => {
      await quarantineRefused(tx, refused);
      return valid.length > 0 ? appendToBronze(tx, { source: input.source, events: valid }) : stored;
    });
  }
  return {
    accepted: stored.accepted,
    duplicates: stored.duplicates,
    rejected: refused.map(({ index, reason }) => ({ index, reason })),
  };
}

async function quarantineRefused(db: Database, refused: readonly Refused[]): Promise<void> {
  if (refused.length === 0) return;
  const rows = refused.map((r) => {
    const keepAsJson = isStorableJson(r.event);
    return {
      event_id: r.eventId,
      reason: r.reason,
      envelope: keepAsJson ? r.event : null,
      raw_text: keepAsJson ? null : (JSON.stringify(r.event) ?? 'undefined'),
    };
  });
  await db.execute(sql`
    insert into silver.quarantine (bronze_id, event_id, stage, reason, envelope, raw_text)
    select null, q.event_id, 'ingest', q.reason, q.envelope, q.raw_text
    from ${jsonRecords(rows)} as q(event_id text, reason text, envelope jsonb, raw_text text)`);
}
