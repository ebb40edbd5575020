// KPI cards: totals of the filtered period and of the period it is compared with (lib/calendar/comparison.ts:
// the whole units before it, or the same days a year earlier; the elapsed part of a running period), with
// year-over-year and like-for-like revenue growth. Days are in the reporting time zone.
// Money is net of discounts in the store currency; grossMargin is (net − cost) ÷ net, a fraction.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { databaseIdentity, queryRows, type Database } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import { comparePeriods, type CompareMode, type DayRange } from '@/lib/calendar/comparison';
import type { ScopedFilters } from '@/lib/auth/scoped-filters';
import { FACT_FROM, factWhere, rollupWhere, selectOverSpans, withStoreKeys, type QueryFilters } from './internal/filter-sql';
import { cached } from '@/lib/cache/process-cache';
import { readInScope } from './internal/read-in-scope';
import { rollupRows } from './internal/rollup-rows';
import { CUSTOMER_ROLLUPS, planCustomerSource, planSource } from './internal/source-plan';
import { likeForLike, toKpis, type Kpis, type PeriodTotals as Totals } from '@/lib/analytics/kpi-math';
import { relativeChange } from '@/lib/analytics/period-change';

export type { Kpis };

export interface KpiOptions {
  compare: CompareMode;
  /** Today in the reporting time zone: where a running period stops being compared. */
  today: string;
}

export interface KpiResult {
  kpis: Kpis & {
    /** Revenue growth over the stores with a sale in both this period and `previousRange`; null without such stores. */
    likeForLike: number | null;
    /** Revenue growth against the same days a year earlier, whatever `compare` says. */
    yearOverYear: number | null;
  };
  previous: Kpis;
  compare: CompareMode;
  previousRange: DayRange;
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

/**
 * Net revenue per store with a sale in the period, from the smallest store-grain rollup that covers the
 * filters (sums only: a store sold when its rows count a basket), else the facts.
 */
function storeRevenueQuery(f: QueryFilters): SQL {
  const source = planSource('store', f, { transactions: false });
  return source === 'facts'
    ? sql`select f.store_key, sum(f.net)::float8 as revenue from ${FACT_FROM} where ${factWhere(f)} group by f.store_key`
    : sql`select r.store_key, coalesce(sum(r.net), 0)::float8 as revenue from ${rollupRows(source, f, { byDay: false })}
          group by r.store_key having sum(r.transactions) > 0`;
}

interface Period {
  kpis: Kpis;
  stores: Map<number, number>;
}

/** A period's totals, distinct customers and revenue per store, in one round trip. */
async function readPeriod(tx: Database, f: QueryFilters): Promise<Period> {
  const [{ unique_customers: uniqueCustomers, stores, ...totals }] = await queryRows<Totals & { unique_customers: number; stores: [number, number][] }>(
    tx,
    sql`select t.*, (${uniqueCustomersQuery(f)}) as unique_customers,
          (select coalesce(json_agg(json_build_array(s.store_key, s.revenue)), '[]'::json) from (${storeRevenueQuery(f)}) s) as stores
        from (${totalsQuery(f)}) t`,
  );
  return { kpis: toKpis(totals, uniqueCustomers), stores: new Map(stores) };
}

/** Net revenue alone, for the year-over-year line when the cards compare with the previous period. */
async function readRevenue(tx: Database, f: QueryFilters): Promise<number> {
  const [{ revenue }] = await queryRows<Totals>(tx, totalsQuery(f));
  return revenue;
}

export async function getKpis(db: Database, scope: Scope, filters: ScopedFilters, { compare, today }: KpiOptions): Promise<KpiResult> {
  const against = comparePeriods(filters, compare, today).range;
  const yearAgo = comparePeriods(filters, 'year', today).range;
  // The compared days depend on today (a running period), so they are part of the key, not only `compare`.
  return cached(db, { query: 'kpis', params: { filters, compare, against, yearAgo }, scope, through: filters.to }, async () => {
    const over = <T>(read: (tx: Database, f: QueryFilters) => Promise<T>, range?: DayRange) => () =>
      readInScope(db, scope, (tx) => withStoreKeys(tx, scope, filters).then((f) => read(tx, range ? { ...f, ...range } : f)));
    // The periods are independent: on Postgres they run side by side, each on its own connection. Inside a
    // caller's transaction there is one connection, so they take turns. The year-ago revenue is read only
    // when the comparison period is not already the same days a year earlier.
    const yearAgoRevenue = compare === 'year' ? null : over(readRevenue, yearAgo);
    const [current, previous, yearAgoTotal] = databaseIdentity(db)
      ? await Promise.all([over(readPeriod)(), over(readPeriod, against)(), yearAgoRevenue?.()])
      : [await over(readPeriod)(), await over(readPeriod, against)(), await yearAgoRevenue?.()];
    const yearOverYear = relativeChange(current.kpis.revenue, yearAgoTotal ?? previous.kpis.revenue);
    return {
      kpis: { ...current.kpis, likeForLike: likeForLike(current.stores, previous.stores).growth, yearOverYear },
      previous: previous.kpis,
      compare,
      previousRange: against,
      asOf: new Date().toISOString(),
    };
  });
}
