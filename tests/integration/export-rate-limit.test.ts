/**
 * The export budget: each person gets EXPORT_RATE_LIMIT exports per window, then 429 with Retry-After and
 * the contract's error body; another user's budget is untouched, and a refused export is not audited.
 * Share links spend their creator's budget, and an export the query refuses (a store outside the scope or
 * unknown, a bad filter) is a JSON error before any 200: not audited, not charged.
 */
process.env.AUTH_SECRET ??= 'test-secret-test-secret-test-secret-0123';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { GET as exportRoute } from '@/app/api/export/route';
import { GET as sharedExportRoute } from '@/app/s/[token]/export/route';
import type { UserScope } from '@/lib/auth/scope';
import { EXPORT_RATE_LIMIT, exportBudgetKey, resetExportAllowance } from '@/lib/export/rate-limit';
import { rateLimiter } from '@/lib/rate-limit/process-limiters';
import { seedDemoData } from '@/lib/seed';
import { createShare } from '@/lib/shares/create-share';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';
import { prepareUsers, scopeFor, sessionClaimsFor } from '../helpers/scopes';
import { getRequest, noParams, sessionCookie } from '../helpers/session-cookie';

const RANGE = 'from=2026-06-01&to=2026-06-30';
const NO_REQUEST = { ip: null, userAgent: null };

describe.each(testEngines())('export budget and refusals on %s', (engine) => {
  let db: TestDatabase;
  const budget = rateLimiter(EXPORT_RATE_LIMIT);

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await seedDemoData(db.db, { lines: 2_000, seed: 3, now: new Date('2026-07-01T00:00:00Z'), timeZone: 'UTC' });
    await prepareUsers(db);
  }, 120_000);
  afterAll(() => db.destroy());

  const exportAs = async (email: string, query = RANGE) =>
    exportRoute(getRequest(`/api/export?format=csv&${query}`, await sessionCookie(await sessionClaimsFor(db, email))), noParams);
  const exportThrough = (token: string) => sharedExportRoute(getRequest(`/s/${token}/export?${RANGE}`), { params: Promise.resolve({ token }) });
  const exportsAudited = async () =>
    (await queryRows<{ n: number }>(db.db, sql`select count(*)::int as n from app.audit_log where action = 'export'`))[0]!.n;
  // What is left of a budget: one taken and given back (the limiter counts atomically and has no peek).
  const remaining = async (email: string) => {
    const key = exportBudgetKey(await scopeFor(db, email));
    const taken = await budget.take(key);
    if (taken.allowed) await budget.refund(key);
    return taken.allowed ? taken.remaining + 1 : 0;
  };
  const westStore = async () =>
    (await queryRows<{ store_code: string }>(db.db, sql`select store_code from gold.dim_store where region_id = 2 order by store_code limit 1`))[0]!.store_code;

  it(`allows ${EXPORT_RATE_LIMIT.limit} exports per window, then answers 429 with Retry-After`, async () => {
    await resetExportAllowance(await scopeFor(db, 'analyst@retailwave.test'));
    for (let i = 0; i < EXPORT_RATE_LIMIT.limit; i++) {
      const res = await exportAs('analyst@retailwave.test');
      expect(res.status).toBe(200);
      await res.text();
    }
    const audited = await exportsAudited();
    const refused = await exportAs('analyst@retailwave.test');
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(EXPORT_RATE_LIMIT.windowMs / 1000);
    expect(await refused.json()).toEqual({ error: { code: 'rate_limited', message: expect.stringContaining('Too many exports') } });
    expect(await exportsAudited()).toBe(audited);

    const other = await exportAs('east.manager@retailwave.test');
    expect(other.status).toBe(200);
    await other.text();
  });

  it('refuses an unknown or out-of-scope store, or a bad filter, with a JSON error before any 200: not audited, not charged', async () => {
    const email = 'east.manager@retailwave.test';
    await resetExportAllowance(await scopeFor(db, email));
    const audited = await exportsAudited();
    const before = await remaining(email);
    const cases: [string, number, string][] = [
      [`${RANGE}&stores=S999`, 403, 'forbidden_region'],
      [`${RANGE}&stores=${await westStore()}`, 403, 'forbidden_region'],
      [`${RANGE}&sel=store:S999`, 403, 'forbidden_region'],
      [`${RANGE}&regions=West`, 403, 'forbidden_region'],
      ['from=2026-06-31', 400, 'invalid_request'],
      [`${RANGE}&sort=password`, 400, 'invalid_request'],
    ];
    for (const [query, status, code] of cases) {
      const res = await exportAs(email, query);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect({ query, status: res.status, body: await res.json() }).toEqual({ query, status, body: { error: { code, message: expect.any(String) } } });
    }
    expect(await exportsAudited()).toBe(audited);
    expect(await remaining(email)).toBe(before);
  });

  it("counts every share link's exports against the person who made it, so more links do not mean more exports", async () => {
    const email = 'east.manager@retailwave.test';
    const manager = (await scopeFor(db, email)) as UserScope;
    await resetExportAllowance(manager);
    const links = [];
    for (let i = 0; i < 4; i++) {
      const created = await createShare(db.db, manager, { path: '/dashboards/sales', expiresInDays: 7, allowExport: true, label: `link ${i}` }, NO_REQUEST);
      links.push(created.path.split('/')[2]!);
    }
    const half = EXPORT_RATE_LIMIT.limit / 2;
    for (let i = 0; i < EXPORT_RATE_LIMIT.limit; i++) {
      const res = i < half ? await exportThrough(links[i % 3]!) : await exportAs(email);
      expect(res.status).toBe(200);
      await res.text();
    }
    // a link never used before, and the manager's own export: both out of the one budget
    const fresh = await exportThrough(links[3]!);
    expect(fresh.status).toBe(429);
    expect((await fresh.json()).error.code).toBe('rate_limited');
    expect((await exportAs(email)).status).toBe(429);
  });
});
