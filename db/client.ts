// The one place that knows which Postgres engine runs: postgres.js over DATABASE_URL, or embedded PGlite
// persisted under DATA_DIR. Everything else talks to a Drizzle `Database` and `queryRows`.
import 'server-only';
import path from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';

export type Schema = typeof schema;
/** A database or a transaction on it: both run queries the same way. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export interface DatabaseHandle {
  db: Database;
  /** 'postgres' or 'pglite', for logs and health only: code must not branch on it. */
  engine: 'postgres' | 'pglite';
  /** Runs `fn` for every NOTIFY on `channel`; resolves to a function that stops listening. */
  listen(channel: string, fn: (payload: string) => void): Promise<() => Promise<void>>;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/** Postgres at a URL; PGlite in a folder; or PGlite in memory, empty or started from a dump. */
export type DatabaseTarget = { url: string } | { dataDir: string } | { memory: true; from?: Blob };

export interface OpenOptions {
  /**
   * Longest a statement may run (Postgres only). The server's requests and its ETL batches take seconds at
   * most, so a stuck one should fail rather than hold a connection; the seeder, migrations and bulk ETL
   * passes run for minutes and open their database without it.
   */
  statementTimeoutMs?: number;
  /** Told every statement sent, with its parameters: tests that plan what the queries send use it. */
  logQuery?: (query: string, params: unknown[]) => void;
}

/** Seconds to wait for a Postgres connection: a down database answers ingest 503 within 5 s. */
const CONNECT_TIMEOUT_S = 3;
/** The server's statement timeout (see OpenOptions). */
export const SERVER_STATEMENT_TIMEOUT_MS = 30_000;

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

/** Opens a database. Callers own the handle and must close it; the app uses `getDatabase()` instead. */
export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<DatabaseHandle> {
  const handle = 'url' in target ? await openPostgres(target.url, options) : await openPglite(target);
  identities.set(handle.db, identityOf(target));
  return handle;
}

// Which database a `Database` object reads: the same for every process on one database (so they share
// cache entries), different for two databases in one process (tests run PGlite and Postgres side by side).
// On globalThis because the server bundles this module into several layers (instrumentation, pages, route
// handlers) while they share one handle: a map per copy would not know the handle another copy opened.
const globalForIdentities = globalThis as unknown as { __retailwaveDbIdentities?: WeakMap<object, string> };
const identities = (globalForIdentities.__retailwaveDbIdentities ??= new WeakMap<object, string>());

function identityOf(target: DatabaseTarget): string {
  const where = 'url' in target ? target.url : 'dataDir' in target ? path.resolve(target.dataDir) : `memory:${randomUUID()}`;
  return createHash('sha256').update(where).digest('base64url').slice(0, 16);
}

/** A short stable id of the database behind `db` ('' for a transaction object, which is not registered). */
export function databaseIdentity(db: Database): string {
  return identities.get(db) ?? '';
}

async function openPostgres(url: string, options: OpenOptions): Promise<DatabaseHandle> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  // postgres.js prepares named statements; after five runs Postgres may switch to a generic plan, which
  // guesses at date ranges and limits and picked a plan 100× slower for the detail table. Dashboard
  // queries are worth planning for their actual parameters every time (PGlite's unnamed statements are).
  const client = postgres(url, {
    max: 10,
    connect_timeout: CONNECT_TIMEOUT_S,
    onnotice: () => {},
    connection: {
      application_name: 'retailwave',
      plan_cache_mode: 'force_custom_plan',
      ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    },
  });
  const db = drizzle({ client, schema, ...(options.logQuery ? { logger: { logQuery: options.logQuery } } : {}) }) as unknown as Database;
  return {
    db,
    engine: 'postgres',
    async listen(channel, fn) {
      const sub = await client.listen(channel, (payload) => fn(payload));
      return () => sub.unlisten();
    },
    async migrate() {
      const { migrate } = await import('drizzle-orm/postgres-js/migrator');
      await migrate(drizzle({ client, schema }), { migrationsFolder });
    },
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPglite(target: { dataDir: string } | { memory: true; from?: Blob }): Promise<DatabaseHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  if ('dataDir' in target) mkdirSync(target.dataDir, { recursive: true });
  const client = 'dataDir' in target ? await PGlite.create(target.dataDir) : await PGlite.create({ loadDataDir: target.from });
  const db = drizzle({ client, schema }) as unknown as Database;
  return {
    db,
    engine: 'pglite',
    async listen(channel, fn) {
      const unlisten = await client.listen(channel, fn);
      return () => unlisten();
    },
    async migrate() {
      const { migrate } = await import('drizzle-orm/pglite/migrator');
      await migrate(drizzle({ client, schema }), { migrationsFolder });
    },
    close: () => client.close(),
  };
}

/** Where the configured database lives: DATABASE_URL, else the PGlite folder under DATA_DIR. */
export function configuredTarget(settings: { DATABASE_URL?: string; DATA_DIR: string }): DatabaseTarget {
  if (settings.DATABASE_URL) return { url: settings.DATABASE_URL };
  return { dataDir: path.resolve(settings.DATA_DIR, 'pglite') };
}

const globalForDb = globalThis as unknown as { __retailwaveDb?: Promise<DatabaseHandle> };

/** The process-wide handle (one PGlite instance per process; survives dev reloads). */
export function getDatabaseHandle(): Promise<DatabaseHandle> {
  if (!globalForDb.__retailwaveDb) {
    globalForDb.__retailwaveDb = (async () => {
      const { env } = await import('@/lib/env');
      return openDatabase(configuredTarget(env()), { statementTimeoutMs: SERVER_STATEMENT_TIMEOUT_MS });
    })();
    globalForDb.__retailwaveDb.catch(() => (globalForDb.__retailwaveDb = undefined));
  }
  return globalForDb.__retailwaveDb;
}

/** Installs an already open handle as the process-wide one (the server at start, integration tests). */
export function installDatabaseHandle(handle: DatabaseHandle): void {
  globalForDb.__retailwaveDb = Promise.resolve(handle);
}

export async function getDatabase(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}

/** Runs raw SQL and returns its rows, whatever the engine's result shape. */
export async function queryRows<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}
