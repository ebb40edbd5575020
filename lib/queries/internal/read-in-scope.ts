// Every gold read runs here: in a transaction, as the database role that row-level security applies to,
// with the scope's regions set for the policies. The SQL also filters by region (indexes, clarity); RLS
// is the backstop if a query ever forgets. A dashboard read also waits for its turn (admission.ts), runs
// on the connections kept for dashboard reads, and under their statement timeout.
import 'server-only';
import { sql } from 'drizzle-orm';
import { scopedReadsOf, type Database } from '@/db/client';
import { assertScope, scopeHolder, type Scope } from '@/lib/auth/scope';
import { isQueryCanceled } from '@/lib/database-errors';
import { viewTooBroad } from '@/lib/errors';
import { admissionOf } from './admission';

export async function readInScope<T>(db: Database, scope: Scope, read: (tx: Database) => Promise<T>): Promise<T> {
  assertScope(scope);
  const reads = scopedReadsOf(db);
  const admission = admissionOf(db);
  // A caller's transaction (acknowledging an alert) already holds its connection: the read runs there.
  if (!reads || !admission) return inScope(db, scope, read, { nested: true });
  try {
    return await admission.run(scopeHolder(scope), () => inScope(reads.db, scope, read, { statementTimeoutMs: reads.statementTimeoutMs }));
  } catch (error) {
    // Every statement here runs under the dashboard timeout, far below the server's own: a cancelled one
    // read more than a dashboard view should.
    throw isQueryCanceled(error) ? viewTooBroad() : error;
  }
}

async function inScope<T>(
  db: Database,
  scope: Scope,
  read: (tx: Database) => Promise<T>,
  how: { nested: true } | { nested?: false; statementTimeoutMs: number },
): Promise<T> {
  const regions = `{${scope.regionIds.join(',')}}`;
  return db.transaction(async (tx) => {
    await tx.execute(
      how.nested
        ? sql`select set_config('app.region_ids', ${regions}, true), set_config('role', 'retailwave_app', true)`
        : sql`select set_config('app.region_ids', ${regions}, true), set_config('role', 'retailwave_app', true),
                     set_config('statement_timeout', ${String(how.statementTimeoutMs)}, true)`,
    );
    const result = await read(tx as unknown as Database);
    // Nested in a caller's transaction (a savepoint), "local" settings would outlive this read until that
    // transaction ends: hand the caller back its own role and no regions. At top level the commit does it.
    if (how.nested) await tx.execute(sql`select set_config('role', 'none', true), set_config('app.region_ids', '', true)`);
    return result;
  });
}
