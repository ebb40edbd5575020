// KPI cards: totals of the filtered period and of the equal period just before it.
// Money is net of discounts in the store currency; grossMargin is (net − cost) ÷ net, a fraction.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { databaseIdentity, queryRows, type Database } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import { previousPeriod } from '@/lib/calendar/days';
import type { ScopedFilters } from '@/lib/auth/scoped-filters';
import { FACT_FROM, factWhere, rollupWhere, selectOverSpans, withStoreKeys, type QueryFilters } from './internal/filter-sql';
import { cached } from '@/lib/cache/process-cache';
import { readInScope } from './internal/read-in-scope';
import { rollupRows } from './internal/rollup-rows';
import { CUSTOMER_ROLLUPS, planCustomerSource, planSource } from './internal/source-plan';
import { toKpis, type Kpis, type PeriodTotals as Totals } from '@/lib/analytics/kpi-math';

export type { Kpis };


export interface KpiResult {
  kpis: Kpis;
  previous: Kpis;
  asOf: string;
}


const TOTALS = sql`coalesce(sum(net), 0)::float8 as revenue, coalesce(sum(transactions), 0)::float8 as transactions,
  coalesce(sum(units), 0)::float8 as units, coalesce(sum(discount), 0)::float8 as discount, coalesce(sum(cost), 0)::float8 as cost`;

function totalsQuery(f: QueryFilters): SQL {
  const source = planSource('total', f);
  return source !== 'facts'
    ? sql`select ${TOTALS} from ${rollupRows(source, f, { byDay: false })}`
    : sql`select coalesce(sum(f.net), 0)::float8 as revenue, count(distinct f.transaction_id)::int as transactions,
            coalesce(sum(f.quantity), 0)::float8 as units, coalesce(sum(f.discount), 0)::float8 as discount,
            coalesce(sum(f.cost), 0)::float8 as cost
          from ${FACT_FROM} where ${factWhere(f)}`;
}

/** Exact: distinct customers from the smallest customer rollup that covers the filters, else the facts. Guests are not counted. */
function uniqueCustomersQuery(f: QueryFilters): SQL {
  const source = planCustomerSource(f);
  switch (source) {
    case 'bitmaps': {
      // OR-ed chunk by chunk, then counted: over the spans that cover the range where it holds a run of days
      const select = sql`r.chunk, r.customers`;
      const shape = CUSTOMER_ROLLUPS.bitmaps;
      const rows = selectOverSpans(f, select, shape, { days: shape.table, spans: shape.spans })
        ?? sql`select ${select} from ${shape.table} r where ${rollupWhere(f, 'r', shape)}`;
      return sql`select coalesce(sum(bit_count(d.customers)), 0)::int from (
          select bit_or(u.customers) as customers from (${rows}) u group by u.chunk) d`;
    }
    case 'customers':
      // grouped rather than count(distinct): Postgres hashes a GROUP BY but sorts for count(distinct)
      return sql`select count(*)::int from (
          select r.customer_id from ${CUSTOMER_ROLLUPS.customers.table} r
          where ${rollupWhere(f, 'r', CUSTOMER_ROLLUPS.customers)} group by r.customer_id) d`;
    case 'sales':
    case 'categorySales': {
      const shape = CUSTOMER_ROLLUPS[source];
      return sql`select count(*)::int from (
          select r.customer_id from ${shape.table} r where ${rollupWhere(f, 'r', shape)} group by r.customer_id) d`;
    }
    case 'categoryCustomers':
      return sql`select count(*)::int from (
          select r.customer_no from ${CUSTOMER_ROLLUPS.categoryCustomers.table} r
          where ${rollupWhere(f, 'r', CUSTOMER_ROLLUPS.categoryCustomers)} group by r.customer_no) d`;
    case 'facts':
      return sql`select count(distinct c.customer_id)::int from ${FACT_FROM} where ${factWhere(f)} and f.customer_sk is not null`;
  }
}

/** A period's totals and distinct customers, in one round trip. */
async function readPeriod(tx: Database, f: QueryFilters): Promise<Kpis> {
  const [{ unique_customers: uniqueCustomers, ...totals }] = await queryRows<Totals & { unique_customers: number }>(
    tx,
    sql`select t.*, (${uniqueCustomersQuery(f)}) as unique_customers from (${totalsQuery(f)}) t`,
  );
  return toKpis(totals, uniqueCustomers);
}

export async function getKpis(db: Database, scope: Scope, filters: ScopedFilters): Promise<KpiResult> {
  return cached(db, { query: 'kpis', params: { filters }, scope, through: filters.to }, async () => {
    const period = (shift: boolean) => (tx: Database) =>
      withStoreKeys(tx, scope, filters).then((f) => readPeriod(tx, shift ? { ...f, ...previousPeriod(f.from, f.to) } : f));
    // The two periods are independent: on Postgres they run side by side, each on its own connection.
    // Inside a caller's transaction there is one connection, so they take turns.
    const [kpis, previous] = databaseIdentity(db)
      ? await Promise.all([readInScope(db, scope, period(false)), readInScope(db, scope, period(true))])
      : [await readInScope(db, scope, period(false)), await readInScope(db, scope, period(true))];
    return { kpis, previous, asOf: new Date().toISOString() };
  });
}
