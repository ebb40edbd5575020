// One migrated template per engine, built once per `npm test` run (Jest's global setup): every suite's
// throwaway database starts as a copy of it instead of running initdb and every migration again. PGlite:
// a dump of a migrated instance, loaded into each new in-memory database. Postgres: a migrated database
// that `CREATE DATABASE … TEMPLATE` copies. Their addresses travel to the test workers in the environment.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Jest's global setup loads modules without the test environment's module map, where db/client.ts's
// `server-only` guard would throw: the templates are built with the drivers and migrators directly.
const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

export const PGLITE_TEMPLATE_ENV = 'RW_TEST_PGLITE_TEMPLATE';
export const POSTGRES_TEMPLATE_ENV = 'RW_TEST_POSTGRES_TEMPLATE';

export async function buildTemplateDatabases(): Promise<void> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle: pgliteDrizzle } = await import('drizzle-orm/pglite');
  const { migrate: migratePglite } = await import('drizzle-orm/pglite/migrator');
  const pglite = await PGlite.create();
  try {
    await migratePglite(pgliteDrizzle({ client: pglite }), { migrationsFolder });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rw-test-template-'));
    const file = path.join(dir, 'pglite.tar');
    writeFileSync(file, Buffer.from(await ((await pglite.dumpDataDir('none')) as Blob).arrayBuffer()));
    process.env[PGLITE_TEMPLATE_ENV] = file;
  } finally {
    await pglite.close();
  }

  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return;
  const name = `rw_template_${randomBytes(6).toString('hex')}`;
  await onServer(adminUrl, (sql) => sql.unsafe(`create database ${name}`));
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  // Closed before any copy: Postgres copies a template only while nobody is connected to it.
  await onServer(databaseUrl(adminUrl, name), (sql) => migrate(drizzle({ client: sql }), { migrationsFolder }));
  process.env[POSTGRES_TEMPLATE_ENV] = name;
}

async function onServer(url: string, work: (sql: import('postgres').Sql) => Promise<unknown>): Promise<void> {
  const { default: postgres } = await import('postgres');
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await work(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export async function dropTemplateDatabases(): Promise<void> {
  const file = process.env[PGLITE_TEMPLATE_ENV];
  if (file) rmSync(path.dirname(file), { recursive: true, force: true });
  const name = process.env[POSTGRES_TEMPLATE_ENV];
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!name || !adminUrl) return;
  await onServer(adminUrl, (sql) => sql.unsafe(`drop database if exists ${name} with (force)`));
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
