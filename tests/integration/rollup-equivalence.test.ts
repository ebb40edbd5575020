/**
 * Rollups versus raw facts: for random combinations of every dashboard filter, the query layer (which the
 * planner sends to a rollup wherever one covers the question) gives the same revenue, baskets, units and
 * distinct customers as a plain GROUP BY over gold.fact_sales, to the cent, in every grouping the
 * dashboards draw.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { intArray, smallintArray, textArray } from '@/db/sql';
import type { Scope } from '@/lib/auth/scope';
import { CUBES, cubeTableName, SPAN_LEVELS } from '@/db/schema/gold-cubes';
import { coverWithSpans } from '@/lib/calendar/day-spans';
import { addDays } from '@/lib/calendar/days';
import { REPORT_SEGMENTS } from '@/lib/filters/segments';
import { scopeFilters, type ScopedFilters } from '@/lib/auth/scoped-filters';
import { regionNameOf } from '@/lib/filters/regions';
import { parseDashboardState } from '@/lib/filters/dashboard-state';
import { getBreakdown } from '@/lib/queries/get-breakdown';
import { getKpis } from '@/lib/queries/get-kpis';
import { planCustomerSource, planSource, type CustomerSource, type Source } from '@/lib/queries/internal/source-plan';
import { withStoreKeys } from '@/lib/queries/internal/filter-sql';
import { readInScope } from '@/lib/queries/internal/read-in-scope';
import { testEngines, type TestDatabase } from '../helpers/database';
import { openRandomViewWorld } from '../helpers/random-view-world';

/** The KPIs these tests check are the period's own; what they are compared with does not matter here. */
const KPI_OPTIONS = { compare: 'previous', today: '2026-12-01' } as const;

const END = '2026-06-30';
const COMBINATIONS = 40;
const GROUPINGS = ['region', 'store', 'category', 'subcategory', 'product', 'hour', 'weekday', 'day'] as const;
type Grouping = (typeof GROUPINGS)[number];

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
    const count = int(max + 1);
    const pool = [...items];
    return Array.from({ length: Math.min(count, pool.length) }, () => pool.splice(int(pool.length), 1)[0]!);
  };
  return { int, some, chance: (p: number) => next() < p };
}

/** The store's own clock, computed here from the sale's instant rather than read from the facts' columns. */
const LOCAL_TIME = sql`(f.occurred_at at time zone coalesce(s.time_zone, 'UTC'))`;

const KEY: Record<Grouping, SQL> = {
  region: sql`r.name`,
  store: sql`s.store_code`,
  category: sql`p.category`,
  subcategory: sql`p.category || ' / ' || p.subcategory`,
  product: sql`p.sku`,
  hour: sql`lpad(extract(hour from ${LOCAL_TIME})::text, 2, '0')`,
  weekday: sql`extract(isodow from ${LOCAL_TIME})::text`,
  day: sql`d.date::text`,
};

/** Which table a plan reads, by name. */
/** The tables a source reads: its cube's, and the category-set cube's where that counts its baskets. */
const sourceNames = (source: Source | CustomerSource): string[] =>
  typeof source === 'string'
    ? [source]
    : [source, ...(source.baskets ? [source.baskets] : [])].map((s) => cubeTableName(s.cube, s.grain, false));

describe.each(testEngines())('rollups equal raw facts on %s', (engine) => {
  let db: TestDatabase;
  let scope: Scope;
  let stores: { code: string; region: number }[];
  let categories: string[];
  let subcategories: { category: string; subcategory: string }[];

  beforeAll(async () => {
    ({ db, scope, stores, categories, subcategories } = await openRandomViewWorld(engine, { lines: 20_000, seed: 5, end: END }));
  }, 120_000);
  afterAll(() => db.destroy());

  /** A random view, made the way a dashboard makes it: URL state scoped by the (admin) scope. */
  function combination(seed: number): ScopedFilters {
    const r = random(seed);
    const to = addDays(END, -r.int(200));
    const regionIds = r.chance(0.5) ? [1, 2, 3, 4, 5] : r.some([1, 2, 3, 4, 5], 3).sort();
    const ids = regionIds.length ? regionIds : [1, 2, 3, 4, 5];
    const hours = r.chance(0.3) ? r.some(Array.from({ length: 24 }, (_, h) => h), 4) : [];
    const weekdays = r.chance(0.3) ? r.some([1, 2, 3, 4, 5, 6, 7], 3) : [];
    // the products page's drill path: a category, or a category and one of its subcategories
    const drilled = r.chance(0.2) ? subcategories[r.int(subcategories.length)] : undefined;
    const drill = drilled ? (r.chance(0.5) ? drilled.category : `${drilled.category}/${drilled.subcategory}`) : undefined;
    const state = parseDashboardState({
      ...(drill ? { drill } : {}),
      from: addDays(to, -(6 + r.int(120))),
      to,
      regions: ids.map((id) => regionNameOf(id)!).join(','),
      stores: (r.chance(0.3) ? r.some(stores.filter((s) => ids.includes(s.region)).map((s) => s.code), 3) : []).join(','),
      categories: (r.chance(0.5) ? r.some(categories, 2) : []).join(','),
      segments: (r.chance(0.4) ? r.some(REPORT_SEGMENTS, 2) : []).join(','),
      sel: [...hours.map((h) => `hour:${h}`), ...weekdays.map((w) => `weekday:${w}`)].join(','),
    });
    return scopeFilters(state, scope, { timeZone: 'UTC' });
  }

  /** The answer with no planner: a GROUP BY over the line-grain facts, read as the owner. */
  async function fromFacts(f: ScopedFilters, grouping: Grouping | null) {
    const where: SQL[] = [
      sql`d.date between ${f.from}::date and ${f.to}::date`,
      sql`s.region_id = any(${smallintArray(f.regionIds)})`,
    ];
    if (f.stores.length) where.push(sql`s.store_code = any(${textArray(f.stores)})`);
    if (f.categories.length) where.push(sql`p.category = any(${textArray(f.categories)})`);
    if (f.subcategories.length) where.push(sql`p.subcategory = any(${textArray(f.subcategories)})`);
    if (f.segments.length) where.push(sql`coalesce(c.segment, 'Guest') = any(${textArray(f.segments)})`);
    if (f.hours.length) where.push(sql`extract(hour from ${LOCAL_TIME}) = any(${intArray(f.hours)})`);
    if (f.weekdays.length) where.push(sql`extract(isodow from ${LOCAL_TIME}) = any(${intArray(f.weekdays)})`);
    if (f.nothing) where.push(sql`false`);
    const key = grouping ? KEY[grouping] : sql`'total'`;
    return queryRows<{ key: string; revenue: number; transactions: number; units: number; customers: number }>(
      db.db,
      sql`select ${key} as key, sum(f.net)::float8 as revenue, count(distinct f.transaction_id)::int as transactions, sum(f.quantity)::int as units,
            count(distinct c.customer_id)::int as customers
          from gold.fact_sales f
          join gold.dim_date d on d.date_key = f.date_key
          join gold.dim_store s on s.store_key = f.store_key
          join gold.dim_region r on r.region_id = s.region_id
          join gold.dim_product p on p.product_key = f.product_key
          left join gold.dim_customer c on c.customer_sk = f.customer_sk
          where ${sql.join(where, sql` and `)}
          group by 1`,
    );
  }

  const cents = (n: number) => Math.round(n * 100);

  it(`matches for ${COMBINATIONS} random filter combinations, in totals and every grouping`, async () => {
    const sources = new Set<string>();
    let spanned = 0;
    for (let seed = 1; seed <= COMBINATIONS; seed++) {
      const f = combination(seed);
      if (coverWithSpans(f.from, f.to, SPAN_LEVELS).some((s) => s.level > 0)) spanned++;
      const [truth] = await fromFacts(f, null);
      const { kpis } = await getKpis(db.db, scope, f, KPI_OPTIONS);
      // planned as the queries plan: with the filters resolved in the database (store keys, category bits)
      const resolved = await readInScope(db.db, scope, (tx) => withStoreKeys(tx, scope, f));
      const record = (source: Source | CustomerSource) => sourceNames(source).forEach((name) => sources.add(name));
      record(planSource('total', resolved));
      record(planCustomerSource(resolved));
      expect({ seed, revenue: cents(kpis.revenue), transactions: kpis.transactions, units: kpis.units, customers: kpis.uniqueCustomers }).toEqual({
        seed, revenue: cents(truth?.revenue ?? 0), transactions: truth?.transactions ?? 0, units: truth?.units ?? 0, customers: truth?.customers ?? 0,
      });
      for (const grouping of GROUPINGS) {
        record(planSource(grouping, resolved));
        const ours = await getBreakdown(db.db, scope, f, grouping, 5_000);
        const expected = await fromFacts(f, grouping);
        const shape = (rows: { key: string; revenue: number; transactions: number; units: number }[]) =>
          Object.fromEntries(rows.filter((r) => r.revenue !== 0 || r.units !== 0).map((r) => [r.key, [cents(r.revenue), r.transactions, r.units]]));
        expect({ seed, grouping, rows: shape(ours) }).toEqual({ seed, grouping, rows: shape(expected) });
      }
    }
    // The combinations exercised every source the planner has, so each rollup was compared.
    const cubes = CUBES.flatMap((c) => c.grains.map((g) => cubeTableName(c.name, g, false)));
    expect([...sources].sort()).toEqual([...cubes, 'bitmaps', 'categoryCustomers', 'categorySales', 'customers', 'facts', 'sales'].sort());
    // ... and most ranges held runs of days that the span rollups answer.
    expect(spanned).toBeGreaterThan(COMBINATIONS / 3);
  }, 180_000);
});
