// Every gold read runs here: in a transaction, as the database role that row-level security applies to,
// with the scope's regions set for the policies. The SQL also filters by region (indexes, clarity); RLS
// is the backstop if a query ever forgets.
import 'server-only';
import { sql } from 'drizzle-orm';
import { databaseIdentity, type Database } from '@/db/client';
import { assertScope, type Scope } from '@/lib/auth/scope';

export async function readInScope<T>(db: Database, scope: Scope, read: (tx: Database) => Promise<T>): Promise<T> {
  assertScope(scope);
  const regions = `{${scope.regionIds.join(',')}}`;
  // A database handle has an identity; a caller's transaction has none (see databaseIdentity).
  const nested = databaseIdentity(db) === '';
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.region_ids', ${regions}, true), set_config('role', 'retailwave_app', true)`);
    const result = await read(tx as unknown as Database);
    // Nested in a caller's transaction (a savepoint), "local" settings would outlive this read until that
    // transaction ends: hand the caller back its own role and no regions. At top level the commit does it.
    if (nested) await tx.execute(sql`select set_config('role', 'none', true), set_config('app.region_ids', '', true)`);
    return result;
  });
}
