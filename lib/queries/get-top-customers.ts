// Top customers by revenue (net, store currency) within the scope and filters. Totals, orders and the
// last purchase count only in-scope lines of the range, never a customer's purchases elsewhere; name,
// segment and home store are the customer's newest version the scope may see (row-level security shows a
// version with an in-scope sale or home store: the current one, unless it has neither yet; a home store
// outside the scope stays hidden).
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import type { ScopedFilters } from '@/lib/auth/scoped-filters';
import { FACT_FROM, factWhere, rollupWhere, selectOverSpans, withStoreKeys, type QueryFilters } from './internal/filter-sql';
import { cached } from '@/lib/cache/process-cache';
import { readInScope } from './internal/read-in-scope';
import { planCustomerHistory } from './internal/source-plan';

export const TOP_CUSTOMERS_LIMIT = 20;

export interface TopCustomerRow {
  customerId: string;
  name: string;
  /** The current segment, which may differ from the segments the purchases were made under. */
  segment: string;
  homeStoreCode: string | null;
  homeStoreName: string | null;
  /** Distinct transactions. */
  orders: number;
  revenue: number;
  /** YYYY-MM-DD in the reporting time zone. */
  lastPurchase: string;
}

/**
 * The `limit` best customers of the range as (customer_id, orders, revenue, last_key). Baskets add up
 * across a customer's sales rows (their keys are a basket's) within one category, so orders are their sums
 * there; spans answer the runs of days of a range with no store, hour, weekday or category filter. A basket
 * with lines in two of several filtered categories is in both categories' rows: only the facts count it
 * once. The last purchase is read per customer shown, from the sales rows through their customer index.
 */
function totalsQuery(f: QueryFilters, limit: number): SQL {
  const plan = planCustomerHistory(f);
  if (plan === 'facts' || f.categories.length > 1) {
    return sql`select c.customer_id, count(distinct f.transaction_id)::int as orders, sum(f.net) as revenue, max(f.date_key) as last_key
      from ${FACT_FROM}
      where ${factWhere(f)} and f.customer_sk is not null
      group by c.customer_id
      order by revenue desc, c.customer_id
      limit ${limit}`;
  }
  const { sales, salesByRegion } = plan.history;
  const select = sql`r.customer_id, r.net, r.transactions`;
  const spans = plan.read === 'bitmaps' ? salesByRegion.spans : undefined;
  const rows = (spans ? selectOverSpans(f, select, salesByRegion, { days: salesByRegion.table, spans }) : null)
    ?? sql`select ${select} from ${sales.table} r where ${rollupWhere(f, 'r', sales)}`;
  return sql`
    select t.*, (select max(l.date_key) from ${sales.table} l where l.customer_id = t.customer_id and ${rollupWhere(f, 'l', sales)}) as last_key
    from (
      select r.customer_id, sum(r.transactions)::int as orders, sum(r.net) as revenue
      from (${rows}) r group by r.customer_id order by revenue desc, r.customer_id limit ${limit}
    ) t`;
}

function topCustomersQuery(f: QueryFilters, limit: number) {
  return sql`
    select t.customer_id as "customerId", cur.name, cur.segment, s.store_code as "homeStoreCode", s.name as "homeStoreName",
      t.orders, t.revenue::float8 as revenue, d.date::text as "lastPurchase"
    from (${totalsQuery(f, limit)}) t
    cross join lateral (
      select v.name, v.segment, v.home_store_key from gold.dim_customer v
      where v.customer_id = t.customer_id order by v.valid_from desc limit 1) cur
    left join gold.dim_store s on s.store_key = cur.home_store_key
    join gold.dim_date d on d.date_key = t.last_key
    order by t.revenue desc, t.customer_id`;
}

export async function getTopCustomers(
  db: Database,
  scope: Scope,
  filters: ScopedFilters,
  limit = TOP_CUSTOMERS_LIMIT,
): Promise<TopCustomerRow[]> {
  return cached(db, { query: 'top-customers', params: { filters, limit }, scope, through: filters.to }, () =>
    readInScope(db, scope, async (tx) => {
      const f = await withStoreKeys(tx, scope, filters);
      const rows = await queryRows<TopCustomerRow>(tx, topCustomersQuery(f, limit));
      return rows.map((r) => ({ ...r, revenue: Math.round(r.revenue * 100) / 100 }));
    }),
  );
}
