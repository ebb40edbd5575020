// The random views' API answers computed "the obvious way": plain joins of gold.fact_sales to its
// dimensions with a GROUP BY, filtered on the dimensions' own columns, no rollups and no cache, run
// directly on the database as the owner (the explorer's regions are a WHERE, not row-level security).
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { textArray } from '@/db/sql';
import { dateKeyOf, previousPeriod } from '@/lib/calendar/days';
import { GUEST_SEGMENT } from '@/lib/filters/segments';
import type { BreakdownDimension } from '@/lib/queries/get-breakdown';
import type { View } from './random-views';

export const LINES = sql`gold.fact_sales f
  join gold.dim_date d on d.date_key = f.date_key
  join gold.dim_store s on s.store_key = f.store_key
  join gold.dim_region r on r.region_id = s.region_id
  join gold.dim_product p on p.product_key = f.product_key
  left join gold.dim_customer c on c.customer_sk = f.customer_sk`;

/** A tile whose own cross-filter selection highlights instead of filtering it (as the dashboards draw them). */
export type Except = 'hour' | 'weekday' | 'category';

export interface ObviousFilter {
  view: View;
  regionsInScope: readonly string[];
  /** Other days than the view's (previous period, a widened window); the view's own by default. */
  range?: { from: string; to: string };
  except?: Except;
}

/** The WHERE of a view over LINES: its days, regions (or all of the explorer's), stores, categories, selection, drill. */
export function obviousWhere({ view, regionsInScope, range = view, except }: ObviousFilter): SQL {
  const parts = [
    sql`f.date_key between ${dateKeyOf(range.from)} and ${dateKeyOf(range.to)}`,
    sql`r.name = any(${textArray(view.regions.length ? view.regions : regionsInScope)})`,
  ];
  if (view.stores.length) parts.push(sql`s.store_code = any(${textArray(view.stores)})`);
  const selected = view.selection && view.selection.dimension !== except ? view.selection : null;
  let categories = view.categories;
  for (const narrowTo of [selected?.dimension === 'category' ? selected.key : null, view.drill[0] ?? null]) {
    if (narrowTo) categories = categories.length ? categories.filter((c) => c === narrowTo) : [narrowTo];
  }
  // A selection outside the filtered categories selects nothing.
  if (categories.length === 0 && view.categories.length > 0) parts.push(sql`false`);
  if (categories.length) parts.push(sql`p.category = any(${textArray(categories)})`);
  if (view.drill[1]) parts.push(sql`p.subcategory = ${view.drill[1]}`);
  if (view.segments.length) parts.push(sql`coalesce(c.segment, ${GUEST_SEGMENT}) = any(${textArray(view.segments)})`);
  if (selected?.dimension === 'hour') parts.push(sql`f.hour = ${Number(selected.key)}`);
  if (selected?.dimension === 'weekday') parts.push(sql`d.weekday = ${Number(selected.key)}`);
  return sql.join(parts, sql` and `);
}

const PERIOD_TOTALS = sql`sum(f.net) as revenue, count(distinct f.transaction_id) as transactions, sum(f.quantity) as units,
  sum(f.discount) as discount, count(distinct c.customer_id) as customers, sum(f.net - f.cost) as margin`;

/** GET /api/metrics/kpis: the range's totals and the previous period's. */
export function obviousKpis(db: Database, filter: ObviousFilter) {
  const { view } = filter;
  return Promise.all([
    queryRows(db, sql`select ${PERIOD_TOTALS} from ${LINES} where ${obviousWhere(filter)}`),
    queryRows(db, sql`select ${PERIOD_TOTALS} from ${LINES} where ${obviousWhere({ ...filter, range: previousPeriod(view.from, view.to) })}`),
  ]);
}

const GROUP_BY: Record<BreakdownDimension, { key: SQL; label: SQL; chronological?: boolean }> = {
  region: { key: sql`r.name`, label: sql`r.name` },
  store: { key: sql`s.store_code`, label: sql`s.name || ' (' || r.name || ')'` },
  category: { key: sql`p.category`, label: sql`p.category` },
  subcategory: { key: sql`p.category || ' / ' || p.subcategory`, label: sql`p.subcategory` },
  product: { key: sql`p.sku`, label: sql`p.name` },
  hour: { key: sql`f.hour`, label: sql`f.hour`, chronological: true },
  weekday: { key: sql`d.weekday`, label: sql`d.weekday_name`, chronological: true },
  day: { key: sql`d.date`, label: sql`d.date`, chronological: true },
};

/** GET /api/metrics/breakdown: revenue, baskets and units by one dimension. */
export function obviousBreakdown(db: Database, filter: ObviousFilter, dimension: BreakdownDimension, limit = 1_000) {
  const g = GROUP_BY[dimension];
  return queryRows(
    db,
    sql`select ${g.key} as key, ${g.label} as label, sum(f.net) as revenue, count(distinct f.transaction_id) as transactions,
          sum(f.quantity) as units
        from ${LINES} where ${obviousWhere(filter)}
        group by 1, 2 order by ${g.chronological ? sql`1` : sql`3 desc, 1`} limit ${limit}`,
  );
}

const SORT_BY: Record<string, SQL> = {
  occurredAt: sql`f.occurred_at`,
  store: sql`s.store_code`,
  region: sql`r.name`,
  category: sql`p.category`,
  product: sql`p.name`,
  quantity: sql`f.quantity`,
  net: sql`f.net`,
  discount: sql`f.discount`,
};

/** GET /api/transactions: one page of lines in the asked order (newest first by default), and the totals row. */
export function obviousTransactions(db: Database, filter: ObviousFilter, paging: { sort?: string; page?: number } = {}, pageSize = 25) {
  const sort = paging.sort ?? '-occurredAt';
  const direction = sql.raw(sort.startsWith('-') ? 'desc' : 'asc');
  const where = obviousWhere(filter);
  return Promise.all([
    queryRows(
      db,
      sql`select f.sales_line_id, f.occurred_at, f.transaction_id, s.store_code, s.name as store, r.name as region, p.category,
            p.sku, p.name as product, c.customer_id, coalesce(c.segment, ${GUEST_SEGMENT}) as segment, f.quantity, f.gross,
            f.discount, f.net
          from ${LINES} where ${where}
          order by ${SORT_BY[sort.replace(/^-/, '')]!} ${direction}, f.sales_line_id ${direction}
          limit ${pageSize} offset ${((paging.page ?? 1) - 1) * pageSize}`,
    ),
    queryRows(db, sql`select count(*), sum(f.quantity), sum(f.gross), sum(f.discount), sum(f.net) from ${LINES} where ${where}`),
  ]);
}
