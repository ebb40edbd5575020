// Operational state of the pipeline: how far each ETL stage has come.
import { bigint, text, timestamp } from 'drizzle-orm/pg-core';
import { appSchema } from './auth';

/** One row per ETL stage, written in the same transaction as the rows that stage moved. */
export const etlWatermarks = appSchema.table('etl_watermarks', {
  stage: text('stage').primaryKey(),
  lastBronzeId: bigint('last_bronze_id', { mode: 'number' }).notNull().default(0),
  rowsTotal: bigint('rows_total', { mode: 'number' }).notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
