// Whether the database is ready to serve: every migration in db/migrations applied, and no demo seed in
// progress. /api/health answers 503 `starting` until then, so whoever waits on it (npm start, a load
// balancer) sends no traffic to a half-built database. Migrations never un-apply, so once seen applied
// the answer is kept; the seed is checked on every call (one look at pg_locks).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';

/** The advisory lock the demo seeder holds for its transaction (two int4 keys: class, object). */
const SEED_LOCK = { classId: 7_201_010, objectId: 1 } as const;

export type Readiness = 'ready' | 'migrating' | 'seeding';

/** Taken by the seeder inside its transaction; released when it commits or rolls back. */
export async function holdSeedLock(tx: Database): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK.classId}, ${SEED_LOCK.objectId})`);
}

const migrated = new WeakSet<object>();

export async function databaseReadiness(db: Database): Promise<Readiness> {
  if (!migrated.has(db)) {
    if (!(await migrationsApplied(db))) return 'migrating';
    migrated.add(db);
  }
  const [{ seeding }] = await queryRows<{ seeding: boolean }>(db, sql`
    select exists (select 1 from pg_locks where locktype = 'advisory' and granted
      and classid = ${SEED_LOCK.classId} and objid = ${SEED_LOCK.objectId} and database = (
        select oid from pg_database where datname = current_database())) as seeding`);
  return seeding ? 'seeding' : 'ready';
}

/** The newest migration Drizzle recorded is at least as new as the newest in the journal (Drizzle's own rule). */
async function migrationsApplied(db: Database): Promise<boolean> {
  const [{ exists }] = await queryRows<{ exists: boolean }>(
    db, sql`select to_regclass('drizzle.__drizzle_migrations') is not null as exists`);
  if (!exists) return false;
  const [{ newest }] = await queryRows<{ newest: number | null }>(
    db, sql`select max(created_at)::float8 as newest from drizzle.__drizzle_migrations`);
  return newest !== null && newest >= newestJournalEntry();
}

function newestJournalEntry(): number {
  const file = path.join(process.cwd(), 'db', 'migrations', 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(file, 'utf8')) as { entries: { when: number }[] };
  return Math.max(...journal.entries.map((e) => e.when));
}
