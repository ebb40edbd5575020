/**
 * Share links: a link is the sharer's scope at creation ∩ what they chose, shrunk by the sharer's scope
 * today; tampered URLs and tokens cannot widen it; expiry, revocation and deactivation stop it at once;
 * creation, views and revocation are audited. Through the real route handlers, middleware and database.
 */
process.env.AUTH_SECRET ??= 'test-secret-test-secret-test-secret-0123';
import { sql } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { queryRows } from '@/db/client';
import { GET as listSharesRoute, POST as createShareRoute } from '@/app/api/shares/route';
import { DELETE as revokeShareRoute } from '@/app/api/shares/[id]/route';
import { GET as sharedExportRoute } from '@/app/s/[token]/export/route';
import { GET as sharedStreamRoute } from '@/app/s/[token]/stream/route';
import { middleware } from '@/middleware';
import { actorOf } from '@/lib/admin/actor';
import { changeUserRegions, changeUserRole, setUserActive } from '@/lib/admin/update-user';
import { scopeCan, scopeFromShare, type ShareScope, type UserScope } from '@/lib/auth/scope';
import { buildDashboardView } from '@/components/dashboards/load-view';
import { getKpis } from '@/lib/queries/get-kpis';
import { seedDemoData } from '@/lib/seed';
import { recordShareView } from '@/lib/shares/record-view';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';
import { prepareUsers, scopeFor, sessionClaimsFor } from '../helpers/scopes';
import { getRequest, sessionCookie } from '../helpers/session-cookie';
import { silverRevenueByRegion } from '../helpers/silver-truth';

/** The KPIs these tests check are the period's own; what they are compared with does not matter here. */
const KPI_OPTIONS = { compare: 'previous', today: '2026-12-01' } as const;

const END = '2026-06-30';
const RANGE = `from=2026-05-01&to=${END}`;
const NO_REQUEST = { ip: null, userAgent: null };

describe.each(testEngines())('share links on %s', (engine) => {
  let db: TestDatabase;
  const revenueByRegion = new Map<string, number>();
  const cookies = new Map<string, string>();

  const cookieOf = async (email: string) => {
    if (!cookies.has(email)) cookies.set(email, await sessionCookie(await sessionClaimsFor(db, email)));
    return cookies.get(email)!;
  };
  const post = async (email: string, body: unknown) => {
    const req = new NextRequest('http://localhost/api/shares', {
      method: 'POST',
      headers: { cookie: await cookieOf(email), 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return createShareRoute(req, { params: Promise.resolve({}) } as never);
  };
  const share = async (email: string, body: Record<string, unknown> = {}) => {
    const res = await post(email, { path: `/dashboards/sales?${RANGE}`, expiresInDays: 7, ...body });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; url: string; expiresAt: string | null; regions: string[] };
    return { ...created, token: new URL(created.url).pathname.split('/')[2]! };
  };
  const revoke = async (email: string, id: string) =>
    revokeShareRoute(new NextRequest(`http://localhost/api/shares/${id}`, { method: 'DELETE', headers: { cookie: await cookieOf(email) } }), {
      params: Promise.resolve({ id }),
    });
  const sharedScope = async (token: string): Promise<ShareScope> => {
    const result = await scopeFromShare(token);
    if (!result.ok) throw new Error(`share not usable: ${result.reason}`);
    return result.scope;
  };
  const exportCsv = (token: string, query: string) =>
    sharedExportRoute(getRequest(`/s/${token}/export?${query}`), { params: Promise.resolve({ token }) });
  const gate = (path: string) => middleware(new NextRequest(new URL(path, 'http://localhost')));
  const adminActor = async () => actorOf((await scopeFor(db, 'admin@retailwave.test')) as UserScope, NO_REQUEST);
  const userId = async (email: string) => (await sessionClaimsFor(db, email)).sub;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await seedDemoData(db.db, { lines: 8_000, seed: 11, now: new Date(Date.parse(END) + 86_400_000), timeZone: 'UTC' });
    await prepareUsers(db);
    for (const [region, revenue] of await silverRevenueByRegion(db.db, { from: '2026-05-01', to: END })) revenueByRegion.set(region, revenue);
  }, 120_000);
  afterAll(() => db.destroy());

  it('a link shared by the East manager shows East only, whatever is added to its URL', async () => {
    const link = await share('east.manager@retailwave.test', { label: 'Board review' });
    expect(link.url).toMatch(/^http:\/\/localhost\/s\/[A-Za-z0-9_-]{43}$/);
    expect(link.regions).toEqual(['East']);
    const scope = await sharedScope(link.token);
    expect(scope.regions).toEqual(['East']);

    for (const tampered of ['regions=West', 'regions=East,West', 'regions=West,North,South,Central', `stores=${await foreignStore('West')}`]) {
      const loaded = await buildDashboardView(scope, new URLSearchParams(`${RANGE}&${tampered}`), { basePath: '/s/x', exportPath: '/s/x/export', shared: true });
      if (!loaded.ok) throw new Error(loaded.message);
      expect(loaded.view.removed.length).toBeGreaterThan(0);
      const filters = loaded.view.filtersFor();
      expect(filters.regionIds).toEqual([1]);
      const { kpis } = await getKpis(db.db, scope, filters, KPI_OPTIONS);
      expect(kpis.revenue).toBeCloseTo(revenueByRegion.get('East')!, 2);
      expect(loaded.view.options.regions).toEqual(['East']);
    }

    // The export route refuses the other region outright (the link does not allow export either).
    expect((await exportCsv(link.token, `${RANGE}&regions=West`)).status).toBe(403);
    // Middleware lets the link through whatever the URL asks; the page does the clipping.
    expect((await gate(`/s/${link.token}?regions=West`)).headers.get('x-middleware-rewrite')).toBeNull();
  });

  it('a tampered or unknown token is a 404, never someone else’s link', async () => {
    const link = await share('east.manager@retailwave.test');
    const last = link.token.at(-1) === 'A' ? 'B' : 'A';
    for (const token of [`${link.token.slice(0, -1)}${last}`, link.token.slice(1), `${link.token}x`, 'x', "' or 1=1 --"]) {
      expect(await scopeFromShare(token)).toEqual({ ok: false, reason: 'unknown' });
      const res = await exportCsv(token, RANGE);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { code: 'share_not_found', message: expect.any(String) } });
    }
    const page = await gate(`/s/${link.token.slice(0, -1)}${last}`);
    expect(page.status).toBe(404);
    expect(page.headers.get('x-middleware-rewrite')).toContain('/share-unavailable?reason=unknown');
  });

  it('stores only the token hash', async () => {
    const link = await share('east.manager@retailwave.test');
    const [row] = await queryRows<{ leaked: number }>(
      db.db,
      sql`select count(*)::int as leaked from app.share_links s where s::text like ${`%${link.token}%`}`,
    );
    expect(row!.leaked).toBe(0);
    const audit = await queryRows<{ leaked: number }>(db.db, sql`select count(*)::int as leaked from app.audit_log a where a::text like ${`%${link.token}%`}`);
    expect(audit[0]!.leaked).toBe(0);
  });

  it('expiry stops the link at the moment it passes', async () => {
    const link = await share('east.manager@retailwave.test', { expiresInDays: 1 });
    const expiresAt = new Date(link.expiresAt!);
    expect(Math.abs(expiresAt.getTime() - Date.now() - 86_400_000)).toBeLessThan(60_000);
    expect((await scopeFromShare(link.token, new Date(expiresAt.getTime() - 1_000))).ok).toBe(true);
    expect(await scopeFromShare(link.token, expiresAt)).toEqual({ ok: false, reason: 'expired' });
    await db.db.execute(sql`update app.share_links set expires_at = now() - interval '1 second' where id = ${link.id}::uuid`);
    const page = await gate(`/s/${link.token}`);
    expect(page.status).toBe(410);
    expect(page.headers.get('x-middleware-rewrite')).toContain('reason=expired');
    expect((await exportCsv(link.token, RANGE)).status).toBe(410);
  });

  it('revocation stops the link on its next request, and only the owner or an admin may revoke', async () => {
    const link = await share('east.manager@retailwave.test', { label: 'to revoke' });
    expect((await revoke('analyst@retailwave.test', link.id)).status).toBe(403);
    const other = await share('admin@retailwave.test', { label: 'admin link' });
    expect((await revoke('east.manager@retailwave.test', other.id)).status).toBe(404);
    expect((await revoke('east.manager@retailwave.test', 'not-a-uuid')).status).toBe(400);

    const res = await revoke('east.manager@retailwave.test', link.id);
    expect(res.status).toBe(200);
    expect(await scopeFromShare(link.token)).toEqual({ ok: false, reason: 'revoked' });
    const page = await gate(`/s/${link.token}`);
    expect(page.status).toBe(410);
    const stream = await sharedStreamRoute(getRequest(`/s/${link.token}/stream`), { params: Promise.resolve({ token: link.token }) });
    expect(stream.status).toBe(410);
    expect((await stream.json()).error.code).toBe('share_revoked');
    expect((await revoke('east.manager@retailwave.test', link.id)).status).toBe(200);
    expect((await revoke('admin@retailwave.test', other.id)).status).toBe(200);

    const audit = await queryRows<{ action: string; actor_email: string }>(
      db.db,
      sql`select action, actor_email from app.audit_log where target in (${link.id}, ${other.id}) order by id`,
    );
    expect(audit).toEqual([
      { action: 'share_created', actor_email: 'east.manager@retailwave.test' },
      { action: 'share_created', actor_email: 'admin@retailwave.test' },
      { action: 'share_revoked', actor_email: 'east.manager@retailwave.test' },
      { action: 'share_revoked', actor_email: 'admin@retailwave.test' },
    ]);
  });

  it("deactivating the sharer stops their links at once; reactivating brings them back", async () => {
    const link = await share('east.manager@retailwave.test');
    const manager = await userId('east.manager@retailwave.test');
    await setUserActive(db.db, await adminActor(), { userId: manager, active: false });
    try {
      expect(await scopeFromShare(link.token)).toEqual({ ok: false, reason: 'stopped' });
      expect((await gate(`/s/${link.token}`)).status).toBe(410);
    } finally {
      await setUserActive(db.db, await adminActor(), { userId: manager, active: true });
      cookies.delete('east.manager@retailwave.test');
    }
    expect((await scopeFromShare(link.token)).ok).toBe(true);
  });

  it('a sharer who loses a region shrinks their links; losing the share permission stops them', async () => {
    const manager = await userId('east.manager@retailwave.test');
    const actor = await adminActor();
    await changeUserRegions(db.db, actor, { userId: manager, regions: ['East', 'West'] });
    cookies.delete('east.manager@retailwave.test');
    try {
      const link = await share('east.manager@retailwave.test');
      expect((await sharedScope(link.token)).regions).toEqual(['East', 'West']);
      await changeUserRegions(db.db, actor, { userId: manager, regions: ['East'] });
      const shrunk = await sharedScope(link.token);
      expect(shrunk.regions).toEqual(['East']);
      const { kpis } = await getKpis(db.db, shrunk, (await viewOf(shrunk, RANGE)).filtersFor(), KPI_OPTIONS);
      expect(kpis.revenue).toBeCloseTo(revenueByRegion.get('East')!, 2);

      await changeUserRole(db.db, actor, { userId: manager, role: 'analyst' });
      expect(await scopeFromShare(link.token)).toEqual({ ok: false, reason: 'stopped' });
    } finally {
      await changeUserRole(db.db, actor, { userId: manager, role: 'manager' });
      await changeUserRegions(db.db, actor, { userId: manager, regions: ['East'] });
      cookies.delete('east.manager@retailwave.test');
    }
  });

  it('a link restricted to fewer regions shows only those, and cannot name regions the sharer lacks', async () => {
    const link = await share('admin@retailwave.test', { regions: ['North', 'South'], expiresInDays: null, path: `/dashboards/sales?${RANGE}&regions=North,West` });
    expect(link.expiresAt).toBeNull();
    const scope = await sharedScope(link.token);
    expect(scope.regions).toEqual(['North', 'South']);
    // West was dropped from the stored view when the link was made.
    const [row] = await queryRows<{ query: string }>(db.db, sql`select query from app.share_links where id = ${link.id}::uuid`);
    expect(row!.query).toContain('regions=North');
    expect(row!.query).not.toContain('West');

    // Stores and selections outside the link's regions are dropped too, so no visitor is told "removed".
    const [north, west] = [await foreignStore('North'), await foreignStore('West')];
    const narrowed = await share('admin@retailwave.test', {
      regions: ['North'], path: `/dashboards/sales?${RANGE}&stores=${north},${west}&sel=store:${west},category:Fresh`,
    });
    const [stored] = await queryRows<{ query: string }>(db.db, sql`select query from app.share_links where id = ${narrowed.id}::uuid`);
    const state = new URLSearchParams(stored!.query);
    expect({ stores: state.get('stores'), sel: state.get('sel') }).toEqual({ stores: north, sel: 'category:Fresh' });
    const visit = await buildDashboardView(await sharedScope(narrowed.token), state, { basePath: '/s/x', exportPath: null, shared: true });
    if (!visit.ok) throw new Error(visit.message);
    expect(visit.view.removed).toEqual([]);

    const refused = await post('east.manager@retailwave.test', { path: '/dashboards/sales', expiresInDays: 7, regions: ['West'] });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe('forbidden_region');
  });

  it('export works through the link only when the sharer allowed it, and stays in the link’s regions', async () => {
    const closed = await share('east.manager@retailwave.test');
    expect(scopeCan(await sharedScope(closed.token), 'export')).toBe(false);
    expect((await exportCsv(closed.token, RANGE)).status).toBe(403);

    const open = await share('east.manager@retailwave.test', { allowExport: true });
    const res = await exportCsv(open.token, RANGE);
    expect(res.status).toBe(200);
    const lines = (await res.text()).trim().split('\r\n').slice(1);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.split(',')[4]).toBe('East');
    const [audit] = await queryRows<{ actor_email: string | null; detail: { shareId: string } }>(
      db.db,
      sql`select actor_email, detail from app.audit_log where action = 'export' order by id desc limit 1`,
    );
    expect(audit).toMatchObject({ actor_email: null, detail: { shareId: open.id } });
  });

  it('validates what sharers send, with the contract’s errors', async () => {
    const cases: [string, unknown, number, string][] = [
      ['viewer@retailwave.test', { path: '/dashboards/sales', expiresInDays: 7 }, 403, 'forbidden'],
      ['analyst@retailwave.test', { path: '/dashboards/sales', expiresInDays: 7 }, 403, 'forbidden'],
      ['east.manager@retailwave.test', { path: '/dashboards/sales', expiresInDays: null }, 403, 'forbidden'],
      ['east.manager@retailwave.test', { path: '/admin/users', expiresInDays: 7 }, 400, 'invalid_request'],
      ['east.manager@retailwave.test', { path: 'https://evil.example/dashboards/sales', expiresInDays: 7 }, 400, 'invalid_request'],
      ['east.manager@retailwave.test', { path: '/dashboards/sales?from=yesterday', expiresInDays: 7 }, 400, 'invalid_request'],
      ['east.manager@retailwave.test', { path: '/dashboards/sales', expiresInDays: 0 }, 400, 'invalid_request'],
      ['east.manager@retailwave.test', { path: '/dashboards/sales', expiresInDays: 400 }, 400, 'invalid_request'],
      ['east.manager@retailwave.test', { path: '/dashboards/sales' }, 400, 'invalid_request'],
      ['east.manager@retailwave.test', { path: '/dashboards/sales', expiresInDays: 7, regions: [] }, 400, 'invalid_request'],
      ['east.manager@retailwave.test', { path: '/dashboards/sales', expiresInDays: 7, owner: 'admin' }, 400, 'invalid_request'],
      ['east.manager@retailwave.test', 'not json', 400, 'invalid_request'],
    ];
    for (const [email, body, status, code] of cases) {
      const res = await post(email, body);
      expect({ body, status: res.status, code: (await res.json()).error?.code }).toEqual({ body, status, code });
    }
    const anonymous = await createShareRoute(new NextRequest('http://localhost/api/shares', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }), { params: Promise.resolve({}) } as never);
    expect(anonymous.status).toBe(401);
  });

  it('lists a manager’s own links and every link for an admin', async () => {
    const mine = await share('east.manager@retailwave.test', { label: 'listed' });
    const list = async (email: string) => {
      const res = await listSharesRoute(getRequest('/api/shares', await cookieOf(email)), { params: Promise.resolve({}) } as never);
      expect(res.status).toBe(200);
      return ((await res.json()) as { shares: { id: string; createdBy: string; status: string }[] }).shares;
    };
    const managers = await list('east.manager@retailwave.test');
    expect(managers.map((s) => s.id)).toContain(mine.id);
    expect(new Set(managers.map((s) => s.createdBy))).toEqual(new Set(['east.manager@retailwave.test']));
    const admins = await list('admin@retailwave.test');
    expect(new Set(admins.map((s) => s.createdBy))).toEqual(new Set(['east.manager@retailwave.test', 'admin@retailwave.test']));
    expect(admins.find((s) => s.id === mine.id)?.status).toBe('active');
    const viewer = await listSharesRoute(getRequest('/api/shares', await cookieOf('viewer@retailwave.test')), { params: Promise.resolve({}) } as never);
    expect(viewer.status).toBe(403);
  });

  it('counts every view and audits at most one per link per interval', async () => {
    const link = await share('east.manager@retailwave.test');
    const first = await recordShareView(db.db, link.id, { ip: '203.0.113.9', userAgent: 'test' });
    const second = await recordShareView(db.db, link.id, NO_REQUEST);
    const third = await recordShareView(db.db, link.id, NO_REQUEST);
    expect([first.audited, second.audited, third.audited]).toEqual([true, false, false]);
    const [row] = await queryRows<{ view_count: number; viewed: boolean; audits: number }>(
      db.db,
      sql`select view_count, last_viewed_at is not null as viewed,
            (select count(*)::int from app.audit_log where action = 'share_viewed' and target = ${link.id}) as audits
          from app.share_links where id = ${link.id}::uuid`,
    );
    expect(row).toEqual({ view_count: 3, viewed: true, audits: 1 });
  });

  it('streams live changes to a valid link', async () => {
    const link = await share('east.manager@retailwave.test');
    const abort = new AbortController();
    const req = new NextRequest(new URL(`/s/${link.token}/stream`, 'http://localhost'), { signal: abort.signal });
    const res = await sharedStreamRoute(req, { params: Promise.resolve({ token: link.token }) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain('event: ready');
    abort.abort();
    await reader.cancel();
  });

  const viewOf = async (scope: ShareScope, query: string) => {
    const loaded = await buildDashboardView(scope, new URLSearchParams(query), { basePath: '/s/x', exportPath: null, shared: true });
    if (!loaded.ok) throw new Error(loaded.message);
    return loaded.view;
  };
  async function foreignStore(region: string): Promise<string> {
    const [row] = await queryRows<{ code: string }>(db.db, sql`select store_code as code from silver.stores where region = ${region} order by store_code limit 1`);
    return row!.code;
  }
});
