/**
 * `npm run serve` with two `next start` processes on one Postgres and no Upstash, the way a multi-core
 * machine runs the portal: connections are spread over both processes, which share nothing but the
 * database, yet a password-guessing script is stopped after the same 10 failures as on one process (the
 * counters live in Postgres), every dashboard request shows its own user's regions whichever process
 * renders it, and a process that dies is replaced while the other keeps serving.
 * Needs a Postgres server: skipped when TEST_DATABASE_URL is unset.
 */
const AUTH_SECRET = 'serve-cluster-secret-serve-cluster-0001';
process.env.AUTH_SECRET = AUTH_SECRET;
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { SIGN_IN_LIMITS } from '@/lib/auth/sign-in-limit';

const SIGN_IN_FAILURE_LIMIT = SIGN_IN_LIMITS.pair.limit;
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { prepareUsers, sessionClaimsFor } from '../helpers/scopes';
import { sessionCookie } from '../helpers/session-cookie';
import { ARTIFACTS, freePort, ROOT, stopProcessGroup } from './helpers/server';

const describeWithPostgres = process.env.TEST_DATABASE_URL ? describe : describe.skip;

/** An answer slower than this is a hang: it fails the test with the URL instead of running into Jest's timeout. */
const REQUEST_TIMEOUT_MS = 15_000;

/** One request on a connection of its own, so the cluster may hand it to either process. */
function request(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? 'GET', headers: init.headers, agent: false, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url} within ${REQUEST_TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end(init.body);
  });
}

/** What the primary and its workers printed so far: the tail goes into a failure's message, for CI's log. */
let output = '';

async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}; the portal printed, last:\n${output.slice(-2000)}`);
}

describeWithPostgres('npm run serve with two server processes', () => {
  let db: TestDatabase;
  let primary: ChildProcess;
  let baseUrl: string;
  let analyst: string;
  let viewer: string;
  const DASHBOARD = '/dashboards/sales?from=2026-01-01&to=2026-01-31';

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    await prepareUsers(db);
    analyst = await sessionCookie(await sessionClaimsFor(db, 'analyst@retailwave.test'));
    viewer = await sessionCookie(await sessionClaimsFor(db, 'viewer@retailwave.test'));
    mkdirSync(ARTIFACTS, { recursive: true });
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env, DATABASE_URL: db.url!, AUTH_SECRET, NEXTAUTH_URL: baseUrl, PORT: String(port), WEB_CONCURRENCY: '2',
    };
    delete env.UPSTASH_REDIS_REST_URL;
    delete env.UPSTASH_REDIS_REST_TOKEN;
    primary = spawn('npx', ['tsx', '--conditions=react-server', 'scripts/serve.ts'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const log = createWriteStream(path.join(ARTIFACTS, 'serve-cluster.log'));
    for (const stream of [primary.stdout, primary.stderr]) {
      stream?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      stream?.pipe(log);
    }
    await waitFor('the portal to answer', () => request(`${baseUrl}/api/health`).then((r) => (r.status === 200 ? true : undefined), () => undefined));
  }, 180_000);

  afterAll(async () => {
    if (primary) await stopProcessGroup(primary);
    await db?.destroy();
  }, 60_000);

  /** The server processes: `next start` names itself next-server, in the process group of npx. */
  function clusterPids(): number[] {
    try {
      return execFileSync('pgrep', ['-g', String(primary.pid), '-f', '^next-server'], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
    } catch {
      return []; // pgrep exits 1 when nothing matches
    }
  }

  it('runs two server processes', async () => {
    const pids = await waitFor('two server processes', () => (clusterPids().length === 2 ? clusterPids() : undefined));
    expect(new Set(pids).size).toBe(2);
  });

  it(`refuses the ${SIGN_IN_FAILURE_LIMIT + 1}th failed sign-in across both processes`, async () => {
    // next-auth ties the CSRF token to a cookie: fetch both once, send them with every attempt.
    const csrf = await request(`${baseUrl}/api/auth/csrf`);
    const cookie = (csrf.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
    const attempt = (i: number) =>
      request(`${baseUrl}/api/auth/callback/credentials`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        body: new URLSearchParams({ csrfToken, email: 'cluster.limit@example.test', password: `wrong-${i}` }).toString(),
      });
    const statuses: number[] = [];
    for (let i = 0; i < SIGN_IN_FAILURE_LIMIT; i++) statuses.push((await attempt(i)).status);
    expect(statuses.filter((s) => s === 429)).toEqual([]);
    // With a counter per process, each would have seen about half the failures and let this one through.
    const refused = await attempt(SIGN_IN_FAILURE_LIMIT);
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'too_many_attempts' } });
  });

  it('shows each request its own user’s regions, whichever process renders it', async () => {
    // Eight connections of their own per user, interleaved, reach both processes.
    for (let i = 0; i < 8; i++) {
      const [mine, theirs] = await Promise.all([
        request(`${baseUrl}${DASHBOARD}`, { headers: { cookie: analyst } }),
        request(`${baseUrl}${DASHBOARD}`, { headers: { cookie: viewer } }),
      ]);
      expect([mine.status, theirs.status]).toEqual([200, 200]);
      expect(mine.body).toContain('East, West');
      expect(theirs.body).not.toContain('East, West');
      expect(theirs.body).toContain('South');
    }
  });

  it('replaces a server process that dies, and keeps serving meanwhile', async () => {
    const [victim, survivor] = await waitFor('two server processes', () => (clusterPids().length === 2 ? clusterPids() : undefined));
    process.kill(victim, 'SIGKILL');
    // A connection the primary hands over in the instant between the kill and its noticing is lost with
    // the process (node:cluster cannot take it back); from the notice on, the survivor gets every one.
    await waitFor('the primary to notice', () => (output.includes(`Server process ${victim} stopped`) ? true : undefined));
    for (let i = 0; i < 5; i++) expect((await request(`${baseUrl}/api/health`)).status).toBe(200);
    const replaced = await waitFor('a replacement process', () => {
      const pids = clusterPids();
      return pids.length === 2 && !pids.includes(victim) ? pids : undefined;
    });
    expect(replaced).toContain(survivor);
    expect((await request(`${baseUrl}/api/health`)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await request(`${baseUrl}${DASHBOARD}`, { headers: { cookie: analyst } })).status).toBe(200);
  }, 150_000);
});
