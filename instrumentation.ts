// Runs once when a server process starts. Its work is Node-only (lib/server-start.ts): the Edge runtime,
// for which Next.js also builds this file, does nothing here.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startServerProcess } = await import('@/lib/server-start');
  await startServerProcess();
}

