/**
 * What every request meets before and around a handler, through the real middleware, route handlers and
 * database: the security headers on pages and API answers, private caching of everything answered from a
 * scope, cross-site and non-JSON writes refused (by middleware, and again by the route wrapper when a
 * request reaches it some other way), and one identity per request however many session cookies it carries.
 */
process.env.AUTH_SECRET ??= 'test-secret-test-secret-test-secret-0123';
import { NextRequest } from 'next/server';
import { POST as ackRoute } from '@/app/api/alerts/[id]/ack/route';
import { GET as listAlertsRoute } from '@/app/api/alerts/route';
import { GET as meRoute } from '@/app/api/me/route';
import { GET as kpisRoute } from '@/app/api/metrics/kpis/route';
import { GET as listSharesRoute, POST as createShareRoute } from '@/app/api/shares/route';
import { GET as transactionsRoute } from '@/app/api/transactions/route';
import { middleware } from '@/middleware';
import { principalOfSession } from '@/lib/auth/session';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';
import { prepareUsers, sessionClaimsFor } from '../helpers/scopes';
import { noParams, sessionCookie } from '../helpers/session-cookie';

const BASE = 'http://localhost:3000';
const SECURITY_HEADERS = ['content-security-policy', 'x-frame-options', 'x-content-type-options', 'referrer-policy', 'strict-transport-security', 'permissions-policy'];

function request(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new NextRequest(new URL(path, BASE), { method: init.method ?? 'GET', headers: { host: 'localhost:3000', ...init.headers }, body: init.body });
}

describe('request guards (no database needed)', () => {
  it('gives a public page and a refused API call every security header, each with a nonce of its own', async () => {
    const page = await middleware(request('/login'));
    const api = await middleware(request('/api/metrics/kpis'));
    expect(api.status).toBe(401);
    for (const res of [page, api]) for (const name of SECURITY_HEADERS) expect(res.headers.get(name)).toBeTruthy();
    expect(api.headers.get('cache-control')).toBe('private, no-store');
    const nonceOf = (res: Response) => /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1];
    expect(nonceOf(page)).toBeTruthy();
    expect(nonceOf(page)).not.toBe(nonceOf(api));
  });

  it('hands the page render the same policy and nonce it sends, and drops a nonce the client sent', async () => {
    const res = await middleware(request('/login', { headers: { 'x-retailwave-nonce': 'forged' } }));
    const csp = res.headers.get('content-security-policy')!;
    // NextResponse.next passes the rewritten request headers to the render as x-middleware-request-*.
    expect(res.headers.get('x-middleware-request-content-security-policy')).toBe(csp);
    const nonce = res.headers.get('x-middleware-request-x-retailwave-nonce');
    expect(nonce).not.toBe('forged');
    expect(csp).toContain(`'nonce-${nonce}'`);
  });

  it('keeps a share link out of the Referer while adding the other headers', async () => {
    const res = await middleware(request('/s/not-a-token'));
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it.each([
    ['a foreign Origin', { origin: 'https://evil.example' }, 403, 'forbidden_origin'],
    ['a null Origin', { origin: 'null' }, 403, 'forbidden_origin'],
    ['a foreign Referer without Origin', { referer: 'https://evil.example/x' }, 403, 'forbidden_origin'],
    ['a look-alike Origin', { origin: 'http://localhost:3000.evil.example' }, 403, 'forbidden_origin'],
    ['another port', { origin: 'http://localhost:3001' }, 403, 'forbidden_origin'],
    ['another scheme', { origin: 'https://localhost:3000' }, 403, 'forbidden_origin'],
    ['a text/plain body', { origin: BASE, 'content-type': 'text/plain' }, 415, 'unsupported_media_type'],
    ['a form body', { 'content-type': 'application/x-www-form-urlencoded' }, 415, 'unsupported_media_type'],
  ])('middleware refuses a write with %s', async (_what, headers, status, code) => {
    const res = await middleware(request('/api/shares', { method: 'POST', headers, body: '{"path":"/dashboards/sales"}' }));
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ error: { code, message: expect.any(String) } });
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('refuses a server action posted to a page from another site, and leaves its body type to Next.js', async () => {
    const foreign = await middleware(request('/admin/users', { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'text/plain' }, body: '[]' }));
    expect(foreign.status).toBe(403);
    const own = await middleware(request('/login', { method: 'POST', headers: { origin: BASE, 'content-type': 'text/plain' }, body: '[]' }));
    expect(own.status).toBe(200);
  });

  it('leaves next-auth (its own CSRF token) and ingest (a bearer key) to themselves', async () => {
    const signIn = await middleware(request('/api/auth/callback/credentials', { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=b' }));
    expect(signIn.status).toBe(200);
    expect(signIn.headers.get('x-middleware-next')).toBe('1');
    const ingest = await middleware(request('/api/ingest', { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/json' }, body: '{}' }));
    expect(ingest.headers.get('x-middleware-next')).toBe('1');
  });

  it('lets a browser’s bodiless DELETE through, though Next.js hands middleware an empty body stream', async () => {
    // Chrome sends neither Content-Length nor a content type on a DELETE without a body.
    const empty = new ReadableStream({ start: (controller) => controller.close() });
    const req = new NextRequest(new URL('/api/shares/00000000-0000-4000-8000-000000000000', BASE), {
      method: 'DELETE', headers: { host: 'localhost:3000', origin: BASE }, body: empty, duplex: 'half',
    } as ConstructorParameters<typeof NextRequest>[1] & { duplex: 'half' });
    expect((await middleware(req)).status).toBe(401);
  });

  it('lets a write with no Origin and no Referer reach the session check', async () => {
    const res = await middleware(request('/api/shares', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }));
    expect(res.status).toBe(401);
  });
});

describe.each(testEngines())('request guards on %s', (engine) => {
  let db: TestDatabase;
  let analyst: string;
  let viewer: string;
  let manager: string;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await prepareUsers(db);
    analyst = await sessionCookie(await sessionClaimsFor(db, 'analyst@retailwave.test'));
    viewer = await sessionCookie(await sessionClaimsFor(db, 'viewer@retailwave.test'));
    manager = await sessionCookie(await sessionClaimsFor(db, 'east.manager@retailwave.test'));
  }, 120_000);

  afterAll(async () => {
    await db?.destroy();
  });

  it('marks every answer built from a scope private, errors included', async () => {
    const range = 'from=2026-01-01&to=2026-01-31';
    const answers = await Promise.all([
      kpisRoute(request(`/api/metrics/kpis?${range}`, { headers: { cookie: analyst } }), noParams),
      transactionsRoute(request(`/api/transactions?${range}`, { headers: { cookie: analyst } }), noParams),
      listAlertsRoute(request('/api/alerts', { headers: { cookie: analyst } }), noParams),
      meRoute(request('/api/me', { headers: { cookie: analyst } }), noParams),
      listSharesRoute(request('/api/shares', { headers: { cookie: manager } }), noParams),
      kpisRoute(request('/api/metrics/kpis?from=nonsense', { headers: { cookie: analyst } }), noParams),
      meRoute(request('/api/me'), noParams),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 400, 401]);
    for (const answer of answers) expect(answer.headers.get('cache-control')).toBe('private, no-store');
  });

  describe('the route wrapper refuses what middleware refuses', () => {
    const createShare = (headers: Record<string, string>) =>
      createShareRoute(request('/api/shares', { method: 'POST', headers: { cookie: manager, ...headers }, body: JSON.stringify({ path: '/dashboards/sales', expiresInDays: 7 }) }), noParams);

    it('POST /api/shares with text/plain: 415', async () => {
      const res = await createShare({ 'content-type': 'text/plain' });
      expect(res.status).toBe(415);
      expect(await res.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
    });

    it('POST /api/shares from another origin: 403', async () => {
      const res = await createShare({ 'content-type': 'application/json', origin: 'https://evil.example' });
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: { code: 'forbidden_origin' } });
    });

    it('POST /api/shares as JSON from the portal itself, or from a script naming no origin: created', async () => {
      expect((await createShare({ 'content-type': 'application/json', origin: BASE })).status).toBe(201);
      expect((await createShare({ 'content-type': 'application/json; charset=utf-8' })).status).toBe(201);
    });

    it('POST /api/alerts/{id}/ack without a body needs no content type, but its origin must be ours', async () => {
      const ack = (headers: Record<string, string>) => ackRoute(request('/api/alerts/999999/ack', { method: 'POST', headers: { cookie: analyst, ...headers } }), { params: Promise.resolve({ id: '999999' }) });
      expect((await ack({ origin: 'https://evil.example' })).status).toBe(403);
      // Past the guard: the alert does not exist (or is outside the analyst's regions).
      expect((await ack({ origin: BASE })).status).toBe(404);
      expect((await ack({})).status).toBe(404);
    });
  });

  describe('two session cookies on one request', () => {
    const NAME = 'next-auth.session-token';
    const valueOf = (cookie: string) => cookie.slice(NAME.length + 1);
    const combinations = () => [
      ['analyst then viewer', `${analyst}; ${viewer}`],
      ['viewer then analyst', `${viewer}; ${analyst}`],
      ['the analyst twice around the viewer', `${analyst}; ${viewer}; ${analyst}`],
      ['a secure-prefixed viewer and a plain analyst', `__Secure-${NAME}=${valueOf(viewer)}; ${analyst}`],
      ['a plain analyst and a secure-prefixed viewer', `${analyst}; __Secure-${NAME}=${valueOf(viewer)}`],
    ];

    it('gives the handler exactly the identity middleware let through, and only its regions', async () => {
      for (const [what, cookie] of combinations()) {
        const gate = await principalOfSession(request('/api/me', { headers: { cookie: cookie! } }).cookies);
        const me = await meRoute(request('/api/me', { headers: { cookie: cookie! } }), noParams);
        expect([what, me.status]).toEqual([what, 200]);
        const body = (await me.json()) as { email: string; regions: string[] };
        expect([what, body.email]).toEqual([what, gate!.email]);
        const expected = body.email === 'viewer@retailwave.test' ? ['South'] : ['East', 'West'];
        expect([what, [...body.regions].sort()]).toEqual([what, expected.sort()]);
      }
    });
  });
});
