// Set-based writes: a batch's rows travel as one JSON parameter and are unpacked on the server, so a
// 5,000-row insert is one statement with one bound parameter (no 65,535-parameter limit, no splicing).
import { sql, type SQL } from 'drizzle-orm';

/** `jsonb_to_recordset($1)`: follow it with `as r(col type, …)` naming the keys to read. */
export function jsonRecords(rows: readonly object[]): SQL {
  return sql`jsonb_to_recordset(${JSON.stringify(rows)}::text::jsonb)`;
}
