// HTTP measurements against the portal served as in production (`npm run serve`: `next start` processes,
// one per CPU unless WEB_CONCURRENCY says otherwise): time to first byte of the overview page, and many
// simulated users refreshing it at once. Requests go to 127.0.0.1 only.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';

export interface PageTiming {
  firstByteMs: number;
  totalMs: number;
  status: number;
}

export function getPage(url: string, cookie: string): Promise<PageTiming> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let firstByteMs = 0;
    const req = http.get(url, { headers: { cookie } }, (res) => {
      res.once('data', () => (firstByteMs = performance.now() - started));
      res.on('data', () => {});
      res.on('end', () => resolve({ firstByteMs, totalMs: performance.now() - started, status: res.statusCode ?? 0 }));
    });
    req.on('error', reject);
    req.setTimeout(60_000, () => req.destroy(new Error('timeout')));
  });
}

export async function startServer(port: number, env: Record<string, string | undefined>): Promise<ChildProcess> {
  const server = spawn('node_modules/.bin/tsx', ['scripts/serve.ts'], {
    env: { ...process.env, ...env, PORT: String(port), NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  stopServer(server);
  throw new Error('the server did not become healthy within 90 s');
}

export function stopServer(server: ChildProcess): void {
  if (server.pid) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

/** `users` concurrent clients each load the page `rounds` times back to back; returns every timing. */
export async function concurrentLoad(url: string, cookie: string, users: number, rounds: number): Promise<PageTiming[]> {
  const timings: PageTiming[] = [];
  await Promise.all(
    Array.from({ length: users }, async () => {
      for (let r = 0; r < rounds; r++) timings.push(await getPage(url, cookie));
    }),
  );
  return timings;
}

/**
 * 50 users refreshing a page: one unmeasured round first (a server that has been up a while has every
 * process warm, while single requests over one kept-alive connection warm only one), then `rounds`.
 */
export async function measureConcurrentUsers(url: string, cookie: string, users: number, rounds: number): Promise<PageTiming[]> {
  await concurrentLoad(url, cookie, users, 1);
  const timings = await concurrentLoad(url, cookie, users, rounds);
  if (timings.some((t) => t.status !== 200)) throw new Error(`the page answered ${timings.find((t) => t.status !== 200)?.status} under load`);
  return timings;
}
