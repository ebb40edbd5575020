/**
 * What the KPI cards compare with, against independent SQL over gold.fact_sales: the previous whole month
 * (not the previous 30 days), the same days a year earlier, and the elapsed part of a running month; the
 * like-for-like growth over stores with a sale in both periods; year-over-year growth whatever `compare`
 * says; and the HTTP answer (`compare`, `previousRange`, 400 on a bad choice, 403 outside the scope).
 */
process.env.AUTH_SECRET ??= 'test-secret-test-secret-test-secret-0123';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { GET as getKpisRoute } from '@/app/api/metrics/kpis/route';
import type { Scope } from '@/lib/auth/scope';
import { scopeFilters } from '@/lib/auth/scoped-filters';
import { addMonthsClamped, comparePeriods, type CompareMode, type DayRange } from '@/lib/calendar/comparison';
import { addDays, dateKeyOf, todayIn } from '@/lib/calendar/days';
import { parseDashboardState } from '@/lib/filters/dashboard-state';
import { regionIdOf, type RegionName } from '@/lib/filters/regions';
import { smallintArray } from '@/db/sql';
import { getKpis } from '@/lib/queries/get-kpis';
import { seedDemoData } from '@/lib/seed';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';
import { prepareUsers, scopeFor, sessionClaimsFor } from '../helpers/scopes';
import { getRequest, noParams, sessionCookie } from '../helpers/session-cookie';

const END = '2026-06-30';
const AFTER = addDays(END, 1);

interface Truth {
  revenue: number;
  transactions: number;
  units: number;
  discount: number;
  customers: number;
}

describe.each(testEngines())('KPI comparisons on %s', (engine) => {
  let db: TestDatabase;
  let admin: Scope;
  let east: Scope;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await seedDemoData(db.db, { lines: 15_000, seed: 23, now: new Date(`${AFTER}T00:00:00Z`), timeZone: 'UTC' });
    await prepareUsers(db);
    admin = await scopeFor(db, 'admin@retailwave.test');
    east = await scopeFor(db, 'east.manager@retailwave.test');
  }, 180_000);
  afterAll(() => db.destroy());

  const filtersFor = (scope: Scope, query: string) => scopeFilters(parseDashboardState(new URLSearchParams(query)), scope, { timeZone: 'UTC' });

  /** Region restriction of the independent SQL (fact rows carry their region). */
  const inRegions = (regions?: string[]) => (regions ? sql`and f.region_id = any(${smallintArray(regions.map((r) => regionIdOf(r as RegionName)!))})` : sql``);

  async function truth({ from, to }: DayRange, regions?: string[]): Promise<Truth> {
    const [row] = await queryRows<Truth>(db.db, sql`
      select coalesce(sum(f.net), 0)::float8 as revenue, count(distinct f.transaction_id)::float8 as transactions,
        coalesce(sum(f.quantity), 0)::float8 as units, coalesce(sum(f.discount), 0)::float8 as discount,
        count(distinct c.customer_id)::float8 as customers
      from gold.fact_sales f left join gold.dim_customer c on c.customer_sk = f.customer_sk
      where f.date_key between ${dateKeyOf(from)} and ${dateKeyOf(to)} ${inRegions(regions)}`);
    return row;
  }

  /** Revenue growth over the stores with a line in both ranges, and how many there are. */
  async function likeForLikeTruth(current: DayRange, previous: DayRange, regions?: string[]) {
    const perStore = (r: DayRange) => sql`select f.store_key, sum(f.net) as net from gold.fact_sales f
      where f.date_key between ${dateKeyOf(r.from)} and ${dateKeyOf(r.to)} ${inRegions(regions)} group by f.store_key`;
    const [row] = await queryRows<{ now: number | null; before: number | null; stores: number }>(db.db, sql`
      select sum(c.net)::float8 as now, sum(p.net)::float8 as before, count(*)::int as stores
      from (${perStore(current)}) c join (${perStore(previous)}) p on p.store_key = c.store_key`);
    return { growth: row.before ? (row.now! - row.before) / row.before : null, stores: row.stores };
  }

  function expectKpisMatch(kpis: { revenue: number; transactions: number; units: number; discount: number; uniqueCustomers: number }, t: Truth) {
    expect(kpis.revenue).toBeCloseTo(t.revenue, 1);
    expect(kpis.transactions).toBe(t.transactions);
    expect(kpis.units).toBe(t.units);
    expect(kpis.discount).toBeCloseTo(t.discount, 1);
    expect(kpis.uniqueCustomers).toBe(t.customers);
  }

  it.each<[string, string, CompareMode, string, DayRange]>([
    ['a whole month vs the previous whole month', 'from=2026-05-01&to=2026-05-31', 'previous', AFTER, { from: '2026-04-01', to: '2026-04-30' }],
    ['a whole month vs the same days last year', 'from=2026-05-01&to=2026-05-31', 'year', AFTER, { from: '2025-05-01', to: '2025-05-31' }],
    ['a quarter vs the quarter before', 'from=2026-04-01&to=2026-06-30', 'previous', AFTER, { from: '2026-01-01', to: '2026-03-31' }],
    ['a running month on its 10th vs the 1st–10th of last month', 'from=2026-06-01&to=2026-06-30', 'previous', '2026-06-10', { from: '2026-05-01', to: '2026-05-10' }],
    ['a running month on its 10th vs the same days last year', 'from=2026-06-01&to=2026-06-30', 'year', '2026-06-10', { from: '2025-06-01', to: '2025-06-10' }],
    ['month to date vs the same elapsed days of last month', 'from=2026-06-01&to=2026-06-10', 'previous', '2026-06-10', { from: '2026-05-01', to: '2026-05-10' }],
    ['any other run of days vs as many days before', 'from=2026-05-10&to=2026-06-08', 'previous', AFTER, { from: '2026-04-10', to: '2026-05-09' }],
  ])('%s', async (_name, query, compare, today, expected) => {
    const filters = filtersFor(admin, query);
    const result = await getKpis(db.db, admin, filters, { compare, today });
    expect(result.compare).toBe(compare);
    expect(result.previousRange).toEqual(expected);
    expectKpisMatch(result.previous, await truth(expected));
    expectKpisMatch(result.kpis, await truth(filters));
    const yearAgo = await truth(comparePeriods(filters, 'year', today).range);
    expect(result.kpis.yearOverYear).toBeCloseTo((result.kpis.revenue - yearAgo.revenue) / yearAgo.revenue, 6);
    const lfl = await likeForLikeTruth(filters, expected);
    expect(lfl.stores).toBeGreaterThan(0);
    expect(result.kpis.likeForLike).toBeCloseTo(lfl.growth!, 6);
  });

  it('a running month is not compared with the whole of last month (the guarded rule)', async () => {
    const filters = filtersFor(admin, 'from=2026-06-01&to=2026-06-30');
    const running = await getKpis(db.db, admin, filters, { compare: 'previous', today: '2026-06-10' });
    const whole = await truth({ from: '2026-05-01', to: '2026-05-31' });
    expect(running.previous.revenue).toBeLessThan(whole.revenue * 0.6);
  });

  it('like-for-like leaves out a store that opened in the period: it had no sale in the one compared with', async () => {
    // the store whose first sale is latest opened on the first of that month (lib/seed/stores.ts)
    const [opened] = await queryRows<{ store_key: number; first_day: string }>(db.db, sql`
      select f.store_key, min(d.date)::text as first_day from gold.fact_sales f join gold.dim_date d on d.date_key = f.date_key
      group by f.store_key order by min(d.date) desc limit 1`);
    const from = `${opened.first_day.slice(0, 7)}-01`;
    const range = { from, to: addDays(addMonthsClamped(from, 1), -1) };
    const filters = filtersFor(admin, `from=${range.from}&to=${range.to}`);
    const result = await getKpis(db.db, admin, filters, { compare: 'previous', today: AFTER });
    const lfl = await likeForLikeTruth(range, result.previousRange);
    const all = await truth(range);
    const before = await truth(result.previousRange);
    expect(result.kpis.likeForLike).toBeCloseTo(lfl.growth!, 6);
    // counting the new store as well would give the plain growth of all revenue
    expect(Math.abs(result.kpis.likeForLike! - (all.revenue - before.revenue) / before.revenue)).toBeGreaterThan(0.0005);
  });

  it('like-for-like and year over year within a region filter read the region only', async () => {
    const filters = filtersFor(east, 'from=2026-05-01&to=2026-05-31&compare=year');
    const result = await getKpis(db.db, east, filters, { compare: 'year', today: AFTER });
    const lfl = await likeForLikeTruth(filters, { from: '2025-05-01', to: '2025-05-31' }, ['East']);
    expect(result.kpis.likeForLike).toBeCloseTo(lfl.growth!, 6);
    expectKpisMatch(result.previous, await truth({ from: '2025-05-01', to: '2025-05-31' }, ['East']));
  });

  it('a whole year compares with the year before under either choice, and each answer names its own (the cache keys on it)', async () => {
    const filters = filtersFor(admin, 'from=2025-01-01&to=2025-12-31');
    const previous = await getKpis(db.db, admin, filters, { compare: 'previous', today: AFTER });
    const year = await getKpis(db.db, admin, filters, { compare: 'year', today: AFTER });
    expect(previous.previousRange).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(year.previousRange).toEqual(previous.previousRange);
    expect([previous.compare, year.compare]).toEqual(['previous', 'year']);
  });

  it('a period with no sales has no growth to show', async () => {
    const result = await getKpis(db.db, admin, filtersFor(admin, 'from=2031-01-01&to=2031-01-31'), { compare: 'previous', today: AFTER });
    expect(result.kpis.likeForLike).toBeNull();
    expect(result.kpis.yearOverYear).toBeNull();
  });

  describe('GET /api/metrics/kpis', () => {
    const call = async (email: string, query: string) => {
      const cookie = await sessionCookie(await sessionClaimsFor(db, email));
      return getKpisRoute(getRequest(`/api/metrics/kpis?${query}`, cookie), noParams);
    };

    it('answers with the comparison it made', async () => {
      const res = await call('admin@retailwave.test', 'from=2026-05-01&to=2026-05-31&compare=year');
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.compare).toBe('year');
      expect(body.previousRange).toEqual({ from: '2025-05-01', to: '2025-05-31' });
      expect(body.previous.revenue).toBeCloseTo((await truth(body.previousRange)).revenue, 1);
      expect(typeof body.kpis.likeForLike).toBe('number');
      expect(typeof body.kpis.yearOverYear).toBe('number');
      const plain = await (await call('admin@retailwave.test', 'from=2026-05-01&to=2026-05-31')).json();
      expect(plain.compare).toBe('previous');
      expect(plain.previousRange).toEqual(comparePeriods({ from: '2026-05-01', to: '2026-05-31' }, 'previous', todayIn('UTC')).range);
      expect(plain.previousRange).toEqual({ from: '2026-04-01', to: '2026-04-30' });
    });

    it.each(['compare=lastyear', 'compare=', 'compare=YEAR', 'compare=previous%27--'])('refuses %s with 400 in the error shape', async (bad) => {
      const res = await call('admin@retailwave.test', `from=2026-05-01&to=2026-05-31&${bad}`);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: { code: expect.any(String), message: expect.stringContaining('compare') } });
    });

    it('keeps the scope whatever the comparison: a region outside it is 403, and its own answer stays in its region', async () => {
      for (const compare of ['previous', 'year']) {
        const res = await call('east.manager@retailwave.test', `from=2026-05-01&to=2026-05-31&compare=${compare}&regions=West`);
        expect(res.status).toBe(403);
        expect((await res.json()).error.code).toBe('forbidden_region');
      }
      const own = await (await call('east.manager@retailwave.test', 'from=2026-05-01&to=2026-05-31&compare=year')).json();
      expect(own.previous.revenue).toBeCloseTo((await truth({ from: '2025-05-01', to: '2025-05-31' }, ['East'])).revenue, 1);
      expect(own.kpis.revenue).toBeCloseTo((await truth({ from: '2026-05-01', to: '2026-05-31' }, ['East'])).revenue, 1);
    });
  });
});
