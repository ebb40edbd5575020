// The brute-force limit through the real next-auth route handler: next/headers is the only piece of
// the Next server missing under Jest, so it is fed from the request being handled.
import { NextRequest } from 'next/server';
import { sql } from 'drizzle-orm';
import { queryRows, useDatabaseHandle } from '@/db/client';
import { SIGN_IN_FAILURE_LIMIT } from '@/lib/auth/sign-in-limit';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { FIXTURE_PASSWORD, seedAdminFixture } from '../helpers/admin-fixture';

const mockRequestContext: { headers: Headers; cookies: { name: string; value: string }[] } = { headers: new Headers(), cookies: [] };
jest.mock('next/headers', () => ({
  headers: async () => mockRequestContext.headers,
  cookies: async () => ({ getAll: () => mockRequestContext.cookies }),
}));

const ORIGIN = 'http://127.0.0.1:3999';

/** A browser-like client of the route handler: keeps cookies between calls. */
function authClient(route: typeof import('@/app/api/auth/[...nextauth]/route')) {
  const jar = new Map<string, string>();
  async function call(method: 'GET' | 'POST', action: string[], body?: URLSearchParams): Promise<Response> {
    const headers = new Headers({ 'user-agent': 'jest', 'x-forwarded-for': '192.0.2.1' });
    if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    if (body) headers.set('content-type', 'application/x-www-form-urlencoded');
    const req = new NextRequest(`${ORIGIN}/api/auth/${action.join('/')}`, { method, headers, body: body?.toString() });
    mockRequestContext.headers = headers;
    mockRequestContext.cookies = [...jar].map(([name, value]) => ({ name, value: decodeURIComponent(value) }));
    const res = await route[method](req, { params: Promise.resolve({ nextauth: action }) });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return res;
  }
  return {
    async signIn(email: string, password: string): Promise<Response> {
      const { csrfToken } = (await (await call('GET', ['csrf'])).json()) as { csrfToken: string };
      return call('POST', ['callback', 'credentials'], new URLSearchParams({ csrfToken, email, password, json: 'true' }));
    },
  };
}

describe('sign-in brute-force limit (next-auth route handler)', () => {
  let handle: TestDatabase;
  let route: typeof import('@/app/api/auth/[...nextauth]/route');

  beforeAll(async () => {
    process.env.AUTH_SECRET = 'a-test-secret-that-is-at-least-32-characters-long';
    process.env.NEXTAUTH_URL = ORIGIN;
    handle = await createTestDatabase('pglite');
    useDatabaseHandle(handle);
    await seedAdminFixture(handle.db);
    route = await import('@/app/api/auth/[...nextauth]/route');
  });
  afterAll(() => handle.destroy());

  it('signs in with the right password', async () => {
    const res = await authClient(route).signIn('analyst@retailwave.test', FIXTURE_PASSWORD);
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().some((c) => c.startsWith('next-auth.session-token='))).toBe(true);
  });

  it(`answers 429 with Retry-After on attempt ${SIGN_IN_FAILURE_LIMIT + 1} within a minute, even with the right password`, async () => {
    const client = authClient(route);
    const email = 'viewer@retailwave.test';
    for (let i = 0; i < SIGN_IN_FAILURE_LIMIT; i++) {
      const res = await client.signIn(email, `wrong-${i}`);
      expect(res.status).toBe(401);
    }
    const refused = await client.signIn(email, FIXTURE_PASSWORD);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused.json()).toEqual({ error: { code: 'too_many_attempts', message: expect.any(String) } });

    // another email is not locked out by this one's failures
    expect((await client.signIn('analyst@retailwave.test', FIXTURE_PASSWORD)).status).toBe(200);
    const failures = await queryRows<{ n: number; ip: string }>(
      handle.db,
      sql`select count(*)::int as n, min(ip) as ip from app.audit_log where action = 'sign_in_failed' and target = ${email}`,
    );
    expect(failures[0]).toEqual({ n: SIGN_IN_FAILURE_LIMIT, ip: '192.0.2.1' });
  });
});
