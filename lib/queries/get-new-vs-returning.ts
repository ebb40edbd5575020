// New vs returning revenue (net, store currency) per calendar month or ISO week of the range. A line is
// "new" when it falls in its customer's first-purchase period within the scope and filters (the cohort
// period of get-cohorts), "returning" otherwise; lines without a customer are reported apart as guests.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import { periodStart, periodStarts, type CohortGrain } from '@/lib/analytics/cohorts';
import { addDays } from '@/lib/calendar/days';
import type { ScopedFilters } from '@/lib/auth/scoped-filters';
import { GUEST_SEGMENT } from '@/lib/filters/segments';
import { HISTORY_START } from './get-cohorts';
import { placeWhere, rollupWhere, withStoreKeys, type QueryFilters } from './internal/filter-sql';
import { cached } from '@/lib/cache/process-cache';
import {
  customerBitmapsOf, customerLines, firstCalendarDay, NO_CUSTOMERS, periodEnd, periodOf, segmentRevenue, type PeriodDays,
} from './internal/customer-periods';
import { readInScope } from './internal/read-in-scope';
import { planCustomerHistory, type CustomerHistory, type CustomerHistoryPlan } from './internal/source-plan';

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

/**
 * The runs of days whose buyers decide who is new: everything before the range's first period, the days
 * of that period before `from` (a range starting mid-period still knows who first bought earlier in it),
 * then each period's days in the range.
 */
function newnessRuns(f: QueryFilters, grain: CohortGrain, historyStart: string | null): PeriodDays[] {
  const first = periodStart(f.from, grain);
  const runs: PeriodDays[] = historyStart !== null && historyStart < first ? [{ period: addDays(first, -1), from: historyStart, to: addDays(first, -1) }] : [];
  if (first < f.from) runs.push({ period: first, from: first, to: addDays(f.from, -1) });
  for (const period of periodStarts(f.from, f.to, grain)) {
    const end = periodEnd(period, grain);
    runs.push({ period, from: period < f.from ? f.from : period, to: end < f.to ? end : f.to });
  }
  return runs;
}

/** The days of the range's first and last periods outside the range: a first period's net must not count them. */
function daysOutside(f: QueryFilters, grain: CohortGrain): { from: string; to: string }[] {
  const days: { from: string; to: string }[] = [];
  const first = periodStart(f.from, grain);
  if (first < f.from) days.push({ from: first, to: addDays(f.from, -1) });
  const last = periodEnd(periodStart(f.to, grain), grain);
  if (f.to < last) days.push({ from: addDays(f.to, 1), to: last });
  return days;
}

/**
 * New customers' revenue per cohort period (text): each customer's earliest first purchase rows under the
 * filters, with the net of their first period, less what they bought in it outside the range (day rows).
 */
function newRevenueFromFirsts(f: QueryFilters, history: CustomerHistory, grain: CohortGrain): SQL {
  const [firstPeriod, firstNet] = [sql.raw(`first_${grain}`), sql.raw(`first_${grain}_net`)];
  // A first purchase row's key: the customer, the region and the history's keys (segment, and category).
  const keys = ['customer_no', 'region_id', ...history.firsts.keys];
  const keysOf = (alias: string) => sql.raw(keys.map((k) => `${alias}.${k}`).join(', '));
  const members = sql`
    select ${keysOf('x')}, x.cohort, x.net from (
      select ${keysOf('r')}, r.${firstPeriod} as cohort, r.${firstNet} as net, min(r.${firstPeriod}) over (partition by r.customer_no) as first_period
      from ${history.firsts.table} r
      where ${placeWhere(f, 'r', history.firsts)} and r.first_day <= ${f.to}::date
    ) x
    where x.cohort = x.first_period and x.first_period >= ${periodStart(f.from, grain)}::date`;
  const outside = daysOutside(f, grain);
  if (outside.length === 0) return sql`select m.cohort::text as period, sum(m.net) as revenue from (${members}) m group by 1`;
  const sales = history.salesByRegion;
  return sql`
    select m.cohort::text as period, sum(m.net - coalesce(o.net, 0)) as revenue
    from (${members}) m left join (
      select ${keysOf('r')}, ${periodOf(grain, sql`d.date`)} as period, sum(r.net) as net
      from ${sales.table} r join gold.dim_date d on d.date_key = r.date_key
      where ${sql.join(outside.map((o) => sql`(${rollupWhere({ ...f, ...o }, 'r', sales)})`), sql` or `)}
      group by ${keysOf('r')}, ${sql.raw(String(keys.length + 1))}
    ) o on ${sql.join(keys.map((k) => sql.raw(`o.${k} = m.${k}`)), sql` and `)} and o.period = m.cohort
    group by 1`;
}

/**
 * `fresh` from the bitmaps and first purchases: a period's new customers are its buyers in the range who
 * bought in no earlier run (nor before the range's first period), returning customers those who did.
 */
function freshFromRollups(f: QueryFilters, history: CustomerHistory, grain: CohortGrain, historyStart: string | null): SQL {
  return sql`
    active as (
      select b.period, b.chunk, bit_or(b.customers) as basis, bit_or(b.customers) filter (where b.first_day >= ${f.from}::date) as seen
      from (${customerBitmapsOf(f, history.bitmaps, newnessRuns(f, grain, historyStart))}) b group by 1, 2
    ),
    buyers as (
      select period, seen,
        coalesce(bit_or(basis) over (partition by chunk order by period rows between unbounded preceding and 1 preceding), ${NO_CUSTOMERS}) as earlier
      from active
    ),
    counts as (
      select period::text as period, sum(bit_count(seen & ~earlier))::int as new_customers, sum(bit_count(seen & earlier))::int as returning_customers
      from buyers where seen is not null group by 1
    ),
    fresh as (
      select c.period, c.new_customers, c.returning_customers, n.revenue as new_revenue
      from counts c left join (${newRevenueFromFirsts(f, history, grain)}) n on n.period = c.period
    )`;
}

/** The same `fresh` from each customer's lines (sales rows, or the facts) and their first day. */
function freshFromLines(plan: CustomerHistoryPlan, f: QueryFilters, grain: CohortGrain): SQL {
  // materialized: inlined, the planner misjudged it under row-level security (54 rows estimated) and ran
  // the whole-history aggregate once per line of the range (60 s for two weeks at 1M lines; 0.5 s so)
  return sql`
    firsts as materialized (
      select h.customer, ${periodOf(grain, sql`to_date(min(h.date_key)::text, 'YYYYMMDD')`)} as cohort
      from (${customerLines(plan, { ...f, from: HISTORY_START })}) h group by 1
    ),
    lines as (
      select l.customer, l.net, ${periodOf(grain, sql`d.date`)} as period
      from (${customerLines(plan, f)}) l join gold.dim_date d on d.date_key = l.date_key
    ),
    fresh as (
      select l.period::text as period,
        sum(l.net) filter (where fi.cohort = l.period) as new_revenue,
        count(distinct l.customer) filter (where fi.cohort = l.period)::int as new_customers,
        count(distinct l.customer) filter (where fi.cohort < l.period)::int as returning_customers
      from lines l join firsts fi on fi.customer = l.customer
      group by 1
    )`;
}

function newVsReturningQuery(fresh: SQL, f: QueryFilters, grain: CohortGrain): SQL {
  // Customers' and guests' revenue per period from the segment mix (a cube wherever one covers the filters).
  return sql`
    with ${fresh},
    totals as (
      select s.period, sum(s.revenue) filter (where s.segment <> ${GUEST_SEGMENT}) as customers, sum(s.revenue) filter (where s.segment = ${GUEST_SEGMENT}) as guests
      from (${segmentRevenue(f, grain)}) s group by 1
    )
    select t.period,
      coalesce(n.new_revenue, 0)::float8 as "newRevenue",
      (coalesce(t.customers, 0) - coalesce(n.new_revenue, 0))::float8 as "returningRevenue",
      coalesce(t.guests, 0)::float8 as "guestRevenue",
      coalesce(n.new_customers, 0) as "newCustomers",
      coalesce(n.returning_customers, 0) as "returningCustomers"
    from totals t left join fresh n on n.period = t.period
    order by t.period`;
}

export async function getNewVsReturning(
  db: Database,
  scope: Scope,
  filters: ScopedFilters,
  grain: CohortGrain,
): Promise<NewVsReturningRow[]> {
  return cached(db, { query: 'new-vs-returning', params: { filters, grain }, scope, through: filters.to }, () =>
    readInScope(db, scope, async (tx) => {
      const f = await withStoreKeys(tx, scope, filters);
      const plan = planCustomerHistory(f);
      const fresh = plan !== 'facts' && plan.read === 'bitmaps'
        ? freshFromRollups(f, plan.history, grain, await firstCalendarDay(tx))
        : freshFromLines(plan, f, grain);
      const rows = await queryRows<NewVsReturningRow>(tx, newVsReturningQuery(fresh, f, grain));
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
