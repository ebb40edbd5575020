// Retention cohorts: customers grouped by the calendar month or ISO week of their first purchase within
// the scope and filters, and how many of them bought again in each later period. A customer is the stable
// customer_id (every SCD2 version counts); guests are left out. Days are in the reporting time zone.
import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import { buildCohortTriangle, periodStart, type CohortCell, type CohortGrain, type CohortTriangle } from '@/lib/analytics/cohorts';
import { dateKeyOf } from '@/lib/calendar/days';
import type { ScopedFilters } from '@/lib/auth/scoped-filters';
import { FACT_FROM, factWhere, withStoreKeys, type QueryFilters } from './internal/filter-sql';
import { cached } from '@/lib/cache/process-cache';
import { readInScope } from './internal/read-in-scope';

/** Far enough back that "first purchase" means first ever, not first within the range. */
export const HISTORY_START = '1900-01-01';

function cohortQuery(f: QueryFilters, grain: CohortGrain, firstCohort: string) {
  const history = { ...f, from: HISTORY_START };
  return sql`
    with lines as materialized (
      select c.customer_id, f.date_key from ${FACT_FROM}
      where ${factWhere(history)} and f.customer_sk is not null
    ),
    firsts as materialized (
      select customer_id, min(date_key) as first_key from lines
      group by customer_id having min(date_key) >= ${dateKeyOf(firstCohort)}
    ),
    activity as (
      select distinct l.customer_id,
        date_trunc(${grain}, fd.date::timestamp)::date as cohort,
        date_trunc(${grain}, d.date::timestamp)::date as period
      from lines l
      join firsts fi on fi.customer_id = l.customer_id
      join gold.dim_date d on d.date_key = l.date_key
      join gold.dim_date fd on fd.date_key = fi.first_key
    )
    select cohort::text as cohort, period::text as period, count(*)::int as customers
    from activity group by cohort, period order by cohort, period`;
}

/**
 * The cohort triangle of the filters' range: the first cohort is the period containing `from`, purchases
 * are observed up to `to` (the last period may still be running). Customers whose first purchase in scope
 * came before that period belong to no cohort shown.
 */
export async function getCohorts(db: Database, scope: Scope, filters: ScopedFilters, grain: CohortGrain): Promise<CohortTriangle> {
  return cached(db, { query: 'cohorts', params: { filters, grain }, scope }, () =>
    readInScope(db, scope, async (tx) => {
      const f = await withStoreKeys(tx, scope, filters);
      const window = { from: periodStart(f.from, grain), to: f.to };
      const cells = await queryRows<CohortCell>(tx, cohortQuery(f, grain, window.from));
      return buildCohortTriangle(cells, grain, window);
    }),
  );
}
