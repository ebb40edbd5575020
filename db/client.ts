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

/** Where dashboard reads run, and the bounds lib/queries/internal/read-in-scope.ts holds them to. */
export interface ScopedReads {
  /**
   * Their own pool on Postgres, so the ETL, ingest, sign-in and the change feed always find a connection
   * in the main one; on PGlite the one connection.
   */
  db: Database;
  /** How many may run at once: the pool's connections (one on PGlite). */
  slots: number;
  /** Longest one statement of a dashboard read may run (Postgres cancels it; PGlite cannot, see the README). */
  statementTimeoutMs: number;
  /** Longest a dashboard read may wait for a slot. */
  queueTimeoutMs: number;
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
  /** Connections of the main pool on Postgres (default POOL_CONNECTIONS). */
  connections?: number;
  /** Bounds of dashboard reads (see ScopedReads); each unset one takes its default below. */
  scopedReads?: Partial<Omit<ScopedReads, 'db'>>;
  /** Told every statement sent (Postgres), with its parameters: tests that plan what the queries send use it. */
  logQuery?: (query: string, params: unknown[]) => void;
}

/** Seconds to wait for a Postgres connection: a down database answers ingest 503 within 5 s. */
const CONNECT_TIMEOUT_S = 3;
/** The server's statement timeout (see OpenOptions). */
export const SERVER_STATEMENT_TIMEOUT_MS = 30_000;
/** The main pool: the ETL worker, ingest, sign-in and sessions, the change feed's reads, admin pages. */
export const POOL_CONNECTIONS = 10;
// Dashboard reads get half as many connections again of their own: a process never holds more than
// POOL_CONNECTIONS / 2 heavy scans open at once (more than the database has cores already only
// time-slices), while a dashboard's dozen tiles still load a few at a time.
export const DEFAULT_SCOPED_READ_SLOTS = Math.max(1, Math.floor(POOL_CONNECTIONS / 2));
// A dashboard statement takes tens of milliseconds cold on ten million lines; one that needs seconds
// reads far more than a person can look at, and holds a slot others wait for.
export const DEFAULT_SCOPED_STATEMENT_TIMEOUT_MS = 10_000;
// Long enough to wait out a slot holder's slowest statement, short enough that a page says "busy"
// instead of hanging.
export const DEFAULT_SCOPED_QUEUE_TIMEOUT_MS = 15_000;

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

/** Opens a database. Callers own the handle and must close it; the app uses `getDatabase()` instead. */
export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<DatabaseHandle> {
  const { handle, scopedReads } = 'url' in target ? await openPostgres(target.url, options) : await openPglite(target, options);
  identities.set(handle.db, identityOf(target));
  scopedReadsOfDb.set(handle.db, scopedReads);
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

// On globalThis for the same reason as the identities.
const globalForScopedReads = globalThis as unknown as { __retailwaveScopedReads?: WeakMap<object, ScopedReads> };
const scopedReadsOfDb = (globalForScopedReads.__retailwaveScopedReads ??= new WeakMap<object, ScopedReads>());

/** Where and how dashboard reads of an opened database run (undefined for a transaction object). */
export function scopedReadsOf(db: Database): ScopedReads | undefined {
  return scopedReadsOfDb.get(db);
}

function scopedReadBounds(options: OpenOptions, slots: number): Omit<ScopedReads, 'db'> {
  return {
    slots,
    statementTimeoutMs: options.scopedReads?.statementTimeoutMs ?? DEFAULT_SCOPED_STATEMENT_TIMEOUT_MS,
    queueTimeoutMs: options.scopedReads?.queueTimeoutMs ?? DEFAULT_SCOPED_QUEUE_TIMEOUT_MS,
  };
}

type Opened = { handle: DatabaseHandle; scopedReads: ScopedReads };

async function openPostgres(url: string, options: OpenOptions): Promise<Opened> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  // postgres.js prepares named statements; after five runs Postgres may switch to a generic plan, which
  // guesses at date ranges and limits and picked a plan 100× slower for the detail table. Dashboard
  // queries are worth planning for their actual parameters every time (PGlite's unnamed statements are).
  // postgres.js connects lazily: a pool nobody reads through holds no connection.
  const pool = (max: number, applicationName: string) =>
    postgres(url, {
      max,
      connect_timeout: CONNECT_TIMEOUT_S,
      onnotice: () => {},
      connection: {
        application_name: applicationName,
        plan_cache_mode: 'force_custom_plan',
        ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
      },
    });
  const client = pool(options.connections ?? POOL_CONNECTIONS, 'retailwave');
  const slots = options.scopedReads?.slots ?? DEFAULT_SCOPED_READ_SLOTS;
  const readers = pool(slots, 'retailwave-reads');
  const logger = options.logQuery ? { logger: { logQuery: options.logQuery } } : {};
  const db = drizzle({ client, schema, ...logger }) as unknown as Database;
  const handle: DatabaseHandle = {
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
    close: async () => {
      await Promise.all([client.end({ timeout: 5 }), readers.end({ timeout: 5 })]);
    },
  };
  const readDb = drizzle({ client: readers, schema, ...logger }) as unknown as Database;
  return { handle, scopedReads: { db: readDb, ...scopedReadBounds(options, slots) } };
}

async function openPglite(target: { dataDir: string } | { memory: true; from?: Blob }, options: OpenOptions): Promise<Opened> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  if ('dataDir' in target) mkdirSync(target.dataDir, { recursive: true });
  const client = 'dataDir' in target ? await PGlite.create(target.dataDir) : await PGlite.create({ loadDataDir: target.from });
  const db = drizzle({ client, schema }) as unknown as Database;
  const handle: DatabaseHandle = {
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
  // One connection, whatever was asked: with one dashboard read at a time in it, the ETL, ingest and the
  // change feed queue behind at most that one read, never behind a crowd of them.
  return { handle, scopedReads: { db, ...scopedReadBounds(options, 1) } };
}

/** Where the configured database lives: DATABASE_URL, else the PGlite folder under DATA_DIR. */
export function configuredTarget(settings: { DATABASE_URL?: string; DATA_DIR: string }): DatabaseTarget {
  if (settings.DATABASE_URL) return { url: settings.DATABASE_URL };
  return { dataDir: path.resolve(settings.DATA_DIR, 'pglite') };
}

const globalForDb = globalThis as unknown as { __retailwaveDb?: Promise<DatabaseHandle> };

/**
 * The process-wide handle, as installed: the server installs the one it opens at start
 * (lib/app-database.ts), scripts and tests their own.
 */
export function getDatabaseHandle(): Promise<DatabaseHandle> {
  return (
    globalForDb.__retailwaveDb ??
    Promise.reject(new Error('No database is installed for this process: the server opens it at start (lib/app-database.ts).'))
  );
}

/** Whether a handle (or the promise of one being opened) is installed. */
export function hasDatabaseHandle(): boolean {
  return globalForDb.__retailwaveDb !== undefined;
}

/** Installs the process-wide handle, or the promise of one (forgotten if it fails, so the next opener tries again). */
export function installDatabaseHandle(handle: DatabaseHandle | Promise<DatabaseHandle>): void {
  const installed = Promise.resolve(handle);
  globalForDb.__retailwaveDb = installed;
  installed.catch(() => {
    if (globalForDb.__retailwaveDb === installed) globalForDb.__retailwaveDb = undefined;
  });
}

export async function getDatabase(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}

/** Runs raw SQL and returns its rows, whatever the engine's result shape. */
export async function queryRows<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}
