// Runs once when a server process starts. Its work is Node-only (lib/server-start.ts): the Edge runtime,
// for which Next.js also builds this file, does nothing here.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startServerProcess } = await import('@/lib/server-start');
  await startServerProcess();
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
