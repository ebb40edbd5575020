/**
 * Every dashboard query against independent SQL on seeded data: trend, weekday × hour, drill-down, detail
 * table, CSV export, filter options and cross-filter selections — on PGlite and on real Postgres.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { parseDashboardState, type TableSort } from '@/lib/filters/dashboard-state';
import { scopeFilters } from '@/lib/auth/scoped-filters';
import { EXPORT_BATCH_SIZE, transactionsCsvStream } from '@/lib/export/transactions-csv';
import { getKpis } from '@/lib/queries/get-kpis';
import { getBreakdown } from '@/lib/queries/get-breakdown';
import { getProductDrill } from '@/lib/queries/get-product-drill';
import { getTrend } from '@/lib/queries/get-trend';
import { getWeekdayHour } from '@/lib/queries/get-weekday-hour';
import { listFilterOptions } from '@/lib/queries/list-filter-options';
import { listTransactions, listTransactionsAfter } from '@/lib/queries/list-transactions';
import type { Scope } from '@/lib/auth/scope';
import { seedDemoData } from '@/lib/seed';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';
import { prepareUsers, scopeFor } from '../helpers/scopes';

const END = '2026-05-31';
const FROM = '2026-05-01';
const NET_ASC: TableSort = { column: 'net', direction: 'asc' };
const NET_DESC: TableSort = { column: 'net', direction: 'desc' };
/** The day after the data: no range below is still running. */
const AS_OF = { compare: 'previous', today: '2026-06-01' } as const;

describe.each(testEngines())('dashboard queries on %s', (engine) => {
  let db: TestDatabase;
  let admin: Scope;
  let east: Scope;

  /** Independent net revenue of silver lines in [from, to] (UTC days), optionally restricted by extra SQL. */
  /** A sale's time on its store's own clock (silverNet's lines `l` and stores `s`). */
  const STORE_CLOCK = sql`(l.occurred_at at time zone coalesce(s.time_zone, 'UTC'))`;

  async function silverNet(from: string, to: string, where = sql`true`): Promise<number> {
    const [row] = await queryRows<{ net: number }>(
      db.db,
      sql`select coalesce(sum(l.net), 0)::float8 as net from silver.sales_lines l
          join silver.stores s on s.store_code = l.store_code join silver.products p on p.sku = l.sku
          where (l.occurred_at at time zone 'UTC')::date between ${from}::date and ${to}::date and ${where}`,
    );
    return row.net;
  }

  const filtersFor = (scope: Scope, query: string) =>
    scopeFilters(parseDashboardState(new URLSearchParams(query)), scope, { timeZone: 'UTC' });

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await seedDemoData(db.db, { lines: 15_000, seed: 11, now: new Date(Date.parse(END) + 86_400_000), timeZone: 'UTC' });
    await prepareUsers(db);
    admin = await scopeFor(db, 'admin@retailwave.test');
    east = await scopeFor(db, 'east.manager@retailwave.test');
  }, 180_000);
  afterAll(() => db.destroy());

  it('trend: zero-filled days that sum to the range, with the previous month and a 7-day average', async () => {
    const trend = await getTrend(db.db, admin, filtersFor(admin, `from=${FROM}&to=${END}`), 'day', AS_OF);
    expect(trend.points).toHaveLength(31);
    expect(trend.points[0].period).toBe(FROM);
    const sum = trend.points.reduce((s, p) => s + p.revenue, 0);
    expect(sum).toBeCloseTo(await silverNet(FROM, END), 1);
    // May compares with all of April: 30 buckets of April's days, aligned with May's first 30
    expect(trend.previous.reduce((s, p) => s + p.revenue, 0)).toBeCloseTo(await silverNet('2026-04-01', '2026-04-30'), 1);
    const week = await silverNet('2026-05-01', '2026-05-07');
    expect(trend.movingAverage![6]).toBeCloseTo(week / 7, 1);
  });

  it('trend: weekly and monthly buckets', async () => {
    const monthly = await getTrend(db.db, admin, filtersFor(admin, `from=2026-03-01&to=${END}`), 'month', AS_OF);
    expect(monthly.points.map((p) => p.period)).toEqual(['2026-03-01', '2026-04-01', '2026-05-01']);
    expect(monthly.points[1].revenue).toBeCloseTo(await silverNet('2026-04-01', '2026-04-30'), 1);
    const weekly = await getTrend(db.db, admin, filtersFor(admin, `from=${FROM}&to=${END}`), 'week', AS_OF);
    expect(weekly.points[0].period).toBe('2026-04-27'); // the Monday of the week holding May 1st
  });

  it('weekday × hour cells add up and match an independent cell', async () => {
    const cells = await getWeekdayHour(db.db, admin, filtersFor(admin, `from=${FROM}&to=${END}`));
    expect(cells.reduce((s, c) => s + c.revenue, 0)).toBeCloseTo(await silverNet(FROM, END), 1);
    const busiest = cells.reduce((a, b) => (b.revenue > a.revenue ? b : a));
    const independent = await silverNet(FROM, END,
      sql`extract(isodow from ${STORE_CLOCK}) = ${busiest.weekday} and extract(hour from ${STORE_CLOCK}) = ${busiest.hour}`);
    expect(busiest.revenue).toBeCloseTo(independent, 1);
  });

  it('drill-down: categories, then a subcategory, then products with stock', async () => {
    const f = filtersFor(admin, `from=${FROM}&to=${END}`);
    const top = await getProductDrill(db.db, admin, f, []);
    expect(top.level).toBe('category');
    expect(top.rows.reduce((s, r) => s + r.revenue, 0)).toBeCloseTo(await silverNet(FROM, END), 1);
    const category = top.rows[0].key;
    const subs = await getProductDrill(db.db, admin, f, [category]);
    expect(subs.rows.reduce((s, r) => s + r.revenue, 0)).toBeCloseTo(await silverNet(FROM, END, sql`p.category = ${category}`), 1);
    const products = await getProductDrill(db.db, admin, f, [category, subs.rows[0].key]);
    expect(products.level).toBe('product');
    const first = products.rows[0];
    expect(first.revenue).toBeCloseTo(await silverNet(FROM, END, sql`p.sku = ${first.key}`), 2);
    const [stock] = await queryRows<{ on_hand: number }>(db.db, sql`
      select coalesce(sum(i.on_hand), 0)::int as on_hand from gold.fact_inventory i join gold.dim_product p on p.product_key = i.product_key
      where p.sku = ${first.key} and i.date_key = (select max(date_key) from gold.fact_inventory)`);
    expect(first.stockOnHand).toBe(stock.on_hand);
  });

  it('detail table: count, totals, paging and sorting', async () => {
    const f = filtersFor(admin, `from=${FROM}&to=${END}`);
    const page = await listTransactions(db.db, admin, f, { page: 1, pageSize: 25, sort: NET_DESC });
    const [count] = await queryRows<{ n: number; max: number }>(db.db, sql`
      select count(*)::int as n, max(net)::float8 as max from silver.sales_lines where (occurred_at at time zone 'UTC')::date between ${FROM}::date and ${END}::date`);
    expect(page.total).toBe(count.n);
    expect(page.rows).toHaveLength(25);
    expect(page.rows[0].net).toBeCloseTo(count.max, 2);
    expect(page.totals.net).toBeCloseTo(await silverNet(FROM, END), 1);
    const second = await listTransactions(db.db, admin, f, { page: 2, pageSize: 25, sort: NET_DESC });
    expect(second.rows[0].net).toBeLessThanOrEqual(page.rows[24].net);
    expect(new Set([...page.rows, ...second.rows].map((r) => r.lineId)).size).toBe(50);
  });

  it("CSV export streams exactly the view's rows, in its order, within scope", async () => {
    const f = filtersFor(east, `from=${FROM}&to=${END}`);
    const first = await listTransactionsAfter(db.db, east, f, NET_ASC, null, EXPORT_BATCH_SIZE);
    const csv = await new Response(transactionsCsvStream(db.db, east, f, NET_ASC, first)).text();
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('occurred_at,transaction_id,store_code,store,region,category,sku,product,customer_id,segment,quantity,gross,discount,net');
    const rows = lines.slice(1).map((l) => l.split(','));
    const page = await listTransactions(db.db, east, f, { page: 1, pageSize: 1, sort: NET_ASC });
    expect(rows).toHaveLength(page.total);
    expect(new Set(rows.map((r) => r[4]))).toEqual(new Set(['East']));
    const nets = rows.map((r) => Number(r[r.length - 1]));
    expect(nets).toEqual([...nets].sort((a, b) => a - b));
    expect(nets.reduce((a, b) => a + b, 0)).toBeCloseTo(await silverNet(FROM, END, sql`s.region = 'East'`), 1);
  });

  it('filter options list only stores of the scope', async () => {
    const options = await listFilterOptions(db.db, east);
    expect(options.regions).toEqual(['East']);
    expect(options.stores.length).toBeGreaterThan(0);
    expect(new Set(options.stores.map((s) => s.region))).toEqual(new Set(['East']));
  });

  it('a cross-filter selection filters other tiles but not its own', async () => {
    const query = `from=${FROM}&to=${END}&sel=category:${encodeURIComponent('Grocery')}`;
    const state = parseDashboardState(new URLSearchParams(query));
    const others = scopeFilters(state, admin, { timeZone: 'UTC' });
    const own = scopeFilters(state, admin, { timeZone: 'UTC', except: 'category' });
    const { kpis } = await getKpis(db.db, admin, others, AS_OF);
    expect(kpis.revenue).toBeCloseTo(await silverNet(FROM, END, sql`p.category = 'Grocery'`), 1);
    const categories = await getBreakdown(db.db, admin, own, 'category');
    expect(categories.length).toBeGreaterThan(1);
    const hours = await getBreakdown(db.db, admin, others, 'hour');
    expect(hours.reduce((s, r) => s + r.revenue, 0)).toBeCloseTo(kpis.revenue, 1);
  });

  it('an hour selection uses the hourly rollup and matches the facts', async () => {
    const f = filtersFor(admin, `from=${FROM}&to=${END}&sel=hour:12`);
    const { kpis } = await getKpis(db.db, admin, f, AS_OF);
    expect(kpis.revenue).toBeCloseTo(await silverNet(FROM, END, sql`extract(hour from ${STORE_CLOCK}) = 12`), 1);
  });

  it('contradicting filter and selection select nothing rather than everything', async () => {
    const f = filtersFor(admin, `from=${FROM}&to=${END}&categories=Grocery&sel=category:Electronics`);
    const { kpis } = await getKpis(db.db, admin, f, AS_OF);
    expect(kpis.revenue).toBe(0);
  });

  it('a period without sales has zero totals and no ratios, and margin in dollars and units per basket add up', async () => {
    const empty = filtersFor(admin, 'from=2031-01-01&to=2031-01-31');
    expect((await getKpis(db.db, admin, empty, AS_OF)).kpis).toEqual({
      revenue: 0, transactions: 0, units: 0, discount: 0, uniqueCustomers: 0, marginAmount: 0,
      avgOrderValue: null, unitsPerTransaction: null, grossMargin: null, likeForLike: null, yearOverYear: null,
    });
    const { kpis } = await getKpis(db.db, admin, filtersFor(admin, `from=${FROM}&to=${END}`), AS_OF);
    const [truth] = await queryRows<{ margin: number; units: number; baskets: number }>(
      db.db,
      sql`select sum(l.net - p.unit_cost * l.quantity)::float8 as margin, sum(l.quantity)::float8 as units,
            count(distinct (l.store_code, l.transaction_id, (l.occurred_at at time zone 'UTC')::date))::float8 as baskets
          from silver.sales_lines l join silver.products p on p.sku = l.sku
          where (l.occurred_at at time zone 'UTC')::date between ${FROM}::date and ${END}::date`,
    );
    expect(kpis.marginAmount).toBeCloseTo(truth.margin, 0);
    expect(kpis.unitsPerTransaction).toBeCloseTo(truth.units / truth.baskets, 2);
  });
});
