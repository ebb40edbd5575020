// Operational state of the pipeline: how far each ETL stage has come, and what each batch changed.
import { bigint, bigserial, date, index, integer, jsonb, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { appSchema } from './auth';
import { dimRegion } from './gold';

/** One row per ETL stage, written in the same transaction as the rows that stage moved. */
export const etlWatermarks = appSchema.table('etl_watermarks', {
  stage: text('stage').primaryKey(),
  lastBronzeId: bigint('last_bronze_id', { mode: 'number' }).notNull().default(0),
  rowsTotal: bigint('rows_total', { mode: 'number' }).notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/**
 * One row per ETL batch that changed gold, written in the batch's transaction (ids follow commit order:
 * see lib/realtime/change-log.ts). The live stream replays it on resume; old rows are pruned.
 * `slices` is `[{ region, dates, stores }]`, one entry per region touched: ids and days, never data.
 */
export const changeLog = appSchema.table('change_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  regions: smallint('regions').array().notNull(),
  slices: jsonb('slices').notNull(),
});

/**
 * One counter per region and calendar month of data (reporting time zone), advanced in the transaction of
 * every ETL batch that changes gold data of that month; the row of month -infinity stands for every month
 * (a reseed advances it). Cache keys carry, per region, the sum of the counters up to the last month the
 * answer depends on (lib/cache/data-versions.ts), so live sales leave last month's answers cached.
 */
export const dataVersions = appSchema.table(
  'data_versions',
  {
    regionId: smallint('region_id').notNull().references(() => dimRegion.regionId),
    month: date('month', { mode: 'string' }).notNull(),
    version: bigint('version', { mode: 'number' }).notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.month] })],
);

/**
 * Events received per minute and store (the store the event names; '' for none), counted by the ETL
 * batch that processes them. The live monitor reads an hour of it instead of counting bronze rows.
 */
export const intakeMinutes = appSchema.table(
  'intake_minutes',
  {
    minute: timestamp('minute', { withTimezone: true, mode: 'date' }).notNull(),
    storeCode: text('store_code').notNull(),
    events: integer('events').notNull(),
  },
  (t) => [primaryKey({ columns: [t.minute, t.storeCode] })],
);

/**
 * One row per open live stream (GET /api/stream, /s/<token>/stream), so that the cap on concurrent
 * streams per person and per share link holds across every process and machine. The serving process
 * renews `expires_at` while the stream is open and deletes the row when it closes; a process that dies
 * leaves rows that simply expire (lib/realtime/stream-leases.ts).
 */
export const streamLeases = appSchema.table(
  'stream_leases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** `user:<id>` or `share:<id>`. */
    holder: text('holder').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('stream_leases_holder_idx').on(t.holder, t.expiresAt)],
);
