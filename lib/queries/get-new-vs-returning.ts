// New vs returning revenue (net, store currency) per calendar month or ISO week of the range. A line is
// "new" when it falls in its customer's first-purchase period within the scope and filters (the cohort
// period of get-cohorts), "returning" otherwise; lines without a customer are reported apart as guests.
import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import type { CohortGrain } from '@/lib/analytics/cohorts';
import type { ScopedFilters } from '@/lib/auth/scoped-filters';
import { HISTORY_START } from './get-cohorts';
import { FACT_FROM, factWhere, withStoreKeys, type QueryFilters } from './internal/filter-sql';
import { cached } from '@/lib/cache/process-cache';
import { readInScope } from './internal/read-in-scope';

export interface NewVsReturningRow {
  /** First day of the month or ISO week (Monday). */
  period: string;
  newRevenue: number;
  returningRevenue: number;
  guestRevenue: number;
  /** Distinct customers buying in their first period, and in a later one. */
  newCustomers: number;
  returningCustomers: number;
}

function newVsReturningQuery(f: QueryFilters, grain: CohortGrain) {
  const history = { ...f, from: HISTORY_START };
  // materialized: inlined, the planner misjudged it under row-level security (54 rows estimated) and ran
  // the whole-history aggregate once per line of the range (60 s for two weeks at 1M lines; 0.5 s so)
  return sql`
    with firsts as materialized (
      select c.customer_id, date_trunc(${grain}, min(d.date)::timestamp)::date as cohort
      from ${FACT_FROM} join gold.dim_date d on d.date_key = f.date_key
      where ${factWhere(history)} and f.customer_sk is not null
      group by c.customer_id
    ),
    lines as (
      select c.customer_id, f.net, date_trunc(${grain}, d.date::timestamp)::date as period
      from ${FACT_FROM} join gold.dim_date d on d.date_key = f.date_key
      where ${factWhere(f)}
    )
    select l.period::text as period,
      coalesce(sum(l.net) filter (where fi.cohort = l.period), 0)::float8 as "newRevenue",
      coalesce(sum(l.net) filter (where fi.cohort < l.period), 0)::float8 as "returningRevenue",
      coalesce(sum(l.net) filter (where l.customer_id is null), 0)::float8 as "guestRevenue",
      count(distinct l.customer_id) filter (where fi.cohort = l.period)::int as "newCustomers",
      count(distinct l.customer_id) filter (where fi.cohort < l.period)::int as "returningCustomers"
    from lines l left join firsts fi on fi.customer_id = l.customer_id
    group by l.period order by l.period`;
}

export async function getNewVsReturning(
  db: Database,
  scope: Scope,
  filters: ScopedFilters,
  grain: CohortGrain,
): Promise<NewVsReturningRow[]> {
  return cached(db, { query: 'new-vs-returning', params: { filters, grain }, scope }, () =>
    readInScope(db, scope, async (tx) => {
      const f = await withStoreKeys(tx, scope, filters);
      const rows = await queryRows<NewVsReturningRow>(tx, newVsReturningQuery(f, grain));
      const cents = (n: number) => Math.round(n * 100) / 100;
      return rows.map((r) => ({
        ...r,
        newRevenue: cents(r.newRevenue),
        returningRevenue: cents(r.returningRevenue),
        guestRevenue: cents(r.guestRevenue),
      }));
    }),
  );
}
