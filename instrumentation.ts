// Runs once when the server process starts (Node runtime only): opens the database, and on the embedded
// engine marks its folder as held so that scripts refuse to open it concurrently.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getDatabaseHandle, configuredTarget } = await import('@/db/client');
  const { env } = await import('@/lib/env');
  const target = configuredTarget(env());
  if ('dataDir' in target) {
    const { holdServerLock } = await import('@/lib/server-lock');
    holdServerLock(target.dataDir);
  }
  await getDatabaseHandle();
}
