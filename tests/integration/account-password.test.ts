// One-time admin passwords and changing one's own password, through the real next-auth route (sign-in),
// middleware, the password route and a scoped API route, on each engine: what an admin sets opens nothing
// but the password page until replaced (the demo password is not one-time); a change needs the current
// password, is audited and limited, ends every other session and keeps this one.
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { NextRequest } from 'next/server';
import { installDatabaseHandle, queryRows } from '@/db/client';
import { createUser } from '@/lib/admin/create-user';
import { resetPassword } from '@/lib/admin/reset-password';
import type { AdminActor } from '@/lib/admin/actor';
import { PASSWORD_CHANGE_LIMIT } from '@/lib/auth/change-password';
import { verifyPassword } from '@/lib/auth/password';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';
import { FIXTURE_PASSWORD, seedAdminFixture, userIdOf } from '../helpers/admin-fixture';
import { AUTH_ORIGIN, authClient } from '../helpers/auth-client';

jest.mock('next/headers', () => ({
  headers: async () => jest.requireActual('../helpers/auth-client').requestContext.headers,
  cookies: async () => ({ getAll: () => jest.requireActual('../helpers/auth-client').requestContext.cookies }),
}));

const NEW_PASSWORD = 'a brand new passphrase';

describe.each(testEngines())('one-time passwords and password changes on %s', (engine) => {
  let handle: TestDatabase;
  let actor: AdminActor;
  let auth: typeof import('@/app/api/auth/[...nextauth]/route');
  let passwordRoute: typeof import('@/app/api/account/password/route');
  let meRoute: typeof import('@/app/api/me/route');
  let middleware: typeof import('@/middleware').middleware;
  let n = 0;
  let peers = 0;
  const freshPeer = () => `198.51.100.${++peers}`;

  beforeAll(async () => {
    process.env.AUTH_SECRET = 'a-test-secret-that-is-at-least-32-characters-long';
    process.env.NEXTAUTH_URL = AUTH_ORIGIN;
    handle = await createTestDatabase(engine);
    installDatabaseHandle(handle);
    actor = await seedAdminFixture(handle.db);
    auth = await import('@/app/api/auth/[...nextauth]/route');
    passwordRoute = await import('@/app/api/account/password/route');
    meRoute = await import('@/app/api/me/route');
    middleware = (await import('@/middleware')).middleware;
  });
  afterAll(() => handle.destroy());
  beforeEach(async () => {
    await handle.db.execute(sql`delete from app.rate_limit_counters`);
    // The change limit's window is fixed (aligned on the database clock): a test must not straddle two.
    const left = PASSWORD_CHANGE_LIMIT.windowMs - (Date.now() % PASSWORD_CHANGE_LIMIT.windowMs);
    if (left < 10_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
  });

  /** A browser signed in as `email` (from an address of its own), or throws. */
  async function signedIn(email: string, password: string) {
    const client = authClient(auth, { peer: freshPeer() });
    const res = await client.signIn(email, password);
    if (res.status !== 200) throw new Error(`sign-in of ${email} answered ${res.status}`);
    return client;
  }

  const newViewer = async () => {
    const email = `one-time${++n}.${engine}@example.test`;
    const created = await createUser(handle.db, actor, { email, name: `One Time ${n}`, role: 'viewer', regions: ['North'] });
    return { ...created, email };
  };

  const me = (cookie: string) => meRoute.GET(new NextRequest(`${AUTH_ORIGIN}/api/me`, { headers: { cookie } }), { params: Promise.resolve({}) });

  function changePassword(cookie: string, body: unknown, raw = false) {
    const req = new NextRequest(`${AUTH_ORIGIN}/api/account/password`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', origin: AUTH_ORIGIN, 'x-forwarded-for': '192.0.2.9', 'user-agent': 'jest' },
      body: raw ? String(body) : JSON.stringify(body),
    });
    return passwordRoute.POST(req);
  }

  /** The Cookie header a browser sends after this response (its renewed session cookie). */
  const renewedCookie = (res: Response) => {
    const set = res.headers.getSetCookie().find((c) => c.startsWith('next-auth.session-token='));
    if (!set) throw new Error('no renewed session cookie');
    return set.split(';')[0];
  };

  const gate = (path: string, cookie: string, method = 'GET') =>
    middleware(new NextRequest(`${AUTH_ORIGIN}${path}`, { method, headers: { cookie, host: new URL(AUTH_ORIGIN).host } }));

  const audited = (email: string, action: string) =>
    queryRows<{ detail: Record<string, unknown>; actor_email: string; ip: string }>(
      handle.db,
      sql`select detail, actor_email, ip from app.audit_log where action = ${action} and target = ${email} order by id`,
    );

  it('holds a user signed in with an admin-set password to the password page until they choose one', async () => {
    const user = await newViewer();
    const browser = await signedIn(user.email, user.oneTimePassword);
    const cookie = browser.cookieHeader();

    // Every API answers 403 password_change_required, from the gate and again behind it.
    const api = await gate('/api/metrics/kpis', cookie);
    expect(api.status).toBe(403);
    await expect(api.json()).resolves.toEqual({ error: { code: 'password_change_required', message: expect.any(String) } });
    const behind = await me(cookie);
    expect(behind.status).toBe(403);
    await expect(behind.json()).resolves.toMatchObject({ error: { code: 'password_change_required' } });
    // Every page sends them to the password page, and back to where they were going afterwards.
    const page = await gate('/dashboards/products?regions=North', cookie);
    expect(page.status).toBe(307);
    const target = new URL(page.headers.get('location')!);
    expect(target.pathname).toBe('/account/password');
    expect(target.searchParams.get('callbackUrl')).toBe('/dashboards/products?regions=North');
    // The password page and its API are open to them, and so is signing out.
    for (const [path, method] of [['/account/password', 'GET'], ['/api/account/password', 'POST'], ['/api/auth/signout', 'POST']] as const) {
      expect((await gate(path, cookie, method)).headers.get('x-middleware-next')).toBe('1');
    }

    const changed = await changePassword(cookie, { currentPassword: user.oneTimePassword, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('cache-control')).toBe('private, no-store');
    const renewed = renewedCookie(changed);
    expect((await me(renewed)).status).toBe(200);
    expect((await gate('/dashboards/products', renewed)).headers.get('x-middleware-next')).toBe('1');
    // The session from before the change is over, like every other one.
    expect((await me(cookie)).status).toBe(401);

    expect((await authClient(auth, { peer: freshPeer() }).signIn(user.email, user.oneTimePassword)).status).toBe(401);
    const again = await signedIn(user.email, NEW_PASSWORD);
    expect((await me(again.cookieHeader())).status).toBe(200);
    expect(await audited(user.email, 'password_changed')).toEqual([
      { detail: { forced: true }, actor_email: user.email, ip: '192.0.2.9' },
    ]);
  });

  it('makes a reset password one-time too', async () => {
    const user = await newViewer();
    const first = await signedIn(user.email, user.oneTimePassword);
    await changePassword(first.cookieHeader(), { currentPassword: user.oneTimePassword, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    const reset = await resetPassword(handle.db, actor, { userId: user.id });
    const browser = await signedIn(user.email, reset.oneTimePassword);
    expect((await me(browser.cookieHeader())).status).toBe(403);
    expect((await authClient(auth, { peer: freshPeer() }).signIn(user.email, NEW_PASSWORD)).status).toBe(401);
  });

  it('does not make the demo password one-time', async () => {
    const browser = await signedIn('analyst@retailwave.test', FIXTURE_PASSWORD);
    expect((await me(browser.cookieHeader())).status).toBe(200);
    expect((await gate('/dashboards/sales', browser.cookieHeader())).headers.get('x-middleware-next')).toBe('1');
  });

  it('refuses a wrong current password, audits it, and limits the guesses even when the right one follows', async () => {
    const user = await newViewer();
    const browser = await signedIn(user.email, user.oneTimePassword);
    const cookie = browser.cookieHeader();
    for (let i = 0; i < PASSWORD_CHANGE_LIMIT.limit; i++) {
      const res = await changePassword(cookie, { currentPassword: `guess-${i}`, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
      expect(res.status).toBe(400);
      await expect(res.json()).resolves.toEqual({ error: { code: 'wrong_password', message: 'Your current password is not correct.' } });
    }
    const limited = await changePassword(cookie, { currentPassword: user.oneTimePassword, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(PASSWORD_CHANGE_LIMIT.windowMs / 1000);
    await expect(limited.json()).resolves.toEqual({ error: { code: 'too_many_attempts', message: expect.stringMatching(/^Too many wrong passwords\. Try again in \d+ minutes?\.$/) } });

    const failures = await audited(user.email, 'password_change_failed');
    expect(failures).toHaveLength(PASSWORD_CHANGE_LIMIT.limit);
    expect(failures[0]).toEqual({ detail: { reason: 'wrong_password' }, actor_email: user.email, ip: '192.0.2.9' });
    const [row] = await queryRows<{ password_hash: string; must_change_password: boolean }>(
      handle.db,
      sql`select password_hash, must_change_password from app.users where id = ${user.id}::uuid`,
    );
    await expect(verifyPassword(user.oneTimePassword, row.password_hash)).resolves.toBe(true);
    expect(row.must_change_password).toBe(true);
    // The session itself is not ended by wrong guesses.
    expect((await me(cookie)).status).toBe(403);
  });

  it('does not count a successful change against the limit', async () => {
    const user = await newViewer();
    let current = user.oneTimePassword;
    let cookie = (await signedIn(user.email, current)).cookieHeader();
    for (let i = 0; i < PASSWORD_CHANGE_LIMIT.limit + 1; i++) {
      const next = `${NEW_PASSWORD} ${i}`;
      const res = await changePassword(cookie, { currentPassword: current, newPassword: next, confirmPassword: next });
      expect(res.status).toBe(200);
      cookie = renewedCookie(res);
      current = next;
    }
  });

  it('signs out every other session of the user and keeps the one that changed it', async () => {
    const email = 'east.manager@retailwave.test';
    const laptop = await signedIn(email, FIXTURE_PASSWORD);
    const phone = await signedIn(email, FIXTURE_PASSWORD);
    expect((await me(phone.cookieHeader())).status).toBe(200);
    const res = await changePassword(laptop.cookieHeader(), { currentPassword: FIXTURE_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(res.status).toBe(200);
    expect((await me(phone.cookieHeader())).status).toBe(401);
    expect((await me(laptop.cookieHeader())).status).toBe(401);
    expect((await me(renewedCookie(res))).status).toBe(200);
    expect(await audited(email, 'password_changed')).toEqual([{ detail: { forced: false }, actor_email: email, ip: '192.0.2.9' }]);
    // Put the fixture password back (through the same route) for the other tests.
    const restored = await changePassword(renewedCookie(res), { currentPassword: NEW_PASSWORD, newPassword: FIXTURE_PASSWORD, confirmPassword: FIXTURE_PASSWORD });
    expect(restored.status).toBe(200);
  });

  it('lets exactly one of two racing changes win', async () => {
    const user = await newViewer();
    const cookie = (await signedIn(user.email, user.oneTimePassword)).cookieHeader();
    const [a, b] = await Promise.all(
      ['first racer password', 'second racer password'].map((next) =>
        changePassword(cookie, { currentPassword: user.oneTimePassword, newPassword: next, confirmPassword: next }),
      ),
    );
    expect([a.status, b.status].filter((s) => s === 200)).toHaveLength(1);
    expect([a.status, b.status].find((s) => s !== 200)).toBeGreaterThanOrEqual(400);
    const winner = a.status === 200 ? 'first racer password' : 'second racer password';
    const [row] = await queryRows<{ password_hash: string }>(handle.db, sql`select password_hash from app.users where id = ${user.id}::uuid`);
    await expect(verifyPassword(winner, row.password_hash)).resolves.toBe(true);
    expect(await audited(user.email, 'password_changed')).toHaveLength(1);
  });

  it('refuses the signed-out, other sites, and a session that was signed out', async () => {
    const body = { currentPassword: FIXTURE_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };
    expect((await changePassword('', body)).status).toBe(401);
    expect((await changePassword('next-auth.session-token=forged', body)).status).toBe(401);

    const browser = await signedIn('viewer@retailwave.test', FIXTURE_PASSWORD);
    const copy = browser.cookieHeader();
    const crossSite = await passwordRoute.POST(
      new NextRequest(`${AUTH_ORIGIN}/api/account/password`, {
        method: 'POST',
        headers: { cookie: copy, 'content-type': 'application/json', origin: 'https://evil.example' },
        body: JSON.stringify(body),
      }),
    );
    expect(crossSite.status).toBe(403);
    await expect(crossSite.json()).resolves.toMatchObject({ error: { code: 'forbidden_origin' } });

    await browser.signOut();
    expect((await changePassword(copy, body)).status).toBe(401);
    const [row] = await queryRows<{ password_hash: string }>(handle.db, sql`select password_hash from app.users where email = 'viewer@retailwave.test'`);
    await expect(verifyPassword(FIXTURE_PASSWORD, row.password_hash)).resolves.toBe(true);
  });

  it('answers any malformed body with 400 and the error contract, and changes nothing', async () => {
    const viewerId = await userIdOf(handle.db, 'analyst@retailwave.test');
    const cookie = (await signedIn('analyst@retailwave.test', FIXTURE_PASSWORD)).cookieHeader();
    const short = { currentPassword: FIXTURE_PASSWORD, newPassword: 'short', confirmPassword: 'short' };
    const differ = { currentPassword: FIXTURE_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: `${NEW_PASSWORD}!` };
    const same = { currentPassword: FIXTURE_PASSWORD, newPassword: FIXTURE_PASSWORD, confirmPassword: FIXTURE_PASSWORD };
    for (const [body, message] of [[short, /at least 12/], [differ, /differ/], [same, /different from the current/]] as const) {
      const res = await changePassword(cookie, body);
      expect(res.status).toBe(400);
      await expect(res.json()).resolves.toEqual({ error: { code: 'invalid_request', message: expect.stringMatching(message) } });
    }
    expect((await changePassword(cookie, '{"currentPassword":', true)).status).toBe(400);
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (body) => {
        const res = await changePassword(cookie, body);
        expect(res.status).toBe(400);
        expect(await res.json()).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
      }),
      { numRuns: 40 },
    );
    const [row] = await queryRows<{ password_hash: string }>(handle.db, sql`select password_hash from app.users where id = ${viewerId}::uuid`);
    await expect(verifyPassword(FIXTURE_PASSWORD, row.password_hash)).resolves.toBe(true);
    expect(await audited('analyst@retailwave.test', 'password_change_failed')).toEqual([]);
  });
});
