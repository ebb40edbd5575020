// The data of every tile of the sales overview, computed two ways on the same database:
// through our query layer (rollups, scope, cache) and "the obvious way" — the joins and GROUP BYs over
// the sales lines that a notebook or Dash app would run, with no rollups and no cache.
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import { addDays, dateKeyOf, previousPeriod } from '@/lib/calendar/days';
import type { ScopedFilters } from '@/lib/auth/scoped-filters';
import { getBreakdown } from '@/lib/queries/get-breakdown';
import { getKpis } from '@/lib/queries/get-kpis';
import { getTrend } from '@/lib/queries/get-trend';
import { getWeekdayHour } from '@/lib/queries/get-weekday-hour';
import { listTransactions } from '@/lib/queries/list-transactions';

/** The overview's comparison: the previous period, as of the day after the bench's range (nothing running). */
const comparedAsOf = (filters: ScopedFilters) => ({ compare: 'previous', today: addDays(filters.to, 1) }) as const;

/** The overview's tiles by name, each through our query layer. */
export const OVERVIEW_TILES: Record<string, (db: Database, scope: Scope, filters: ScopedFilters) => Promise<unknown>> = {
  kpis: (db, scope, filters) => getKpis(db, scope, filters, comparedAsOf(filters)),
  trend: (db, scope, filters) => getTrend(db, scope, filters, 'day', comparedAsOf(filters)),
  category: (db, scope, filters) => getBreakdown(db, scope, filters, 'category'),
  'top stores': (db, scope, filters) => getBreakdown(db, scope, filters, 'store', 10),
  hour: (db, scope, filters) => getBreakdown(db, scope, filters, 'hour'),
  'weekday × hour': (db, scope, filters) => getWeekdayHour(db, scope, filters),
  region: (db, scope, filters) => getBreakdown(db, scope, filters, 'region'),
  'detail table': (db, scope, filters) => listTransactions(db, scope, filters, { page: 1, pageSize: 25 }),
};

/** All tiles at once, as the page asks for them. */
export async function overviewThroughQueryLayer(db: Database, scope: Scope, filters: ScopedFilters) {
  return Promise.all(Object.values(OVERVIEW_TILES).map((tile) => tile(db, scope, filters)));
}

const LINES = sql`gold.fact_sales f
  join gold.dim_product p on p.product_key = f.product_key
  join gold.dim_store s on s.store_key = f.store_key
  join gold.dim_region r on r.region_id = s.region_id
  left join gold.dim_customer c on c.customer_sk = f.customer_sk`;

export async function overviewTheObviousWay(db: Database, filters: ScopedFilters) {
  const prior = previousPeriod(filters.from, filters.to);
  const where = (from: string, to: string) => sql`f.date_key between ${dateKeyOf(from)} and ${dateKeyOf(to)}`;
  const kpis = (from: string, to: string) =>
    queryRows(db, sql`select sum(f.net) as revenue, count(distinct f.transaction_id) as transactions, sum(f.quantity) as units,
      sum(f.discount) as discount, count(distinct c.customer_id) as customers, sum(f.net - f.cost) as margin
      from ${LINES} where ${where(from, to)}`);
  return Promise.all([
    kpis(filters.from, filters.to),
    kpis(prior.from, prior.to),
    queryRows(db, sql`select f.date_key, sum(f.net), count(distinct f.transaction_id) from ${LINES}
      where ${where(prior.from, filters.to)} group by 1 order by 1`),
    queryRows(db, sql`select p.category, sum(f.net), count(distinct f.transaction_id), sum(f.quantity) from ${LINES}
      where ${where(filters.from, filters.to)} group by 1 order by 2 desc`),
    queryRows(db, sql`select s.store_code, s.name, r.name, sum(f.net), count(distinct f.transaction_id) from ${LINES}
      where ${where(filters.from, filters.to)} group by 1, 2, 3 order by 4 desc limit 10`),
    queryRows(db, sql`select f.hour, sum(f.net), count(distinct f.transaction_id) from ${LINES}
      where ${where(filters.from, filters.to)} group by 1 order by 1`),
    queryRows(db, sql`select extract(isodow from f.occurred_at), f.hour, sum(f.net) from ${LINES}
      where ${where(filters.from, filters.to)} group by 1, 2`),
    queryRows(db, sql`select r.name, sum(f.net), count(distinct f.transaction_id) from ${LINES}
      where ${where(filters.from, filters.to)} group by 1 order by 2 desc`),
    queryRows(db, sql`select f.*, s.name, p.name from ${LINES} where ${where(filters.from, filters.to)}
      order by f.occurred_at desc limit 25`),
    queryRows(db, sql`select count(*), sum(f.net) from ${LINES} where ${where(filters.from, filters.to)}`),
  ]);
}
