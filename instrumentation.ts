// Runs once when the server process starts (Node runtime only): opens the database, marks the embedded
// database folder as held (scripts then refuse to open it concurrently), and starts the ETL worker, so a
// single machine needs no second process. Several servers on one Postgres each run one worker safely
// (batches are claimed with SKIP LOCKED).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getDatabaseHandle, configuredTarget } = await import('@/db/client');
  const { env } = await import('@/lib/env');
  const settings = env();
  const target = configuredTarget(settings);
  if ('dataDir' in target) {
    const { holdServerLock } = await import('@/lib/server-lock');
    holdServerLock(target.dataDir);
  }
  const handle = await getDatabaseHandle();
  const { startWorker } = await import('@/lib/etl/worker');
  const stop = startWorker(handle, { limit: 5_000, timeZone: settings.REPORTING_TIME_ZONE });
  process.once('beforeExit', () => void stop());
}
