// HTTP measurements against the portal served as in production (`npm run serve`: one server process per
// CPU unless WEB_CONCURRENCY says otherwise): time to first byte of the overview page, and many simulated
// users refreshing it at once, every request rendered. Requests go to 127.0.0.1 only.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { sql } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { queryRows, type Database } from '@/db/client';
import { hashPassword } from '@/lib/auth/password';
import { newSessionClaims } from '@/lib/auth/session';
import { REGIONS } from '@/lib/filters/regions';

export interface PageTiming {
  firstByteMs: number;
  totalMs: number;
  status: number;
  /** The Server-Timing header, when the answer has one. */
  serverTiming?: string;
  /** The start of the body of an answer other than 200, to say why. */
  refusal?: string;
  /**
   * A streamed page whose render failed in a Suspense boundary (a tile showing its error): the status was
   * sent before. React marks such a boundary in the stream with `$RX("B:…", digest)` or a `data-dgst` template.
   */
  failedBoundaries?: number;
}

const FAILED_BOUNDARY = /\$RX\("|data-dgst="/g;

export function getPage(url: string, cookie: string): Promise<PageTiming> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let firstByteMs = 0;
    const req = http.get(url, { headers: { cookie } }, (res) => {
      let refusal = '';
      let failedBoundaries = 0;
      let tail = ''; // a marker may straddle two chunks
      res.once('data', () => (firstByteMs = performance.now() - started));
      res.on('data', (chunk: Buffer) => {
        if (res.statusCode !== 200 && refusal.length < 300) refusal += chunk.toString('utf8', 0, 300);
        const text = tail + chunk.toString('utf8');
        failedBoundaries += text.match(FAILED_BOUNDARY)?.length ?? 0;
        tail = text.slice(-10).replace(/^.*(\$RX\("|data-dgst=")/, '');
      });
      res.on('end', () =>
        resolve({
          firstByteMs, totalMs: performance.now() - started, status: res.statusCode ?? 0,
          serverTiming: [res.headers['server-timing'] ?? []].flat().join(', ') || undefined,
          ...(refusal ? { refusal: refusal.slice(0, 300) } : {}), ...(failedBoundaries ? { failedBoundaries } : {}),
        }),
      );
    });
    req.on('error', reject);
    req.setTimeout(60_000, () => req.destroy(new Error('timeout')));
  });
}

export async function startServer(port: number, env: Record<string, string | undefined>): Promise<ChildProcess> {
  const server = spawn('node_modules/.bin/tsx', ['--conditions=react-server', 'scripts/serve.ts'], {
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

/** The session cookie next-auth would set for a user who just signed in. */
export function sessionCookie(user: { id: string; session_version: number }, secret: string): Promise<string> {
  return encode({ token: newSessionClaims({ sub: user.id, sv: user.session_version }), secret }).then((token) => `next-auth.session-token=${token}`);
}

/** The teams bench users belong to: three roles in each of the five regions. */
const BENCH_ROLES = ['manager', 'analyst', 'viewer'] as const;

/**
 * Session cookies of `count` users of their own, as a retailer's regional teams: user i has role
 * BENCH_ROLES[i % 3] in region i % 5, so fifty users make 15 teams of three or four, each seeing its own
 * regions' data (what the query cache holds for one team serves its colleagues, as in production).
 */
export async function benchUserCookies(db: Database, count: number, secret: string): Promise<string[]> {
  const passwordHash = await hashPassword('bench-password');
  await db.transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      const email = `bench.user.${String(i).padStart(3, '0')}@retailwave.test`;
      const role = BENCH_ROLES[i % BENCH_ROLES.length]!;
      const [user] = await queryRows<{ id: string }>(tx, sql`
        insert into app.users (email, name, role, password_hash) values (${email}, ${`Bench user ${i}`}, ${role}, ${passwordHash})
        on conflict (email) do update set role = excluded.role returning id`);
      await tx.execute(sql`delete from app.user_regions where user_id = ${user!.id}::uuid`);
      await tx.execute(sql`insert into app.user_regions (user_id, region_id) values (${user!.id}::uuid, ${REGIONS[i % REGIONS.length]!.id})`);
    }
  });
  const users = await queryRows<{ id: string; session_version: number }>(db, sql`
    select id, session_version from app.users where email like 'bench.user.%' order by email limit ${count}`);
  return Promise.all(users.map((u) => sessionCookie(u, secret)));
}

/**
 * Session cookies of `count` administrators (every region, so every probe sale reaches them), for the SSE
 * fan-out: a person may hold only STREAMS_PER_HOLDER streams, so 5,000 clients are 500 people's tabs.
 */
export async function fanoutUserCookies(db: Database, count: number, secret: string): Promise<string[]> {
  const passwordHash = await hashPassword('bench-password');
  const users = await db.transaction(async (tx) => {
    const ids: { id: string; session_version: number }[] = [];
    for (let i = 0; i < count; i++) {
      const email = `bench.fanout.${String(i).padStart(4, '0')}@retailwave.test`;
      const [user] = await queryRows<{ id: string; session_version: number }>(tx, sql`
        insert into app.users (email, name, role, password_hash) values (${email}, ${`Fan-out user ${i}`}, 'admin', ${passwordHash})
        on conflict (email) do update set role = excluded.role returning id, session_version`);
      ids.push(user!);
    }
    return ids;
  });
  return Promise.all(users.map((u) => sessionCookie(u, secret)));
}

/** One concurrent client per cookie, each loading the page `rounds` times back to back; returns every timing. */
export async function concurrentLoad(url: string, cookies: readonly string[], rounds: number, pauseMs = 0): Promise<PageTiming[]> {
  const timings: PageTiming[] = [];
  await Promise.all(
    cookies.map(async (cookie) => {
      for (let r = 0; r < rounds; r++) {
        timings.push(await getPage(url, cookie));
        if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
      }
    }),
  );
  return timings;
}

/**
 * Users refreshing a page, one per cookie: `warmRounds` unmeasured rounds first (on a server that has been
 * up a while every process is warm, and each user has been to each process), then `rounds` measured.
 */
export async function measureConcurrentUsers(
  url: string, cookies: readonly string[], rounds: number, { warmRounds = 2, pauseMs = 0 } = {},
): Promise<PageTiming[]> {
  await concurrentLoad(url, cookies, warmRounds);
  const timings = await concurrentLoad(url, cookies, rounds, pauseMs);
  if (timings.some((t) => t.status !== 200)) throw new Error(`the page answered ${timings.find((t) => t.status !== 200)?.status} under load`);
  return timings;
}

