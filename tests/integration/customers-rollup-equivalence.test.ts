/**
 * The customers dashboard versus raw facts: for random combinations of every filter a view can carry
 * (regions, stores, categories, drilled subcategories, segments, hours, weekdays), ranges that start and
 * end mid-period, and both grains, cohorts, new vs returning and top customers equal plain SQL over
 * gold.fact_sales, whichever rollups the planner chose to answer them.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { intArray, smallintArray, textArray } from '@/db/sql';
import { addPeriods, periodStart, type CohortGrain } from '@/lib/analytics/cohorts';
import type { Scope } from '@/lib/auth/scope';
import { scopeFilters, type ScopedFilters } from '@/lib/auth/scoped-filters';
import { addDays } from '@/lib/calendar/days';
import { parseDashboardState } from '@/lib/filters/dashboard-state';
import { regionNameOf } from '@/lib/filters/regions';
import { REPORT_SEGMENTS } from '@/lib/filters/segments';
import { getCohorts } from '@/lib/queries/get-cohorts';
import { getNewVsReturning } from '@/lib/queries/get-new-vs-returning';
import { getTopCustomers } from '@/lib/queries/get-top-customers';
import { CUSTOMER_HISTORIES, planCustomerHistory } from '@/lib/queries/internal/source-plan';
import { testEngines, type TestDatabase } from '../helpers/database';
import { openRandomViewWorld } from '../helpers/random-view-world';

const END = '2026-06-30';
const COMBINATIONS = 30;

/** mulberry32: a small seeded PRNG, so a failure names a combination that can be replayed. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const some = <T,>(items: readonly T[], max: number): T[] => {
    const pool = [...items];
    return Array.from({ length: Math.min(1 + int(max), pool.length) }, () => pool.splice(int(pool.length), 1)[0]!);
  };
  return { int, some, chance: (p: number) => next() < p };
}

/** The store's own clock, computed here from the sale's instant rather than read from the facts' columns. */
const LOCAL_TIME = sql`(f.occurred_at at time zone coalesce(s.time_zone, 'UTC'))`;
const LINES = sql`gold.fact_sales f
  join gold.dim_date d on d.date_key = f.date_key
  join gold.dim_store s on s.store_key = f.store_key
  join gold.dim_product p on p.product_key = f.product_key
  left join gold.dim_customer c on c.customer_sk = f.customer_sk`;

/** The filters as plain SQL over LINES, for the days up to `to` from `from` (null: all history). */
function linesWhere(f: ScopedFilters, from: string | null): SQL {
  const where: SQL[] = [sql`d.date <= ${f.to}::date`, sql`s.region_id = any(${smallintArray(f.regionIds)})`];
  if (from) where.push(sql`d.date >= ${from}::date`);
  if (f.stores.length) where.push(sql`s.store_code = any(${textArray(f.stores)})`);
  if (f.categories.length) where.push(sql`p.category = any(${textArray(f.categories)})`);
  if (f.subcategories.length) where.push(sql`p.subcategory = any(${textArray(f.subcategories)})`);
  if (f.segments.length) where.push(sql`coalesce(c.segment, 'Guest') = any(${textArray(f.segments)})`);
  if (f.hours.length) where.push(sql`extract(hour from ${LOCAL_TIME}) = any(${intArray(f.hours)})`);
  if (f.weekdays.length) where.push(sql`extract(isodow from ${LOCAL_TIME}) = any(${intArray(f.weekdays)})`);
  if (f.nothing) where.push(sql`false`);
  return sql.join(where, sql` and `);
}

const period = (grain: CohortGrain, day: SQL) => sql`date_trunc(${grain}, (${day})::timestamp)::date`;

describe.each(testEngines())('customers dashboard equals raw facts on %s', (engine) => {
  let db: TestDatabase;
  let scope: Scope;
  let stores: { code: string; region: number }[];
  let categories: string[];
  let subcategories: { category: string; subcategory: string }[];

  beforeAll(async () => {
    ({ db, scope, stores, categories, subcategories } = await openRandomViewWorld(engine, { lines: 12_000, seed: 21, end: END }));
  }, 180_000);
  afterAll(() => db.destroy());

  /**
   * A random view as a dashboard URL makes it, of five kinds in turn: regions and segments only (twice as
   * often), with categories, with a store, hour or weekday (and maybe categories), with a drilled subcategory.
   */
  function combination(seed: number): { f: ScopedFilters; grain: CohortGrain } {
    const r = random(seed);
    const kind = (['plain', 'plain', 'categories', 'finer', 'drilled'] as const)[seed % 5];
    const to = addDays(END, -r.int(120));
    const regionIds = r.chance(0.5) ? [1, 2, 3, 4, 5] : r.some([1, 2, 3, 4, 5], 3).sort();
    const drilled = kind === 'drilled' ? subcategories[r.int(subcategories.length)] : undefined;
    const finer = kind === 'finer' ? r.int(3) : -1;
    const sel = [
      ...(finer === 1 || (finer >= 0 && r.chance(0.3)) ? r.some(Array.from({ length: 24 }, (_, h) => `hour:${h}`), 5) : []),
      ...(finer === 2 || (finer >= 0 && r.chance(0.3)) ? r.some(Array.from({ length: 7 }, (_, w) => `weekday:${w + 1}`), 3) : []),
    ];
    const withStores = finer === 0 || (finer >= 0 && r.chance(0.3));
    const withCategories = kind === 'categories' || (kind !== 'plain' && r.chance(0.5));
    const state = parseDashboardState({
      ...(drilled ? { drill: `${drilled.category}/${drilled.subcategory}` } : {}),
      from: addDays(to, -r.int(420)),
      to,
      regions: regionIds.map((id) => regionNameOf(id)!).join(','),
      stores: (withStores ? r.some(stores.filter((s) => regionIds.includes(s.region)).map((s) => s.code), 3) : []).join(','),
      categories: (withCategories ? r.some(categories, 2) : []).join(','),
      segments: (r.chance(0.4) ? r.some(REPORT_SEGMENTS, 2) : []).join(','),
      sel: sel.join(','),
    });
    return { f: scopeFilters(state, scope, { timeZone: 'UTC' }), grain: r.chance(0.5) ? 'month' : 'week' };
  }

  async function cohortCellsFromFacts(f: ScopedFilters, grain: CohortGrain): Promise<string[]> {
    const rows = await queryRows<{ cell: string }>(db.db, sql`
      with l as (select c.customer_id, d.date from ${LINES} where ${linesWhere(f, null)} and c.customer_id is not null),
      firsts as (select customer_id, min(date) as first from l group by 1)
      select cohort::text || ' ' || period::text || ' ' || count(distinct customer_id) as cell from (
        select l.customer_id, ${period(grain, sql`fi.first`)} as cohort, ${period(grain, sql`l.date`)} as period
        from l join firsts fi using (customer_id)
        where fi.first >= ${periodStart(f.from, grain)}::date) x
      group by cohort, period`);
    return rows.map((r) => r.cell);
  }

  async function newVsReturningFromFacts(f: ScopedFilters, grain: CohortGrain) {
    return queryRows<{ period: string; new: number; returning: number; guest: number; new_customers: number; returning_customers: number }>(db.db, sql`
      with firsts as (
        select c.customer_id, ${period(grain, sql`min(d.date)`)} as cohort from ${LINES}
        where ${linesWhere(f, null)} and c.customer_id is not null group by 1),
      l as (select c.customer_id, f.net, ${period(grain, sql`d.date`)} as period from ${LINES} where ${linesWhere(f, f.from)})
      select l.period::text as period,
        coalesce(sum(l.net) filter (where fi.cohort = l.period), 0)::float8 as new,
        coalesce(sum(l.net) filter (where fi.cohort < l.period), 0)::float8 as returning,
        coalesce(sum(l.net) filter (where l.customer_id is null), 0)::float8 as guest,
        count(distinct l.customer_id) filter (where fi.cohort = l.period)::int as new_customers,
        count(distinct l.customer_id) filter (where fi.cohort < l.period)::int as returning_customers
      from l left join firsts fi using (customer_id)
      group by 1 order by 1`);
  }

  async function topCustomersFromFacts(f: ScopedFilters) {
    return queryRows<{ customer_id: string; revenue: number; orders: number; last: string }>(db.db, sql`
      select c.customer_id, sum(f.net)::float8 as revenue, count(distinct f.transaction_id)::int as orders, max(d.date)::text as last
      from ${LINES} where ${linesWhere(f, f.from)} and c.customer_id is not null
      group by 1 order by sum(f.net) desc, 1 limit 20`);
  }

  const cents = (n: number) => Math.round(n * 100);

  it(`match for ${COMBINATIONS} random views, whatever answers them`, async () => {
    const sources = new Set<string>();
    for (let seed = 1; seed <= COMBINATIONS; seed++) {
      const { f, grain } = combination(seed);
      const plan = planCustomerHistory(f);
      sources.add(plan === 'facts' ? 'facts' : `${plan.history === CUSTOMER_HISTORIES.all ? 'all' : 'category'} ${plan.read}`);

      const triangle = await getCohorts(db.db, scope, f, grain);
      const cells = triangle.rows.flatMap((row) => row.customers.flatMap((n, i) => (n ? [`${row.cohort} ${addPeriods(row.cohort, i, grain)} ${n}`] : [])));
      expect({ seed, cells: cells.sort() }).toEqual({ seed, cells: (await cohortCellsFromFacts(f, grain)).sort() });

      const nvr = await getNewVsReturning(db.db, scope, f, grain);
      const expected = await newVsReturningFromFacts(f, grain);
      expect({ seed, rows: nvr.map((r) => [r.period, cents(r.newRevenue), cents(r.returningRevenue), cents(r.guestRevenue), r.newCustomers, r.returningCustomers]) })
        .toEqual({ seed, rows: expected.map((r) => [r.period, cents(r.new), cents(r.returning), cents(r.guest), r.new_customers, r.returning_customers]) });

      const top = await getTopCustomers(db.db, scope, f);
      const best = await topCustomersFromFacts(f);
      expect({ seed, top: top.map((r) => [r.customerId, cents(r.revenue), r.orders, r.lastPurchase]) })
        .toEqual({ seed, top: best.map((r) => [r.customer_id, cents(r.revenue), r.orders, r.last]) });
    }
    // Every way the planner answers these views was compared.
    expect([...sources].sort()).toEqual(['all bitmaps', 'all sales', 'category bitmaps', 'category sales', 'facts']);
  }, 300_000);
});
