/**
 * The detail table walked page by page with its cursors, for every sort and direction, against the same
 * view ordered by independent SQL with LIMIT/OFFSET: filters, region scopes, ties on the sort value, lines
 * that arrive between two page reads, Previous, page numbers counted from either end, the CSV export's
 * batches, and the totals — on PGlite and on real Postgres.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { bumpDataVersions } from '@/lib/cache/data-versions';
import { parseDashboardState, SORTABLE_COLUMNS, type SortColumn, type TableSort } from '@/lib/filters/dashboard-state';
import { scopeFilters } from '@/lib/auth/scoped-filters';
import type { Scope } from '@/lib/auth/scope';
import { listTransactions, listTransactionsAfter, type TransactionPage } from '@/lib/queries/list-transactions';
import { seedDemoData } from '@/lib/seed';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';
import { prepareUsers, scopeFor } from '../helpers/scopes';

const END = '2026-05-31';

/** Each sort's total order, written here from the contract, not from lib/queries: ties by time then line; by region then store; by category then product. */
const ORDERS: Record<SortColumn, string> = {
  occurredAt: 'f.occurred_at #, f.sales_line_id #',
  store: 's.store_code #, f.occurred_at #, f.sales_line_id #',
  region: 'r.name #, s.store_code #, f.occurred_at #, f.sales_line_id #',
  category: 'p.category #, p.name #, p.product_key #, f.occurred_at #, f.sales_line_id #',
  product: 'p.name #, p.product_key #, f.occurred_at #, f.sales_line_id #',
  quantity: 'f.quantity #, f.sales_line_id #',
  net: 'f.net #, f.sales_line_id #',
  discount: 'f.discount #, f.sales_line_id #',
};

const SORTS: TableSort[] = SORTABLE_COLUMNS.flatMap((column) => (['asc', 'desc'] as const).map((direction) => ({ column, direction })));
const label = (s: TableSort) => `${s.direction === 'desc' ? '-' : ''}${s.column}`;

/** A view as the URL says it, and the same view as independent SQL over the facts (as the owner, no row-level security). */
interface View {
  name: string;
  user: string;
  query: string;
  where: SQL;
  pageSize: number;
}

const inRange = (from: string, to: string) => sql`(f.occurred_at at time zone 'UTC')::date between ${from}::date and ${to}::date`;
const regions = (...names: string[]) => sql`r.name in (${sql.join(names.map((n) => sql`${n}`), sql`, `)})`;
const ALL_REGIONS = ['East', 'West', 'North', 'South', 'Central'];

const VIEWS: View[] = [
  {
    name: 'a month, every region',
    user: 'admin@retailwave.test', query: `from=2026-05-01&to=${END}`, pageSize: 40,
    where: sql`${inRange('2026-05-01', END)} and ${regions(...ALL_REGIONS)}`,
  },
  {
    name: 'five months of Saturdays (store clocks)',
    user: 'admin@retailwave.test', query: `from=2026-01-01&to=${END}&sel=weekday:6`, pageSize: 30,
    where: sql`${inRange('2026-01-01', END)} and extract(isodow from f.occurred_at at time zone coalesce(s.time_zone, 'UTC')) = 6`,
  },
  {
    name: 'one region, two dear categories over three months',
    user: 'east.manager@retailwave.test', query: `from=2026-03-01&to=${END}&categories=Electronics,Home+%26+Garden`, pageSize: 7,
    where: sql`${inRange('2026-03-01', END)} and ${regions('East')} and p.category in ('Electronics', 'Home & Garden')`,
  },
  {
    name: 'two regions, two cheap categories and two segments over a month',
    user: 'analyst@retailwave.test', query: `from=2026-05-01&to=${END}&categories=Fresh,Grocery&segments=Premium,Guest`, pageSize: 6,
    where: sql`${inRange('2026-05-01', END)} and ${regions('East', 'West')} and p.category in ('Fresh', 'Grocery')
      and coalesce(c.segment, 'Guest') in ('Premium', 'Guest')`,
  },
  {
    name: 'two stores and two categories over the whole history',
    user: 'admin@retailwave.test', query: 'from=2024-06-01&to=2026-05-31&stores=S001,S002&categories=Electronics,Apparel', pageSize: 5,
    where: sql`${inRange('2024-06-01', END)} and s.store_code in ('S001', 'S002') and p.category in ('Electronics', 'Apparel')`,
  },
];

describe.each(testEngines())('detail table pages on %s', (engine) => {
  let db: TestDatabase;
  const scopes = new Map<string, Scope>();

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await seedDemoData(db.db, { lines: 15_000, seed: 23, now: new Date(Date.parse(END) + 86_400_000), timeZone: 'UTC' });
    await prepareUsers(db);
    for (const user of new Set(VIEWS.map((v) => v.user))) scopes.set(user, await scopeFor(db, user));
  }, 180_000);
  afterAll(() => db.destroy());

  const filtersOf = (view: View) => scopeFilters(parseDashboardState(new URLSearchParams(view.query)), scopes.get(view.user)!, { timeZone: 'UTC' });

  async function independent(view: View, sort: TableSort, page?: { limit: number; offset: number }): Promise<number[]> {
    const order = sql.raw(ORDERS[sort.column].replaceAll('#', sort.direction));
    const rows = await queryRows<{ id: number }>(
      db.db,
      sql`select f.sales_line_id::float8 as id from gold.fact_sales f
          join gold.dim_store s on s.store_key = f.store_key join gold.dim_region r on r.region_id = f.region_id
          join gold.dim_product p on p.product_key = f.product_key left join gold.dim_customer c on c.customer_sk = f.customer_sk
          where ${view.where} order by ${order} ${page ? sql`limit ${page.limit} offset ${page.offset}` : sql``}`,
    );
    return rows.map((r) => r.id);
  }

  const read = (view: View, sort: TableSort, page: number, cursor?: string) =>
    listTransactions(db.db, scopes.get(view.user)!, filtersOf(view), { page, pageSize: view.pageSize, sort, cursor });

  /** Every page from the first, each from the cursor of the one before. */
  async function walkForward(view: View, sort: TableSort): Promise<TransactionPage[]> {
    const pages = [await read(view, sort, 1)];
    for (let next = pages[0].next; next; next = pages[pages.length - 1].next) {
      pages.push(await read(view, sort, pages.length + 1, next));
      if (pages.length > 500) throw new Error('the walk does not end');
    }
    return pages;
  }

  it.each(VIEWS.map((v) => [v.name, v] as const))('%s: every sort walked with Next, then back with Previous, equals ORDER BY', async (_name, view) => {
    const expectedTotal = (await independent(view, SORTS[0])).length;
    expect(expectedTotal).toBeGreaterThan(view.pageSize * 2);
    for (const sort of SORTS) {
      const pages = await walkForward(view, sort);
      const walked = pages.flatMap((p) => p.rows.map((r) => r.lineId));
      expect({ sort: label(sort), walked }).toEqual({ sort: label(sort), walked: await independent(view, sort) });
      expect(pages.map((p) => p.page)).toEqual(pages.map((_, i) => i + 1));
      expect(pages.every((p) => p.total === expectedTotal)).toBe(true);
      expect(pages[0].previous).toBeNull();
      // Back from the last page: each Previous shows the page before it, and the first page has no Previous.
      for (let i = pages.length - 1; i > 0; i--) {
        const back = await read(view, sort, i, pages[i].previous!);
        expect({ sort: label(sort), page: i, ids: back.rows.map((r) => r.lineId) }).toEqual({
          sort: label(sort), page: i, ids: pages[i - 1].rows.map((r) => r.lineId),
        });
        expect(back.next).not.toBeNull();
        if (i > 1) expect(back.previous).not.toBeNull();
      }
    }
  }, 300_000);

  it('page numbers jump by counting from the nearer end, and a page past the last shows the last', async () => {
    const view = VIEWS[0];
    for (const sort of SORTS) {
      const all = await independent(view, sort);
      const pages = Math.ceil(all.length / view.pageSize);
      for (const page of [2, Math.ceil(pages / 2) + 1, pages - 1, pages]) {
        const shown = await read(view, sort, page);
        expect({ sort: label(sort), page, ids: shown.rows.map((r) => r.lineId) }).toEqual({
          sort: label(sort), page, ids: await independent(view, sort, { limit: view.pageSize, offset: (page - 1) * view.pageSize }),
        });
      }
      const past = await read(view, sort, pages + 7);
      expect(past.page).toBe(pages);
      expect(past.rows.map((r) => r.lineId)).toEqual(all.slice((pages - 1) * view.pageSize));
      expect(past.next).toBeNull();
    }
  }, 300_000);

  it('lines that arrive between two page reads neither repeat nor hide the lines that were there', async () => {
    const view = VIEWS[0];
    const [{ max }] = await queryRows<{ max: number }>(db.db, sql`select max(sales_line_id)::float8 as max from gold.fact_sales`);
    for (const sort of [{ column: 'net', direction: 'desc' }, { column: 'store', direction: 'asc' }, { column: 'product', direction: 'desc' }, { column: 'occurredAt', direction: 'desc' }] as TableSort[]) {
      const before = await independent(view, sort);
      const first = await read(view, sort, 1);
      const second = await read(view, sort, 2, first.next!);
      // New lines on both sides of the reader's position in every order: copies of lines already shown and
      // of lines not yet reached, at the same places (same store, product, time and amounts), new ids.
      const copied = [first.rows[3], second.rows[5], before[before.length - 4]].map((r) => (typeof r === 'number' ? r : r.lineId));
      await db.db.execute(sql`
        insert into gold.fact_sales (sales_line_id, date_key, hour, weekday, occurred_at, transaction_id, store_key, region_id, product_key,
          customer_sk, campaign_key, quantity, gross, discount, net, cost)
        select ${max} + row_number() over (order by sales_line_id), date_key, hour, weekday, occurred_at, transaction_id || '-late', store_key,
          region_id, product_key, customer_sk, campaign_key, quantity, gross, discount, net, cost
        from gold.fact_sales where sales_line_id = any(${`{${copied.join(',')}}`}::bigint[])`);
      // as every ETL batch does: cached pages of the changed regions are not reused
      await bumpDataVersions(db.db, [1, 2, 3, 4, 5]);
      try {
        const rest: number[] = [];
        for (let page = 3, next = second.next; next; page++) {
          const shown = await read(view, sort, page, next);
          rest.push(...shown.rows.map((r) => r.lineId));
          next = shown.next;
        }
        const walked = [...first.rows, ...second.rows].map((r) => r.lineId).concat(rest);
        expect(new Set(walked).size).toBe(walked.length);
        expect({ sort: label(sort), old: walked.filter((id) => id <= max) }).toEqual({ sort: label(sort), old: before });
        // the copy of a line not yet reached is shown after all
        expect(walked.filter((id) => id > max).length).toBeGreaterThanOrEqual(1);
      } finally {
        await db.db.execute(sql`delete from gold.fact_sales where sales_line_id > ${max}`);
        await bumpDataVersions(db.db, [1, 2, 3, 4, 5]);
      }
    }
  }, 120_000);

  it("the CSV export's batches follow the same orders", async () => {
    for (const view of [VIEWS[2], VIEWS[3]]) {
      for (const sort of SORTS) {
        const ids: number[] = [];
        let cursor = null;
        do {
          const batch = await listTransactionsAfter(db.db, scopes.get(view.user)!, filtersOf(view), sort, cursor, 4);
          ids.push(...batch.rows.map((r) => r.lineId));
          cursor = batch.next;
        } while (cursor);
        expect({ sort: label(sort), ids }).toEqual({ sort: label(sort), ids: await independent(view, sort) });
      }
    }
  }, 120_000);

  it('totals add up every matching line, several categories at once included', async () => {
    const admin = await scopeFor(db, 'admin@retailwave.test');
    const cases: [string, SQL][] = [
      ['categories=Fresh,Grocery,Apparel', sql`p.category in ('Fresh', 'Grocery', 'Apparel')`],
      ['categories=Electronics&segments=Premium,Business', sql`p.category = 'Electronics' and coalesce(c.segment, 'Guest') in ('Premium', 'Business')`],
      ['sel=hour:12,category:Fresh', sql`p.category = 'Fresh' and extract(hour from f.occurred_at at time zone coalesce(s.time_zone, 'UTC')) = 12`],
      ['stores=S001,S002&categories=Fresh,Beverages', sql`s.store_code in ('S001', 'S002') and p.category in ('Fresh', 'Beverages')`],
      ['stores=S003&drill=Fresh/Dairy', sql`s.store_code = 'S003' and p.category = 'Fresh' and p.subcategory = 'Dairy'`],
    ];
    for (const [query, where] of cases) {
      const f = scopeFilters(parseDashboardState(new URLSearchParams(`from=2026-02-01&to=${END}&${query}`)), admin, { timeZone: 'UTC' });
      const { total, totals } = await listTransactions(db.db, admin, f, { page: 1, pageSize: 5 });
      const [expected] = await queryRows<{ lines: number; quantity: number; gross: number; discount: number; net: number }>(
        db.db,
        sql`select count(*)::int as lines, coalesce(sum(f.quantity), 0)::int as quantity, coalesce(sum(f.gross), 0)::float8 as gross,
              coalesce(sum(f.discount), 0)::float8 as discount, coalesce(sum(f.net), 0)::float8 as net
            from gold.fact_sales f join gold.dim_store s on s.store_key = f.store_key join gold.dim_product p on p.product_key = f.product_key
              left join gold.dim_customer c on c.customer_sk = f.customer_sk
            where ${inRange('2026-02-01', END)} and ${where}`,
      );
      expect(expected.lines).toBeGreaterThan(0);
      expect({ query, total, lines: totals.lines, quantity: totals.quantity }).toEqual({ query, total: expected.lines, lines: expected.lines, quantity: expected.quantity });
      expect(totals.gross).toBeCloseTo(expected.gross, 2);
      expect(totals.discount).toBeCloseTo(expected.discount, 2);
      expect(totals.net).toBeCloseTo(expected.net, 2);
    }
  });
});
