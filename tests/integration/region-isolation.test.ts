/**
 * Region isolation: for every demo role, every query export and every data route, nothing from outside
 * the caller's regions appears — checked against independent SQL totals per region, including filters
 * that try to escape (another region, another region's store, mixed lists, SQL metacharacters, huge
 * lists, empty strings).
 */
process.env.AUTH_SECRET ??= 'test-secret-test-secret-test-secret-0123';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { GET as getKpisRoute } from '@/app/api/metrics/kpis/route';
import { GET as getBreakdownRoute } from '@/app/api/metrics/breakdown/route';
import { GET as getTransactionsRoute } from '@/app/api/transactions/route';
import { GET as getExportRoute } from '@/app/api/export/route';
import type { Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import { scopeFiltersFromParams } from '@/lib/auth/scoped-filters';
import { getKpis } from '@/lib/queries/get-kpis';
import { BREAKDOWN_DIMENSIONS, getBreakdown } from '@/lib/queries/get-breakdown';
import { seedDemoData } from '@/lib/seed';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';
import { prepareUsers, scopeFor, sessionClaimsFor } from '../helpers/scopes';
import { getRequest, noParams, sessionCookie } from '../helpers/session-cookie';
import { silverRevenueByRegion } from '../helpers/silver-truth';

/** The KPIs these tests check are the period's own; what they are compared with does not matter here. */
const KPI_OPTIONS = { compare: 'previous', today: '2026-12-01' } as const;

const END = '2026-06-30';
const RANGE = { from: '2026-04-01', to: END };
const USERS = [
  { email: 'admin@retailwave.test', regions: ['Central', 'East', 'North', 'South', 'West'] },
  { email: 'east.manager@retailwave.test', regions: ['East'] },
  { email: 'analyst@retailwave.test', regions: ['East', 'West'] },
  { email: 'viewer@retailwave.test', regions: ['South'] },
];
const ALL_REGIONS = ['Central', 'East', 'North', 'South', 'West'];

describe.each(testEngines())('region isolation on %s', (engine) => {
  let db: TestDatabase;
  /** Independent truth: revenue (net) and store codes per region over RANGE, read as the owner without RLS. */
  const revenueByRegion = new Map<string, number>();
  const storesByRegion = new Map<string, string[]>();

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await seedDemoData(db.db, { lines: 20_000, seed: 7, now: new Date(Date.parse(END) + 86_400_000), timeZone: 'UTC' });
    await prepareUsers(db);
    for (const [region, revenue] of await silverRevenueByRegion(db.db, RANGE)) revenueByRegion.set(region, revenue);
    const stores = await queryRows<{ region: string; codes: string[] }>(
      db.db,
      sql`select region, array_agg(store_code order by store_code) as codes from silver.stores group by region`,
    );
    for (const s of stores) storesByRegion.set(s.region, s.codes);
    expect(revenueByRegion.size).toBe(5);
  }, 120_000);
  afterAll(() => db.destroy());

  const expectedRevenue = (regions: string[]) => regions.reduce((sum, r) => sum + (revenueByRegion.get(r) ?? 0), 0);
  const params = (extra: Record<string, string> = {}) => new URLSearchParams({ ...RANGE, ...extra });

  describe.each(USERS)('$email', ({ email, regions }) => {
    let scope: Scope;
    const outside = ALL_REGIONS.filter((r) => !regions.includes(r));

    beforeAll(async () => {
      scope = await scopeFor(db, email);
    });

    it('has exactly its regions in scope', () => {
      expect([...scope.regions].sort()).toEqual(regions);
    });

    it('KPIs equal the independent total of its regions, to the cent', async () => {
      const { kpis } = await getKpis(db.db, scope, scopeFiltersFromParams(params(), scope, 'UTC'), KPI_OPTIONS);
      expect(kpis.revenue).toBeCloseTo(expectedRevenue(regions), 2);
    });

    it.each(BREAKDOWN_DIMENSIONS)('breakdown by %s sums to its regions only', async (dimension) => {
      const rows = await getBreakdown(db.db, scope, scopeFiltersFromParams(params(), scope, 'UTC'), dimension, 5_000);
      const total = rows.reduce((s, r) => s + r.revenue, 0);
      expect(total).toBeCloseTo(expectedRevenue(regions), 1);
      for (const row of rows) if (row.region) expect(regions).toContain(row.region);
    });

    it('store breakdown names only stores of its regions', async () => {
      const rows = await getBreakdown(db.db, scope, scopeFiltersFromParams(params(), scope, 'UTC'), 'store');
      const allowed = new Set(regions.flatMap((r) => storesByRegion.get(r) ?? []));
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(allowed.has(row.key)).toBe(true);
    });

    if (outside.length > 0) {
      it('refuses a filter naming another region, alone or mixed with its own', () => {
        for (const list of [outside[0], `${regions[0]},${outside[0]}`, outside.join(',')]) {
          expect(() => scopeFiltersFromParams(params({ regions: list }), scope, 'UTC')).toThrow(
            expect.objectContaining({ status: 403, code: 'forbidden_region' }),
          );
        }
      });

      it("refuses another region's store, alone or mixed with its own", async () => {
        const foreign = storesByRegion.get(outside[0])![0];
        const own = storesByRegion.get(regions[0])![0];
        for (const stores of [foreign, `${own},${foreign}`]) {
          const filters = scopeFiltersFromParams(params({ stores }), scope, 'UTC');
          await expect(getKpis(db.db, scope, filters, KPI_OPTIONS)).rejects.toMatchObject({ status: 403, code: 'forbidden_region' });
        }
      });
    }

    it('treats empty strings as no filter and stays inside its regions', async () => {
      const filters = scopeFiltersFromParams(params({ regions: '', stores: ',', categories: ' ', segments: '' }), scope, 'UTC');
      const { kpis } = await getKpis(db.db, scope, filters, KPI_OPTIONS);
      expect(kpis.revenue).toBeCloseTo(expectedRevenue(regions), 2);
    });

    it('refuses SQL metacharacters and huge lists with a 400, never a query', () => {
      const attempts: Record<string, string>[] = [
        { categories: "Grocery'; drop table gold.fact_sales; --" },
        { stores: "S001' or '1'='1" },
        { regions: "East' or 1=1 --" },
        { stores: Array.from({ length: 500 }, (_, i) => `S${String(i).padStart(3, '0')}`).join(',') },
      ];
      for (const bad of attempts) {
        let error: unknown;
        try {
          scopeFiltersFromParams(params(bad), scope, 'UTC');
        } catch (e) {
          error = e;
        }
        expect(error).toBeDefined();
        const status = error instanceof AppError ? error.status : 400;
        expect([400, 403]).toContain(status);
      }
    });

    it('gets the same answers through the HTTP routes, and 403 for escapes', async () => {
      const cookie = await sessionCookie(await sessionClaimsFor(db, email));
      const kpiRes = await getKpisRoute(getRequest(`/api/metrics/kpis?${params()}`, cookie), noParams);
      expect(kpiRes.status).toBe(200);
      expect((await kpiRes.json()).kpis.revenue).toBeCloseTo(expectedRevenue(regions), 2);

      const regionRes = await getBreakdownRoute(getRequest(`/api/metrics/breakdown?dimension=region&${params()}`, cookie), noParams);
      const body = await regionRes.json();
      expect(body.rows.map((r: { key: string }) => r.key).sort()).toEqual(regions);
      const text = JSON.stringify(body);
      for (const r of outside) expect(text).not.toContain(r);

      const linesRes = await getTransactionsRoute(getRequest(`/api/transactions?${params({ pageSize: '500' })}`, cookie), noParams);
      const lines = await linesRes.json();
      expect(linesRes.status).toBe(200);
      expect(lines.rows.length).toBeGreaterThan(0);
      for (const row of lines.rows) expect(regions).toContain(row.region);
      expect(lines.totals.net).toBeCloseTo(expectedRevenue(regions), 1);

      const exportRes = await getExportRoute(getRequest(`/api/export?${params({ format: 'csv' })}`, cookie), noParams);
      if (email === 'viewer@retailwave.test') {
        expect(exportRes.status).toBe(403);
      } else {
        const csv = (await exportRes.text()).trim().split('\r\n').slice(1);
        expect(csv.length).toBe(lines.total);
        for (const line of csv) expect(regions).toContain(line.split(',')[4]);
      }

      if (outside.length > 0) {
        for (const route of [getKpisRoute, getTransactionsRoute, getExportRoute]) {
          const escape = await route(getRequest(`/api/x?${params({ regions: outside[0], format: 'csv' })}`, cookie), noParams);
          expect(escape.status).toBe(403);
          expect(await escape.json()).toEqual({ error: { code: email === 'viewer@retailwave.test' && route === getExportRoute ? 'forbidden' : 'forbidden_region', message: expect.any(String) } });
        }
      }
    });
  });

  it('answers 401 without a session and with a forged cookie', async () => {
    const none = await getKpisRoute(getRequest(`/api/metrics/kpis?${params()}`), noParams);
    expect(none.status).toBe(401);
    const forged = await getKpisRoute(getRequest(`/api/metrics/kpis?${params()}`, 'next-auth.session-token=not-a-token'), noParams);
    expect(forged.status).toBe(401);
  });
});
