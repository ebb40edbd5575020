// Retention cohorts: customers grouped by the calendar month or ISO week of their first purchase within
// the scope and filters, and how many of them bought again in each later period. A customer is the stable
// customer_id (every SCD2 version counts); guests are left out. Days are in the reporting time zone.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import { buildCohortTriangle, periodStart, periodStarts, type CohortCell, type CohortGrain, type CohortTriangle } from '@/lib/analytics/cohorts';
import { addDays, dateKeyOf } from '@/lib/calendar/days';
import type { ScopedFilters } from '@/lib/auth/scoped-filters';
import { withStoreKeys, type QueryFilters } from './internal/filter-sql';
import { cached } from '@/lib/cache/process-cache';
import {
  customerBitmapsOf, customerLines, firstCalendarDay, NO_CUSTOMERS, periodEnd, periodOf, type PeriodDays,
} from './internal/customer-periods';
import { readInScope } from './internal/read-in-scope';
import { planCustomerHistory, type CustomerHistory, type CustomerHistoryPlan } from './internal/source-plan';

/** Far enough back that "first purchase" means first ever, not first within the range. */
export const HISTORY_START = '1900-01-01';

/**
 * From the customer bitmaps: each period's buyers are the OR of its days' bitmaps; a cohort's members are
 * its period's buyers who bought in no earlier period (nor before the window, one OR over a few spans);
 * a cell counts the members among a later period's buyers.
 */
function cohortsFromBitmaps(f: QueryFilters, history: CustomerHistory, grain: CohortGrain, windowFrom: string, historyStart: string | null): SQL {
  const before = addDays(windowFrom, -1);
  const runs: PeriodDays[] = historyStart !== null && historyStart <= before ? [{ period: before, from: historyStart, to: before }] : [];
  for (const period of periodStarts(windowFrom, f.to, grain)) {
    const end = periodEnd(period, grain);
    runs.push({ period, from: period, to: end < f.to ? end : f.to });
  }
  return sql`
    with active as (
      select b.period, b.chunk, bit_or(b.customers) as customers from (${customerBitmapsOf(f, history.bitmaps, runs)}) b group by 1, 2
    ),
    cohorts as (
      select period, chunk, customers,
        customers & ~coalesce(bit_or(customers) over (partition by chunk order by period rows between unbounded preceding and 1 preceding),
          ${NO_CUSTOMERS}) as members
      from active
    )
    select c.period::text as cohort, p.period::text as period, sum(bit_count(c.members & p.customers))::int as customers
    from cohorts c join cohorts p on p.chunk = c.chunk and p.period >= c.period
    where c.period >= ${windowFrom}::date
    group by 1, 2`;
}

/** From each customer's lines (sales rows, or the facts): their first day, then their periods. */
function cohortsFromLines(plan: CustomerHistoryPlan, f: QueryFilters, grain: CohortGrain, windowFrom: string): SQL {
  // materialized: inlined, the planner misjudged the lines under row-level security and reread them per customer
  return sql`
    with lines as materialized (${customerLines(plan, { ...f, from: HISTORY_START })}),
    firsts as materialized (
      select customer, min(date_key) as first_key from lines
      group by customer having min(date_key) >= ${dateKeyOf(windowFrom)}
    ),
    activity as (
      select distinct l.customer, ${periodOf(grain, sql`fd.date`)} as cohort, ${periodOf(grain, sql`d.date`)} as period
      from lines l
      join firsts fi on fi.customer = l.customer
      join gold.dim_date d on d.date_key = l.date_key
      join gold.dim_date fd on fd.date_key = fi.first_key
    )
    select cohort::text as cohort, period::text as period, count(*)::int as customers
    from activity group by cohort, period`;
}

/**
 * The cohort triangle of the filters' range: the first cohort is the period containing `from`, purchases
 * are observed up to `to` (the last period may still be running). Customers whose first purchase in scope
 * came before that period belong to no cohort shown.
 */
export async function getCohorts(db: Database, scope: Scope, filters: ScopedFilters, grain: CohortGrain): Promise<CohortTriangle> {
  return cached(db, { query: 'cohorts', params: { filters, grain }, scope, through: filters.to }, () =>
    readInScope(db, scope, async (tx) => {
      const f = await withStoreKeys(tx, scope, filters);
      const window = { from: periodStart(f.from, grain), to: f.to };
      const plan = planCustomerHistory(f);
      const query = plan !== 'facts' && plan.read === 'bitmaps'
        ? cohortsFromBitmaps(f, plan.history, grain, window.from, await firstCalendarDay(tx))
        : cohortsFromLines(plan, f, grain, window.from);
      const cells = await queryRows<CohortCell>(tx, query);
      return buildCohortTriangle(cells, grain, window);
    }),
  );
}
