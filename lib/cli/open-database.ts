// How scripts (seed, etl, migrate, bench) open the configured database. PGlite allows one process per
// folder, so a script refuses clearly while a server holds it instead of corrupting or hanging.
import { existsSync, readFileSync } from 'node:fs';
import { configuredTarget, openDatabase, type DatabaseHandle } from '@/db/client';
import { env } from '@/lib/env';
import { serverLockPath } from '@/lib/server-lock';

export async function openConfiguredDatabase(options: { migrate?: boolean } = {}): Promise<DatabaseHandle> {
  const settings = env();
  const target = configuredTarget(settings);
  if ('dataDir' in target) {
    const lock = serverLockPath(target.dataDir);
    if (existsSync(lock)) {
      const pid = Number(readFileSync(lock, 'utf8'));
      if (isAlive(pid)) {
        throw new Error(
          `The embedded database at ${target.dataDir} is in use by the portal (pid ${pid}). ` +
            'Stop the server first, or set DATABASE_URL to use a Postgres server that several processes can share.',
        );
      }
    }
  }
  const handle = await openDatabase(target);
  if (options.migrate !== false) await handle.migrate();
  return handle;
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
