// The brute-force limits through the real next-auth route handler, on each engine: failures only, per
// email and address, per address, and per email across addresses without locking the owner out.
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, installDatabaseHandle } from '@/db/client';
import { SIGN_IN_LIMITS } from '@/lib/auth/sign-in-limit';
import { rateLimiter } from '@/lib/rate-limit/process-limiters';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';
import { FIXTURE_PASSWORD, seedAdminFixture } from '../helpers/admin-fixture';
import { AUTH_ORIGIN, authClient } from '../helpers/auth-client';

jest.mock('next/headers', () => ({
  headers: async () => jest.requireActual('../helpers/auth-client').requestContext.headers,
  cookies: async () => ({ getAll: () => jest.requireActual('../helpers/auth-client').requestContext.cookies }),
}));

const PAIR = SIGN_IN_LIMITS.pair.limit;
const ADDRESS = SIGN_IN_LIMITS.address.limit;

describe.each(testEngines())('sign-in limits (next-auth route handler) on %s', (engine) => {
  let handle: TestDatabase;
  let route: typeof import('@/app/api/auth/[...nextauth]/route');
  let peers = 0;
  /** A client from an address no other test uses. */
  const freshPeer = () => `198.51.100.${++peers}`;

  beforeAll(async () => {
    process.env.AUTH_SECRET = 'a-test-secret-that-is-at-least-32-characters-long';
    process.env.NEXTAUTH_URL = AUTH_ORIGIN;
    handle = await createTestDatabase(engine);
    installDatabaseHandle(handle);
    await seedAdminFixture(handle.db);
    route = await import('@/app/api/auth/[...nextauth]/route');
  });
  afterAll(() => handle.destroy());
  beforeEach(async () => {
    await handle.db.execute(sql`delete from app.rate_limit_counters`);
    // The counters' windows are whole minutes: a test that started near the end of one would see its count reset.
    // They follow the database's clock, which a test cannot move, so this waits for the next one.
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 10_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
  });

  const failuresAudited = async (email: string) =>
    queryRows<{ n: number; ip: string }>(
      handle.db,
      sql`select count(*)::int as n, min(ip) as ip from app.audit_log where action = 'sign_in_failed' and target = ${email}`,
    );

  it('signs in with the right password, as a form and as JSON', async () => {
    const form = await authClient(route, { peer: freshPeer() }).signIn('analyst@retailwave.test', FIXTURE_PASSWORD);
    expect(form.status).toBe(200);
    expect(form.headers.getSetCookie().some((c) => c.startsWith('next-auth.session-token='))).toBe(true);
    const json = await authClient(route, { peer: freshPeer() }).signIn('analyst@retailwave.test', FIXTURE_PASSWORD, 'json');
    expect(json.status).toBe(200);
    expect(json.headers.getSetCookie().some((c) => c.startsWith('next-auth.session-token='))).toBe(true);
  });

  it(`locks the email and address pair after ${PAIR} failures, even for the right password, while the owner signs in from elsewhere`, async () => {
    const peer = freshPeer();
    const attacker = authClient(route, { peer });
    const email = 'viewer@retailwave.test';
    // JSON and form failures count alike.
    for (let i = 0; i < PAIR; i++) expect((await attacker.signIn(email, `wrong-${i}`, i % 2 ? 'json' : 'form')).status).toBe(401);
    for (const as of ['form', 'json'] as const) {
      const refused = await attacker.signIn(email, FIXTURE_PASSWORD, as);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      expect(await refused.json()).toMatchObject({ error: { code: 'too_many_attempts', message: expect.any(String) }, url: expect.stringContaining('/login?error=too_many_attempts') });
    }
    // The same path with extra segments is the same next-auth action, and the same lock.
    expect((await attacker.signIn(email, FIXTURE_PASSWORD, 'form', ['callback', 'credentials', 'x'])).status).toBe(429);

    expect((await authClient(route, { peer: freshPeer() }).signIn(email, FIXTURE_PASSWORD)).status).toBe(200);
    expect((await attacker.signIn('analyst@retailwave.test', FIXTURE_PASSWORD)).status).toBe(200);
    expect((await failuresAudited(email))[0]).toEqual({ n: PAIR, ip: peer });
  });

  it('lets no more than the limit of concurrent guesses reach the password check', async () => {
    const peer = freshPeer();
    const email = 'analyst@retailwave.test';
    // One client and one CSRF token: the mocked request context is shared by the concurrent calls.
    const client = authClient(route, { peer });
    const { csrfToken } = (await (await client.call('GET', ['csrf'])).json()) as { csrfToken: string };
    const attempt = (i: number) =>
      client.call('POST', ['callback', 'credentials'], { type: 'form', text: new URLSearchParams({ csrfToken, email, password: `concurrent-${i}`, json: 'true' }).toString() });
    const statuses = await Promise.all(Array.from({ length: 3 * PAIR }, (_, i) => attempt(i).then((r) => r.status)));
    expect(statuses.filter((s) => s === 401)).toHaveLength(PAIR);
    expect(statuses.filter((s) => s === 429)).toHaveLength(2 * PAIR);
    const guessed = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from app.audit_log where action = 'sign_in_failed' and target = ${email} and ip = ${peer}`,
    );
    expect(guessed[0].n).toBe(PAIR);
  });

  it(`limits one address to ${ADDRESS} failures a minute across emails`, async () => {
    const sprayer = authClient(route, { peer: freshPeer() });
    for (let i = 0; i < ADDRESS; i++) expect((await sprayer.signIn(`nobody${i}@example.test`, 'guess')).status).toBe(401);
    expect((await sprayer.signIn('analyst@retailwave.test', FIXTURE_PASSWORD)).status).toBe(429);
    expect((await authClient(route, { peer: freshPeer() }).signIn('analyst@retailwave.test', FIXTURE_PASSWORD)).status).toBe(200);
  });

  it('does not count successful sign-ins', async () => {
    const client = authClient(route, { peer: freshPeer() });
    for (let i = 0; i < PAIR - 1; i++) expect((await client.signIn('east.manager@retailwave.test', `wrong-${i}`)).status).toBe(401);
    for (let i = 0; i < 3; i++) expect((await client.signIn('east.manager@retailwave.test', FIXTURE_PASSWORD)).status).toBe(200);
    expect((await client.signIn('east.manager@retailwave.test', 'wrong-last')).status).toBe(401);
    expect((await client.signIn('east.manager@retailwave.test', FIXTURE_PASSWORD)).status).toBe(429);
  });

  it('refuses a form naming two emails or two passwords instead of guessing which one counts', async () => {
    const client = authClient(route, { peer: freshPeer() });
    for (const body of ['email=decoy%40example.test&password=x&email=viewer%40retailwave.test', 'email=viewer%40retailwave.test&password=a&password=b']) {
      const res = await client.signInRaw(body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'invalid_credentials_request' } });
    }
    expect((await failuresAudited('decoy@example.test'))[0].n).toBe(0);
  });

  it('keys the limit and the audit on the socket peer, not on a forged X-Forwarded-For', async () => {
    const peer = freshPeer();
    const email = 'admin@retailwave.test';
    for (let i = 0; i < PAIR; i++) {
      const forged = authClient(route, { peer, forwardedFor: `203.0.113.${i}` });
      expect((await forged.signIn(email, `wrong-${i}`)).status).toBe(401);
    }
    const rotated = authClient(route, { peer, forwardedFor: '203.0.113.200' });
    expect((await rotated.signIn(email, FIXTURE_PASSWORD)).status).toBe(429);
    const ips = await queryRows<{ ip: string }>(handle.db, sql`select distinct ip from app.audit_log where action = 'sign_in_failed' and target = ${email}`);
    expect(ips).toEqual([{ ip: peer }]);
  });

  it('answers 503 with Retry-After and the error contract, not a bare failure, when the counters cannot be reached', async () => {
    const gone = await openDatabase({ memory: true });
    await gone.close();
    installDatabaseHandle(gone);
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const res = await authClient(route, { peer: freshPeer() }).signIn('analyst@retailwave.test', FIXTURE_PASSWORD);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await res.json()).toEqual({ error: { code: 'unavailable', message: expect.any(String) } });
    } finally {
      log.mockRestore();
      installDatabaseHandle(handle);
    }
  });

  it('holds distributed guessing at the per-email ceiling, but not the owner at an address they signed in from', async () => {
    const email = 'analyst@retailwave.test';
    const home = freshPeer();
    expect((await authClient(route, { peer: home }).signIn(email, FIXTURE_PASSWORD)).status).toBe(200);
    await handle.db.execute(sql`delete from app.rate_limit_counters`);
    // A botnet's failures from many addresses fill the ceiling.
    const ceiling = rateLimiter(SIGN_IN_LIMITS.email);
    for (let i = 0; i < SIGN_IN_LIMITS.email.limit; i++) await ceiling.take(email);
    const stranger = await authClient(route, { peer: freshPeer() }).signIn(email, FIXTURE_PASSWORD);
    expect(stranger.status).toBe(429);
    expect(Number(stranger.headers.get('retry-after'))).toBeGreaterThan(60);
    expect((await authClient(route, { peer: home }).signIn(email, FIXTURE_PASSWORD)).status).toBe(200);
  });
});
