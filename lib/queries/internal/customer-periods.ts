// What the customers dashboard reads per calendar month or ISO week: each period's days as the aligned
// spans (up to the span horizon) and single days that cover them, so a period's customers are the OR of a
// few bitmaps; or, where no bitmap applies, each customer's lines from their sales rows (in all, or per
// category) or the facts; and each period's revenue per segment.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { dateArray, intArray, smallintArray } from '@/db/sql';
import { CUSTOMER_BITMAP_BITS } from '@/db/schema/gold';
import { SPAN_LEVELS } from '@/db/schema/gold-cubes';
import { addPeriods, type CohortGrain } from '@/lib/analytics/cohorts';
import { coverWithSpans } from '@/lib/calendar/day-spans';
import { addDays, dateKeyOf } from '@/lib/calendar/days';
import { GUEST_SEGMENT } from '@/lib/filters/segments';
import { FACT_FROM, factWhere, placeWhere, rollupWhere, type QueryFilters } from './filter-sql';
import { cubeTable, planSource, type CustomerHistory, type CustomerHistoryPlan } from './source-plan';

/** Days read for one period (a period may be read as several runs of days). */
export interface PeriodDays {
  /** The period's first day, or any day before the first period for what came before it. */
  period: string;
  from: string;
  to: string;
}

export interface PeriodPieces {
  spans: { period: string; level: number; first: string }[];
  days: { period: string; day: string }[];
}

/** Each run of days as the fewest aligned spans up to `horizon` (the span rollups hold no later day) and single days. */
export function periodPieces(runs: readonly PeriodDays[], horizon: string): PeriodPieces {
  const pieces: PeriodPieces = { spans: [], days: [] };
  for (const { period, from, to } of runs) {
    const closedTo = to < horizon ? to : horizon;
    if (from <= closedTo) {
      for (const span of coverWithSpans(from, closedTo, SPAN_LEVELS)) {
        if (span.level > 0) pieces.spans.push({ period, level: span.level, first: span.first });
        else pieces.days.push({ period, day: span.first });
      }
    }
    for (let day = from > closedTo ? from : addDays(closedTo, 1); day <= to; day = addDays(day, 1)) pieces.days.push({ period, day });
  }
  return pieces;
}

/** The last day of the period starting on `period`. */
export const periodEnd = (period: string, grain: CohortGrain) => addDays(addPeriods(period, 1, grain), -1);

/** The period (a date) of a date expression, in SQL. */
export const periodOf = (grain: CohortGrain, day: SQL) => sql`date_trunc(${grain}, (${day})::timestamp)::date`;

/** The first day of the calendar (gold.dim_date): no sale is older. Null before any sale. */
export async function firstCalendarDay(tx: Database): Promise<string | null> {
  const [{ first }] = await queryRows<{ first: string | null }>(tx, sql`select min(date)::text as first from gold.dim_date`);
  return first;
}

/** An empty customer bitmap, for ORs over nothing. */
export const NO_CUSTOMERS = sql.raw(`B'0'::bit(${CUSTOMER_BITMAP_BITS})`);

/**
 * Rows (period, first_day, chunk, customers): the customer bitmaps matching the filters' place, segments
 * and categories on each run's days, with the first day each bitmap covers.
 */
export function customerBitmapsOf(f: QueryFilters, shape: CustomerHistory['bitmaps'], runs: readonly PeriodDays[]): SQL {
  const { spans, days } = periodPieces(runs, f.spanHorizon);
  // The days as keys the index takes (a join on an expression of the unnested days was planned as a scan).
  const dayKeys = days.map((d) => dateKeyOf(d.day));
  return sql`
    select p.period, p.first_day, r.chunk, r.customers
    from unnest(${dateArray(spans.map((s) => s.period))}, ${smallintArray(spans.map((s) => s.level))}, ${dateArray(spans.map((s) => s.first))})
      p(period, level, first_day)
    join ${shape.spans} r on r.level = p.level and r.first_day = p.first_day
    where ${placeWhere(f, 'r', shape)}
    union all
    select p.period, p.first_day, r.chunk, r.customers
    from ${shape.table} r
    join unnest(${dateArray(days.map((d) => d.period))}, ${dateArray(days.map((d) => d.day))}, ${intArray(dayKeys)}) p(period, first_day, date_key)
      on p.date_key = r.date_key
    where r.date_key = any(${intArray(dayKeys)}) and ${placeWhere(f, 'r', shape)}`;
}

/** Each customer's lines under the filters as (customer, date_key, net): from a history's sales rows, or the facts. */
export function customerLines(plan: CustomerHistoryPlan, f: QueryFilters): SQL {
  return plan === 'facts'
    ? sql`select c.customer_id as customer, f.date_key, f.net from ${FACT_FROM} where ${factWhere(f)} and f.customer_sk is not null`
    : sql`select r.customer_no as customer, r.date_key, r.net from ${plan.history.sales.table} r where ${rollupWhere(f, 'r', plan.history.sales)}`;
}

/**
 * Rows (period as text, segment, revenue): net per period and the segment of the customer version each
 * line was sold to (Guest without one), from the smallest cube that keeps segments under the filters, else the facts.
 */
export function segmentRevenue(f: QueryFilters, grain: CohortGrain): SQL {
  const source = planSource('segment', f, { transactions: false });
  if (source === 'facts') {
    return sql`select ${periodOf(grain, sql`d.date`)}::text as period, coalesce(c.segment, ${GUEST_SEGMENT}) as segment,
        coalesce(sum(f.net), 0) as revenue
      from ${FACT_FROM} join gold.dim_date d on d.date_key = f.date_key
      where ${factWhere(f)}
      group by 1, 2`;
  }
  return sql`select ${periodOf(grain, sql`d.date`)}::text as period, r.segment, coalesce(sum(r.net), 0) as revenue
    from ${cubeTable(source, false)} r join gold.dim_date d on d.date_key = r.date_key
    where ${rollupWhere(f, 'r', source)}
    group by 1, 2`;
}
