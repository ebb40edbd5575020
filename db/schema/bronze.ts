// Bronze: events exactly as they arrived. Nothing here is interpreted; the ETL reads it into silver.
import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, integer, jsonb, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';

export const bronzeSchema = pgSchema('bronze');

/** One POST to /api/ingest (or one file load): the unit an event arrived in. */
export const ingestBatches = bronzeSchema.table('ingest_batches', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  source: text('source').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  eventCount: integer('event_count').notNull(),
});

export const events = bronzeSchema.table(
  'events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    batchId: bigint('batch_id', { mode: 'number' }).references(() => ingestBatches.id),
    eventId: text('event_id').notNull(),
    // sha256 of the event id: a re-sent event collides here and is counted as a duplicate.
    checksum: text('checksum').notNull().unique(),
    eventType: text('event_type'),
    source: text('source'),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    // The envelope as received when it was JSON; rawText holds what arrived when it was not.
    envelope: jsonb('envelope'),
    rawText: text('raw_text'),
    // Set by the ETL in the same transaction that writes the event's silver or quarantine row.
    processedAt: timestamp('processed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('events_unprocessed_idx').on(t.id).where(sql`processed_at is null`),
    // The live monitor counts the last hour's intake per minute.
    index('events_received_at_idx').on(t.receivedAt),
  ],
);
