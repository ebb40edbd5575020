// Appends arriving events to bronze exactly as received. The same event id twice (in any letter case: a
// UUID's case means nothing) is a duplicate: its checksum collides and the second copy is never stored, so
// it can never become a second sale.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { jsonRecords } from '@/db/json-records';
import { escapeUnstorable } from '@/lib/etl/silver/storable-text';

/** The NOTIFY channel that wakes ETL workers when a batch lands. */
export const BRONZE_CHANNEL = 'bronze_events';

export type BronzeStatus = 'accepted' | 'duplicate';

export interface BronzeAppendResult {
  batchId: number;
  accepted: number;
  duplicates: number;
  /** One status per input event, in input order. */
  statuses: BronzeStatus[];
}

interface BronzeRow {
  event_id: string;
  checksum: string;
  event_type: string | null;
  source: string | null;
  occurred_at: string | null;
  envelope: unknown;
  raw_text: string | null;
}

// Rows per INSERT: keeps each statement's JSON parameter to a few megabytes.
const CHUNK = 5_000;

/**
 * Stores a batch of events and its ingest_batches row in one transaction, then notifies the workers.
 * An item that is a string is text that did not parse as JSON: it is kept verbatim in raw_text, so the
 * ETL can quarantine it with the reason instead of it being lost.
 */
export async function appendToBronze(
  db: Database,
  input: { source: string; events: readonly unknown[] },
): Promise<BronzeAppendResult> {
  const rows = input.events.map((event) => toBronzeRow(event));
  const firstIndex = new Map<string, number>();
  rows.forEach((row, index) => {
    if (!firstIndex.has(row.checksum)) firstIndex.set(row.checksum, index);
  });
  // In checksum order: two requests carrying the same events in different orders then take the unique
  // index's row locks in the same order, and one waits for the other instead of both deadlocking.
  const unique = rows
    .filter((row, index) => firstIndex.get(row.checksum) === index)
    .sort((a, b) => (a.checksum < b.checksum ? -1 : a.checksum > b.checksum ? 1 : 0));

  return db.transaction(async (tx) => {
    const [batch] = await queryRows<{ id: number }>(
      tx,
      sql`insert into bronze.ingest_batches (source, event_count) values (${input.source}, 0) returning id::float8 as id`,
    );
    const stored = new Set<string>();
    for (let start = 0; start < unique.length; start += CHUNK) {
      const inserted = await queryRows<{ checksum: string }>(
        tx,
        sql`
          insert into bronze.events (batch_id, event_id, checksum, event_type, source, occurred_at, envelope, raw_text)
          select ${batch.id}, r.event_id, r.checksum, r.event_type, r.source, r.occurred_at, r.envelope, r.raw_text
          from ${jsonRecords(unique.slice(start, start + CHUNK))} as r(
            event_id text, checksum text, event_type text, source text, occurred_at timestamptz,
            envelope jsonb, raw_text text)
          order by r.checksum
          on conflict (checksum) do nothing
          returning checksum`,
      );
      for (const row of inserted) stored.add(row.checksum);
    }
    await tx.execute(sql`update bronze.ingest_batches set event_count = ${stored.size} where id = ${batch.id}`);
    if (stored.size > 0) await tx.execute(sql`select pg_notify(${BRONZE_CHANNEL}, ${String(batch.id)})`);

    const statuses = rows.map((row, index): BronzeStatus =>
      firstIndex.get(row.checksum) === index && stored.has(row.checksum) ? 'accepted' : 'duplicate',
    );
    return { batchId: batch.id, accepted: stored.size, duplicates: rows.length - stored.size, statuses };
  });
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function toBronzeRow(item: unknown): BronzeRow {
  if (typeof item === 'string') {
    // Postgres text cannot hold NUL; everything else is kept as it came.
    const rawText = item.replace(/\0/g, '\uFFFD');
    return blankRow(`content:${sha256(rawText)}`, rawText);
  }
  const json = JSON.stringify(item) ?? 'null';
  const fields = typeof item === 'object' && item !== null && !Array.isArray(item) ? (item as Record<string, unknown>) : {};
  const eventId = typeof fields.id === 'string' && fields.id.length > 0 ? escapeUnstorable(fields.id.toLowerCase()) : '';
  const row: BronzeRow = {
    ...blankRow(eventId ? sha256(eventId) : sha256(`content:${json}`), null),
    event_id: eventId,
    event_type: typeof fields.type === 'string' ? escapeUnstorable(fields.type.slice(0, 100)) : null,
    source: typeof fields.source === 'string' ? escapeUnstorable(fields.source.slice(0, 100)) : null,
    occurred_at: timestampOrNull(fields.occurredAt),
  };
  // jsonb rejects \u0000 and unpaired surrogates (JSON.stringify escapes only those as \uXXXX in this
  // range); a JSON null would read back as no envelope at all. Both are kept as text instead.
  if (item === null || item === undefined || /\\u0000|\\ud[89a-f][0-9a-f]{2}/i.test(json)) return { ...row, raw_text: json };
  return { ...row, envelope: item };
}

function blankRow(checksum: string, rawText: string | null): BronzeRow {
  return { event_id: '', checksum, event_type: null, source: null, occurred_at: null, envelope: null, raw_text: rawText };
}

/** The envelope's occurredAt as an ISO instant Postgres accepts, or null; bronze never rejects a value. */
function timestampOrNull(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return null;
  const year = new Date(time).getUTCFullYear();
  return year >= 1 && year <= 9999 ? new Date(time).toISOString() : null;
}
