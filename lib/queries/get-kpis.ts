// KPI cards: totals of the filtered period and of the equal period just before it.
// Money is net of discounts in the store currency; grossMargin is (net − cost) ÷ net, a fraction.
import { sql } from 'drizzle-orm';
import { databaseIdentity, queryRows, type Database } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import { previousPeriod } from '@/lib/calendar/days';
import type { ResolvedFilters } from '@/lib/filters/resolve-filters';
import { FACT_FROM, factWhere, rollupWhere, withStoreKeys, type QueryFilters } from './internal/filter-sql';
import { cached } from '@/lib/cache/process-cache';
import { readInScope } from './internal/read-in-scope';
import { CUSTOMER_ROLLUP, planCustomerSource, planSource, ROLLUPS } from './internal/source-plan';
import { toKpis, type Kpis, type PeriodTotals as Totals } from '@/lib/analytics/kpi-math';

export type { Kpis };


export interface KpiResult {
  kpis: Kpis;
  previous: Kpis;
  asOf: string;
}


const TOTALS = sql`coalesce(sum(net), 0)::float8 as revenue, coalesce(sum(transactions), 0)::int as transactions,
  coalesce(sum(units), 0)::int as units, coalesce(sum(discount), 0)::float8 as discount, coalesce(sum(cost), 0)::float8 as cost`;

async function readTotals(tx: Database, f: QueryFilters): Promise<Totals> {
  const source = planSource('total', f);
  const query =
    source !== 'facts'
      ? sql`select ${TOTALS} from ${ROLLUPS[source].table} r where ${rollupWhere(f, 'r', ROLLUPS[source].columns)}`
      : sql`select coalesce(sum(f.net), 0)::float8 as revenue, count(distinct f.transaction_id)::int as transactions,
                coalesce(sum(f.quantity), 0)::int as units, coalesce(sum(f.discount), 0)::float8 as discount,
                coalesce(sum(f.cost), 0)::float8 as cost
              from ${FACT_FROM} where ${factWhere(f)}`;
  const [row] = await queryRows<Totals>(tx, query);
  return row;
}

/** Exact: distinct customers over the customer rollup where it covers the filters, else over the facts. Guests are not counted. */
async function readUniqueCustomers(tx: Database, f: QueryFilters): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    tx,
    planCustomerSource(f) === 'customers'
      ? // grouped rather than count(distinct): Postgres hashes a GROUP BY but sorts for count(distinct)
        sql`select count(*)::int as n from (
              select r.customer_id from ${CUSTOMER_ROLLUP.table} r where ${rollupWhere(f, 'r', CUSTOMER_ROLLUP.columns)} group by r.customer_id) d`
      : sql`select count(distinct c.customer_id)::int as n from ${FACT_FROM} where ${factWhere(f)} and f.customer_sk is not null`,
  );
  return row.n;
}

async function readPeriod(tx: Database, f: QueryFilters): Promise<Kpis> {
  const totals = await readTotals(tx, f);
  const uniqueCustomers = await readUniqueCustomers(tx, f);
  return toKpis(totals, uniqueCustomers);
}

export async function getKpis(db: Database, scope: Scope, filters: ResolvedFilters): Promise<KpiResult> {
  return cached(db, { query: 'kpis', params: { filters }, scope }, async () => {
    const period = (shift: boolean) => (tx: Database) =>
      withStoreKeys(tx, filters).then((f) => readPeriod(tx, shift ? { ...f, ...previousPeriod(f.from, f.to) } : f));
    // The two periods are independent: on Postgres they run side by side, each on its own connection.
    // Inside a caller's transaction there is one connection, so they take turns.
    const [kpis, previous] = databaseIdentity(db)
      ? await Promise.all([readInScope(db, scope, period(false)), readInScope(db, scope, period(true))])
      : [await readInScope(db, scope, period(false)), await readInScope(db, scope, period(true))];
    return { kpis, previous, asOf: new Date().toISOString() };
  });
}
