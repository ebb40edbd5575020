/**
 * Customer dashboard queries (cohorts, segment mix, new vs returning, top customers) against independent
 * SQL on the seeded demo data: the truth is read from silver (customer ids, store regions, UTC days) as
 * the owner, so it shares neither the gold joins nor the period maths of the code under test.
 */
process.env.AUTH_SECRET ??= 'test-secret-test-secret-test-secret-0123';
import { bumpDataVersions } from '@/lib/cache/data-versions';
import { REGIONS } from '@/lib/filters/regions';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import type { CohortTriangle } from '@/lib/analytics/cohorts';
import type { Scope } from '@/lib/auth/scope';
import { scopeFiltersFromParams } from '@/lib/auth/scoped-filters';
import { getCohorts } from '@/lib/queries/get-cohorts';
import { getNewVsReturning, type NewVsReturningRow } from '@/lib/queries/get-new-vs-returning';
import { getSegmentMix } from '@/lib/queries/get-segment-mix';
import { getTopCustomers } from '@/lib/queries/get-top-customers';
import { addToRollups, lockRollups } from '@/lib/etl/rollups/maintain-rollups';
import { expectRollupsMatchFacts } from '../helpers/rollup-checks';
import { seedDemoData } from '@/lib/seed';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';
import { prepareUsers, scopeFor } from '../helpers/scopes';

const END = '2026-06-30';
/** Twelve monthly cohorts; the seed starts two years before END, so first purchases before it are real. */
const WINDOW = { from: '2025-07-01', to: END };
const DAY = sql.raw(`(s.occurred_at at time zone 'UTC')::date`);

class Rollback extends Error {}

describe.each(testEngines())('customer queries on %s', (engine) => {
  let db: TestDatabase;
  let admin: Scope;
  let east: Scope;
  const filtersFor = (scope: Scope, range: { from: string; to: string } = WINDOW, extra: Record<string, string> = {}) =>
    scopeFiltersFromParams(new URLSearchParams({ ...range, ...extra }), scope, 'UTC');

  /** Independent: customers whose first purchase (in the given regions, up to END) is in [from, to]. */
  async function firstPurchasers(regions: string[], from: string, to: string): Promise<string[]> {
    const rows = await queryRows<{ customer_id: string }>(
      db.db,
      sql`select s.customer_id from silver.sales_lines s join silver.stores st on st.store_code = s.store_code
          where s.customer_id is not null and st.region = any(${`{${regions.join(',')}}`}::text[]) and ${DAY} <= ${END}::date
          group by s.customer_id having min(${DAY}) between ${from}::date and ${to}::date`,
    );
    return rows.map((r) => r.customer_id);
  }

  async function revenueOf(regions: string[], from: string, to: string): Promise<number> {
    const [row] = await queryRows<{ revenue: number }>(
      db.db,
      sql`select coalesce(sum(s.net), 0)::float8 as revenue from silver.sales_lines s join silver.stores st on st.store_code = s.store_code
          where st.region = any(${`{${regions.join(',')}}`}::text[]) and ${DAY} between ${from}::date and ${to}::date`,
    );
    return row.revenue;
  }

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await seedDemoData(db.db, { lines: 18_000, seed: 11, now: new Date(Date.parse(END) + 86_400_000), timeZone: 'UTC' });
    await prepareUsers(db);
    admin = await scopeFor(db, 'admin@retailwave.test');
    east = await scopeFor(db, 'east.manager@retailwave.test');
  }, 300_000);
  afterAll(() => db?.destroy());

  const ALL = ['Central', 'East', 'North', 'South', 'West'];

  describe('cohorts', () => {
    it.each([
      ['admin', ALL],
      ['east manager', ['East']],
    ])('cohort sizes of %s add up to the customers whose first in-scope purchase is in the window', async (who, regions) => {
      const scope = who === 'admin' ? admin : east;
      const triangle = await getCohorts(db.db, scope, filtersFor(scope), 'month');
      const expected = await firstPurchasers(regions, WINDOW.from, WINDOW.to);
      expect(triangle.rows).toHaveLength(12);
      expect(triangle.rows.reduce((s, r) => s + r.size, 0)).toBe(expected.length);
      expect(expected.length).toBeGreaterThan(50);
    });

    it('matches independent SQL for one monthly cohort row', async () => {
      const triangle = await getCohorts(db.db, admin, filtersFor(admin), 'month');
      const row = triangle.rows.find((r) => r.cohort === '2025-09-01')!;
      const members = await firstPurchasers(ALL, '2025-09-01', '2025-09-30');
      const byMonth = await queryRows<{ n: number; customers: number }>(
        db.db,
        sql`select ((extract(year from ${DAY}) - 2025) * 12 + extract(month from ${DAY}) - 9)::int as n,
              count(distinct s.customer_id)::int as customers
            from silver.sales_lines s
            where s.customer_id = any(${`{${members.join(',')}}`}::text[]) and ${DAY} <= ${END}::date
            group by 1 order by 1`,
      );
      expect(row.size).toBe(members.length);
      const expected = Array.from({ length: 10 }, (_, n) => byMonth.find((m) => m.n === n)?.customers ?? 0);
      expect(row.customers).toEqual([...expected, null, null]);
      row.retention.slice(0, 10).forEach((r, n) => expect(r).toBeCloseTo(expected[n] / members.length, 10));
      expect(row.customers[0]).toBe(row.size);
    });

    it('matches independent SQL for a weekly cohort across the year end', async () => {
      const window = { from: '2025-12-29', to: '2026-03-01' };
      const triangle = await getCohorts(db.db, admin, filtersFor(admin, window), 'week');
      const row = triangle.rows[0];
      expect(row.label).toBe('2026-W01');
      const members = await firstPurchasers(ALL, '2025-12-29', '2026-01-04');
      const byWeek = await queryRows<{ n: number; customers: number }>(
        db.db,
        sql`select ((${DAY} - date '2025-12-29') / 7)::int as n, count(distinct s.customer_id)::int as customers
            from silver.sales_lines s
            where s.customer_id = any(${`{${members.join(',')}}`}::text[]) and ${DAY} <= ${window.to}::date
            group by 1 order by 1`,
      );
      expect(row.size).toBe(members.length);
      expect(row.customers).toEqual(Array.from({ length: triangle.periods }, (_, n) => byWeek.find((w) => w.n === n)?.customers ?? 0));
    });

    it('puts a Jan 31 → Feb 1 customer in periods 0 and 1, and a Sunday → Monday one in consecutive weeks', async () => {
      const monthlyBefore = await getCohorts(db.db, admin, filtersFor(admin), 'month');
      const weeklyBefore = await getCohorts(db.db, admin, filtersFor(admin, { from: '2025-12-01', to: '2026-02-28' }), 'week');
      const nvrBefore = await getNewVsReturning(db.db, admin, filtersFor(admin), 'month');
      let after: { monthly: CohortTriangle; weekly: CohortTriangle; nvr: NewVsReturningRow[] } | undefined;
      await db.db
        .transaction(async (tx) => {
          await insertCustomerWithPurchases(tx, 'ZZ-BOUNDARY-MONTH', ['2026-01-31', '2026-02-01']);
          await insertCustomerWithPurchases(tx, 'ZZ-BOUNDARY-WEEK', ['2025-12-28', '2025-12-29']);
          // Whoever writes gold advances the data versions, or cached answers would hide the change.
          await bumpDataVersions(tx, REGIONS.map((r) => r.id));
          after = {
            monthly: await getCohorts(tx, admin, filtersFor(admin), 'month'),
            weekly: await getCohorts(tx, admin, filtersFor(admin, { from: '2025-12-01', to: '2026-02-28' }), 'week'),
            nvr: await getNewVsReturning(tx, admin, filtersFor(admin), 'month'),
          };
          throw new Rollback();
        })
        .catch((e) => {
          if (!(e instanceof Rollback)) throw e;
        });

      expect(cellChanges(monthlyBefore, after!.monthly)).toEqual([
        '2025-12-01+0: +1', // the weekly customer: Dec 28 and Dec 29 are one month
        '2026-01-01+0: +1',
        '2026-01-01+1: +1',
      ]);
      expect(cellChanges(weeklyBefore, after!.weekly)).toEqual([
        '2025-12-22+0: +1',
        '2025-12-22+1: +1',
        '2026-01-26+0: +1', // the monthly customer: Sat Jan 31 and Sun Feb 1 are one ISO week
      ]);
      const change = (period: string, key: 'newRevenue' | 'returningRevenue') =>
        after!.nvr.find((r) => r.period === period)![key] - nvrBefore.find((r) => r.period === period)![key];
      expect(change('2026-01-01', 'newRevenue')).toBeCloseTo(10, 2);
      expect(change('2026-02-01', 'newRevenue')).toBeCloseTo(0, 2);
      expect(change('2026-02-01', 'returningRevenue')).toBeCloseTo(10, 2);
    });
  });

  describe('segment mix', () => {
    it('adds up to the revenue of the range, guests included, by month and by week', async () => {
      const expected = await revenueOf(ALL, WINDOW.from, WINDOW.to);
      for (const grain of ['month', 'week'] as const) {
        const rows = await getSegmentMix(db.db, admin, filtersFor(admin), grain);
        expect(rows.reduce((s, r) => s + r.revenue, 0)).toBeCloseTo(expected, 1);
        expect(rows.some((r) => r.segment === 'Guest')).toBe(true);
      }
    });

    it('matches independent per-segment SQL, and the rollup and fact paths agree', async () => {
      const bySegment = await queryRows<{ segment: string; revenue: number }>(
        db.db,
        sql`select coalesce(c.segment, 'Guest') as segment, sum(f.net)::float8 as revenue
            from gold.fact_sales f left join gold.dim_customer c on c.customer_sk = f.customer_sk
            where f.date_key between 20250701 and 20260630 group by 1`,
      );
      const filters = filtersFor(admin);
      const fromRollup = await getSegmentMix(db.db, admin, filters, 'month');
      const everyHour = filtersFor(admin, WINDOW, { sel: Array.from({ length: 24 }, (_, h) => `hour:${h}`).join(',') });
      const fromFacts = await getSegmentMix(db.db, admin, everyHour, 'month');
      expect(fromFacts.map((r) => `${r.period} ${r.segment}`)).toEqual(fromRollup.map((r) => `${r.period} ${r.segment}`));
      fromFacts.forEach((r, i) => expect(r.revenue).toBeCloseTo(fromRollup[i].revenue, 2));
      for (const { segment, revenue } of bySegment) {
        const total = fromRollup.filter((r) => r.segment === segment).reduce((s, r) => s + r.revenue, 0);
        expect(total).toBeCloseTo(revenue, 1);
      }
    });

    it('stays inside the scope', async () => {
      const rows = await getSegmentMix(db.db, east, filtersFor(east), 'month');
      expect(rows.reduce((s, r) => s + r.revenue, 0)).toBeCloseTo(await revenueOf(['East'], WINDOW.from, WINDOW.to), 1);
    });
  });

  describe('new vs returning', () => {
    it('splits each period without loss, and new customers are the cohort sizes', async () => {
      const rows = await getNewVsReturning(db.db, admin, filtersFor(admin), 'month');
      const mix = await getSegmentMix(db.db, admin, filtersFor(admin), 'month');
      const triangle = await getCohorts(db.db, admin, filtersFor(admin), 'month');
      expect(rows).toHaveLength(12);
      for (const row of rows) {
        const total = mix.filter((m) => m.period === row.period).reduce((s, m) => s + m.revenue, 0);
        expect(row.newRevenue + row.returningRevenue + row.guestRevenue).toBeCloseTo(total, 1);
        expect(row.newCustomers).toBe(triangle.rows.find((c) => c.cohort === row.period)!.size);
      }
    });

    it('matches independent SQL for the new revenue of one month in the East', async () => {
      const rows = await getNewVsReturning(db.db, east, filtersFor(east), 'month');
      const members = await firstPurchasers(['East'], '2026-03-01', '2026-03-31');
      const [expected] = await queryRows<{ revenue: number }>(
        db.db,
        sql`select coalesce(sum(s.net), 0)::float8 as revenue from silver.sales_lines s join silver.stores st on st.store_code = s.store_code
            where st.region = 'East' and s.customer_id = any(${`{${members.join(',')}}`}::text[])
              and ${DAY} between '2026-03-01'::date and '2026-03-31'::date`,
      );
      expect(rows.find((r) => r.period === '2026-03-01')!.newRevenue).toBeCloseTo(expected.revenue, 1);
    });
    it('moves a first purchase earlier when a later batch brings an earlier month, in the rollups as in the facts', async () => {
      const before = await getNewVsReturning(db.db, east, filtersFor(east), 'month');
      let after: NewVsReturningRow[] = [];
      await db.db
        .transaction(async (tx) => {
          // batches out of order: March first, then February, then a late January line
          await insertCustomerWithPurchases(tx, 'ZZ-LATE', ['2026-03-10'], ['2026-02-20', '2026-03-12'], ['2026-02-25'], ['2026-01-31']);
          await bumpDataVersions(tx, REGIONS.map((r) => r.id));
          after = await getNewVsReturning(tx, east, filtersFor(east), 'month');
          await expectRollupsMatchFacts(tx, 'UTC', ['agg_customer_sales', 'agg_customer_firsts', 'agg_category_customer_sales', 'agg_category_customer_firsts']);
          throw new Rollback();
        })
        .catch((e) => {
          if (!(e instanceof Rollback)) throw e;
        });
      const change = (period: string, key: 'newRevenue' | 'returningRevenue' | 'newCustomers' | 'returningCustomers') =>
        after.find((r) => r.period === period)![key] - before.find((r) => r.period === period)![key];
      expect([change('2026-01-01', 'newRevenue'), change('2026-01-01', 'newCustomers')]).toEqual([10, 1]);
      expect([change('2026-02-01', 'newRevenue'), change('2026-02-01', 'returningRevenue'), change('2026-02-01', 'returningCustomers')]).toEqual([0, 20, 1]);
      expect([change('2026-03-01', 'newRevenue'), change('2026-03-01', 'returningRevenue')]).toEqual([0, 20]);
    });
  });

  describe('top customers', () => {
    const RANGE = { from: '2026-01-01', to: END };

    it("gives the East manager East-only totals and never another region's home store", async () => {
      const rows = await getTopCustomers(db.db, east, filtersFor(east, RANGE));
      const expected = await queryRows<{ customer_id: string; revenue: number; orders: number; last: string }>(
        db.db,
        sql`select s.customer_id, sum(s.net)::float8 as revenue, count(distinct s.transaction_id)::int as orders, max(${DAY})::text as last
            from silver.sales_lines s join silver.stores st on st.store_code = s.store_code
            where st.region = 'East' and s.customer_id is not null and ${DAY} between ${RANGE.from}::date and ${RANGE.to}::date
            group by 1 order by revenue desc, 1 limit 20`,
      );
      expect(rows.map((r) => r.customerId)).toEqual(expected.map((e) => e.customer_id));
      rows.forEach((row, i) => {
        expect(row.revenue).toBeCloseTo(expected[i].revenue, 2);
        expect(row.orders).toBe(expected[i].orders);
        expect(row.lastPurchase).toBe(expected[i].last);
      });
      const eastStores = await queryRows<{ store_code: string }>(db.db, sql`select store_code from silver.stores where region = 'East'`);
      const allowed = new Set(eastStores.map((s) => s.store_code));
      for (const row of rows) if (row.homeStoreCode) expect(allowed.has(row.homeStoreCode)).toBe(true);
    });

    it('shows current names and segments, ranked by revenue', async () => {
      const rows = await getTopCustomers(db.db, admin, filtersFor(admin, RANGE));
      expect(rows).toHaveLength(20);
      for (let i = 1; i < rows.length; i++) expect(rows[i - 1].revenue).toBeGreaterThanOrEqual(rows[i].revenue);
      const current = await queryRows<{ customer_id: string; name: string; segment: string }>(
        db.db,
        sql`select customer_id, name, segment from silver.customers where customer_id = any(${`{${rows.map((r) => r.customerId).join(',')}}`}::text[])`,
      );
      for (const row of rows) {
        const c = current.find((x) => x.customer_id === row.customerId)!;
        expect([row.name, row.segment]).toEqual([c.name, c.segment]);
      }
    });

    it("refuses a store of another region and reads nothing when filters contradict", async () => {
      const [{ store_code: west }] = await queryRows<{ store_code: string }>(db.db, sql`select store_code from silver.stores where region = 'West' limit 1`);
      await expect(getTopCustomers(db.db, east, filtersFor(east, RANGE, { stores: west }))).rejects.toMatchObject({ status: 403 });
      // a selected category outside the category filter: the view selects nothing
      const nothing = filtersFor(admin, RANGE, { categories: 'Grocery', sel: 'category:Electronics' });
      expect(nothing.nothing).toBe(true);
      expect(await getTopCustomers(db.db, admin, nothing)).toEqual([]);
      expect((await getCohorts(db.db, admin, nothing, 'month')).rows.every((r) => r.size === 0)).toBe(true);
    });
  });
});

/**
 * A new customer with one 10.00 line at noon UTC on each day (hour and weekday on the store's clock, as
 * the ETL writes them), in the first East store; each list of days is added to the rollups as the ETL adds
 * one batch, in the order given.
 */
async function insertCustomerWithPurchases(tx: Database, customerId: string, ...batches: string[][]): Promise<void> {
  const [customer] = await queryRows<{ customer_sk: number }>(
    tx,
    sql`insert into gold.dim_customer (customer_id, name, segment, home_store_key, acquired_on, valid_from, is_current)
        values (${customerId}, 'Boundary Test', 'Mainstream', null, '2020-01-01', '2000-01-01T00:00:00Z', true) returning customer_sk::int`,
  );
  let basket = 0;
  for (const days of batches) {
    const lineIds: number[] = [];
    for (const day of days) {
      const [line] = await queryRows<{ id: number }>(tx, sql`
        insert into gold.fact_sales (sales_line_id, date_key, hour, weekday, occurred_at, transaction_id, store_key, region_id, product_key,
          customer_sk, quantity, gross, discount, net, cost)
        select (select max(sales_line_id) + 1 from gold.fact_sales), ${Number(day.replace(/-/g, ''))},
          extract(hour from ${`${day}T12:00:00Z`}::timestamptz at time zone coalesce(s.time_zone, 'UTC')),
          extract(isodow from ${`${day}T12:00:00Z`}::timestamptz at time zone coalesce(s.time_zone, 'UTC')),
          ${`${day}T12:00:00Z`}::timestamptz,
          ${`${customerId}-${basket++}`}, s.store_key, s.region_id, (select min(product_key) from gold.dim_product), ${customer.customer_sk},
          1, 10, 0, 10, 5
        from gold.dim_store s join gold.dim_region r on r.region_id = s.region_id where r.name = 'East' order by s.store_key limit 1
        returning sales_line_id::int as id`);
      lineIds.push(line.id);
    }
    await lockRollups(tx);
    await addToRollups(tx, lineIds);
  }
}

/** The cells whose customer count changed, as "cohort+n: +delta". */
function cellChanges(before: CohortTriangle, after: CohortTriangle): string[] {
  const changes: string[] = [];
  after.rows.forEach((row, i) =>
    row.customers.forEach((c, n) => {
      const delta = (c ?? 0) - (before.rows[i].customers[n] ?? 0);
      if (delta !== 0) changes.push(`${row.cohort}+${n}: ${delta > 0 ? '+' : ''}${delta}`);
    }),
  );
  return changes;
}
