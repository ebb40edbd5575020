// Runs once when the server process starts (Node runtime only): opens the database, marks the embedded
// database folder as held (scripts then refuse to open it concurrently), starts the ETL worker, so a
// single machine needs no second process, and installs the page cache's bridge. Several servers on one
// Postgres each run one worker safely (batches are claimed with SKIP LOCKED).
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

  // The page cache (lib/page-cache), for the process's HTTP front; off when PAGE_CACHE_MB is 0.
  const { processPageCache } = await import('@/lib/page-cache/page-cache');
  const cache = processPageCache();
  if (cache) {
    const { createPageCacheBridge } = await import('@/lib/page-cache/lookup');
    const { installPageCacheBridge } = await import('@/lib/page-cache/bridge');
    installPageCacheBridge(createPageCacheBridge(cache));
  }
}

/**
 * A render that failed somewhere (a tile's query, say) still answers 200, with that tile's error state:
 * that page must not be kept for its key's next request.
 */
export async function onRequestError() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { pageCacheBridge } = await import('@/lib/page-cache/bridge');
  pageCacheBridge()?.renderFailed();
}
