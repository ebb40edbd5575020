// Sessions through the real next-auth route handler: sign-out ends a copied cookie, refreshes cannot pass
// the absolute lifetime, the cookie name follows the public URL's scheme and a request carrying several
// session cookies is not read as anyone, and sign-in never redirects off the portal.
import { NextRequest } from 'next/server';
import { decode, encode } from 'next-auth/jwt';
import { sql } from 'drizzle-orm';
import { queryRows, installDatabaseHandle } from '@/db/client';
import { authSecret } from '@/lib/auth/secret';
import { SESSION_ABSOLUTE_SECONDS } from '@/lib/auth/session';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';
import { FIXTURE_PASSWORD, seedAdminFixture, sessionVersionOf, userIdOf } from '../helpers/admin-fixture';
import { AUTH_ORIGIN, authClient } from '../helpers/auth-client';
import { getRequest, noParams, sessionCookie } from '../helpers/session-cookie';

jest.mock('next/headers', () => ({
  headers: async () => jest.requireActual('../helpers/auth-client').requestContext.headers,
  cookies: async () => ({ getAll: () => jest.requireActual('../helpers/auth-client').requestContext.cookies }),
}));

const PLAIN = 'next-auth.session-token';
const SECURE = '__Secure-next-auth.session-token';

describe.each(testEngines())('sessions on %s', (engine) => {
  let handle: TestDatabase;
  let route: typeof import('@/app/api/auth/[...nextauth]/route');
  let me: typeof import('@/app/api/me/route');
  let middleware: typeof import('@/middleware').middleware;
  let peers = 0;
  const client = () => authClient(route, { peer: `198.51.100.${++peers}` });

  const apiStatus = async (cookie: string) => (await me.GET(getRequest('/api/me', cookie), noParams)).status;
  const pageAnswer = async (cookie: string) => middleware(new NextRequest(`${AUTH_ORIGIN}/dashboards/sales`, { headers: { cookie } }));

  beforeAll(async () => {
    process.env.AUTH_SECRET = 'a-test-secret-that-is-at-least-32-characters-long';
    process.env.NEXTAUTH_URL = AUTH_ORIGIN;
    handle = await createTestDatabase(engine);
    installDatabaseHandle(handle);
    await seedAdminFixture(handle.db);
    route = await import('@/app/api/auth/[...nextauth]/route');
    me = await import('@/app/api/me/route');
    ({ middleware } = await import('@/middleware'));
  });
  afterAll(async () => {
    process.env.NEXTAUTH_URL = AUTH_ORIGIN;
    await handle.destroy();
  });

  it('sign-out through next-auth ends a copied cookie, for APIs and pages, and a stale copy cannot sign the owner out again', async () => {
    const browser = client();
    expect((await browser.signIn('analyst@retailwave.test', FIXTURE_PASSWORD)).status).toBe(200);
    const copied = browser.cookieHeader();
    expect(await apiStatus(copied)).toBe(200);
    expect((await pageAnswer(copied)).headers.get('location')).toBeNull();

    expect((await browser.signOut()).status).toBe(200);
    expect(await apiStatus(copied)).toBe(401);
    const page = await pageAnswer(copied);
    expect(page.status).toBe(307);
    expect(new URL(page.headers.get('location')!).pathname).toBe('/login');

    const again = client();
    expect((await again.signIn('analyst@retailwave.test', FIXTURE_PASSWORD)).status).toBe(200);
    const version = await sessionVersionOf(handle.db, await userIdOf(handle.db, 'analyst@retailwave.test'));
    const thief = client();
    thief.jar.set(PLAIN, copied.split(`${PLAIN}=`)[1].split(';')[0]);
    await thief.signOut();
    expect(await sessionVersionOf(handle.db, await userIdOf(handle.db, 'analyst@retailwave.test'))).toBe(version);
    expect(await apiStatus(again.cookieHeader())).toBe(200);
  });

  it('refreshing keeps the sign-in time, and a session past its absolute lifetime is refused and not refreshed', async () => {
    const browser = client();
    expect((await browser.signIn('viewer@retailwave.test', FIXTURE_PASSWORD)).status).toBe(200);
    const signedIn = (await decode({ token: decodeURIComponent(browser.jar.get(PLAIN)!), secret: authSecret() }))!;
    // A minute later by the clock alone (token times are whole seconds): timers and I/O run as usual.
    jest.useFakeTimers({
      now: Date.now() + 60_000,
      doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
    });
    const refreshed = await browser.call('GET', ['session']).finally(() => jest.useRealTimers());
    expect(refreshed.status).toBe(200);
    const after = (await decode({ token: decodeURIComponent(browser.jar.get(PLAIN)!), secret: authSecret() }))!;
    expect(after.iat).toBeGreaterThanOrEqual(Number(signedIn.iat) + 60);
    expect(after.sat).toBe(signedIn.sat);

    const viewerId = await userIdOf(handle.db, 'viewer@retailwave.test');
    const sv = await sessionVersionOf(handle.db, viewerId);
    const old = await sessionCookie({ sub: viewerId, sv, sat: Math.floor(Date.now() / 1000) - SESSION_ABSOLUTE_SECONDS - 1 });
    expect(await apiStatus(await sessionCookie({ sub: viewerId, sv }))).toBe(200);
    expect(await apiStatus(old)).toBe(401);
    expect((await pageAnswer(old)).status).toBe(307);

    const holder = client();
    holder.jar.set(PLAIN, old.slice(PLAIN.length + 1));
    const refresh = await holder.call('GET', ['session']);
    expect(await refresh.json()).toEqual({});
    expect(holder.jar.has(PLAIN)).toBe(false);
  });

  it('reads only the cookie next-auth writes, and nobody when chunks of another token ride along', async () => {
    const analyst = await sessionCookie({ sub: await userIdOf(handle.db, 'analyst@retailwave.test'), sv: await sessionVersionOf(handle.db, await userIdOf(handle.db, 'analyst@retailwave.test')) });
    const adminId = await userIdOf(handle.db, 'admin@retailwave.test');
    const adminToken = (await sessionCookie({ sub: adminId, sv: await sessionVersionOf(handle.db, adminId) })).slice(PLAIN.length + 1);
    const whoIs = async (cookie: string) => {
      const res = await me.GET(getRequest('/api/me', cookie), noParams);
      return res.status === 200 ? ((await res.json()) as { email: string }).email : res.status;
    };
    expect(await whoIs(analyst)).toBe('analyst@retailwave.test');
    // On http the __Secure- cookie is not next-auth's: it cannot change who this is.
    expect(await whoIs(`${SECURE}=${adminToken}; ${analyst}`)).toBe('analyst@retailwave.test');
    expect(await whoIs(`${analyst}; ${SECURE}=${adminToken}`)).toBe('analyst@retailwave.test');
    // next-auth would join these as chunks of one token: nobody.
    expect(await whoIs(`${analyst}; ${PLAIN}.0=${adminToken}`)).toBe(401);
    expect(await whoIs(`${PLAIN}.0=${adminToken}`)).toBe(401);
  });

  it('on an https public URL the session cookie is Secure and __Secure- prefixed, and only that one is read', async () => {
    process.env.NEXTAUTH_URL = 'https://portal.example';
    try {
      const res = await client().signIn('analyst@retailwave.test', FIXTURE_PASSWORD);
      expect(res.status).toBe(200);
      const session = res.headers.getSetCookie().find((c) => c.startsWith(`${SECURE}=`));
      expect(session).toMatch(/;\s*Secure/i);
      expect(res.headers.getSetCookie().some((c) => c.startsWith(`${PLAIN}=`))).toBe(false);
      const analystId = await userIdOf(handle.db, 'analyst@retailwave.test');
      const token = (await encode({ token: { sub: analystId, sv: await sessionVersionOf(handle.db, analystId), sat: Math.floor(Date.now() / 1000) }, secret: authSecret() }));
      expect(await apiStatus(`${SECURE}=${token}`)).toBe(200);
      // A plain cookie (plantable over http) is not the session here.
      expect(await apiStatus(`${PLAIN}=${token}`)).toBe(401);
    } finally {
      process.env.NEXTAUTH_URL = AUTH_ORIGIN;
    }
  });

  it.each(['/\\evil.example/x', '//evil.example/x', 'https://evil.example/', '/..//evil.example', '/\t/evil.example'])(
    'sends the browser to a portal path after sign-in when callbackUrl is %j',
    async (callbackUrl) => {
      const browser = client();
      const csrf = ((await (await browser.call('GET', ['csrf'])).json()) as { csrfToken: string }).csrfToken;
      const body = new URLSearchParams({ csrfToken: csrf, email: 'analyst@retailwave.test', password: FIXTURE_PASSWORD, callbackUrl, json: 'true' });
      const res = await browser.call('POST', ['callback', 'credentials'], { type: 'form', text: body.toString() });
      expect(res.status).toBe(200);
      const { url } = (await res.json()) as { url: string };
      expect(new URL(url).origin).toBe(AUTH_ORIGIN);
      expect(url).toBe(`${AUTH_ORIGIN}/dashboards/sales`);
    },
  );

  it('rehashes a pre-argon2 password on a successful sign-in', async () => {
    const { scryptSync, randomBytes } = await import('node:crypto');
    const salt = randomBytes(16);
    const key = scryptSync(FIXTURE_PASSWORD, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 128 * 1024 * 1024 });
    const legacy = ['scrypt', 2 ** 15, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
    await handle.db.execute(sql`update app.users set password_hash = ${legacy} where email = 'east.manager@retailwave.test'`);
    expect((await client().signIn('east.manager@retailwave.test', 'wrong')).status).toBe(401);
    const [unchanged] = await queryRows<{ password_hash: string }>(handle.db, sql`select password_hash from app.users where email = 'east.manager@retailwave.test'`);
    expect(unchanged.password_hash).toBe(legacy);
    expect((await client().signIn('east.manager@retailwave.test', FIXTURE_PASSWORD)).status).toBe(200);
    const [row] = await queryRows<{ password_hash: string }>(handle.db, sql`select password_hash from app.users where email = 'east.manager@retailwave.test'`);
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect((await client().signIn('east.manager@retailwave.test', FIXTURE_PASSWORD)).status).toBe(200);
  });
});
