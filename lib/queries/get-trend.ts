// Revenue over time for the trend chart and KPI sparklines: net revenue, transactions, units, discount and
// cost per day, ISO week or month (reporting time zone), zero-filled, with the whole comparison period
// (lib/calendar/comparison.ts) aligned bucket by bucket and a trailing 7-day moving average on daily series.
import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import { trailingMovingAverage } from '@/lib/analytics/moving-average';
import { comparePeriods, type CompareMode } from '@/lib/calendar/comparison';
import { addDays } from '@/lib/calendar/days';
import { periodStart, periodStarts, type Grain } from '@/lib/calendar/periods';
import type { ScopedFilters } from '@/lib/auth/scoped-filters';
import { FACT_FROM, factWhere, withStoreKeys, type QueryFilters } from './internal/filter-sql';
import { cached } from '@/lib/cache/process-cache';
import { readInScope } from './internal/read-in-scope';
import { planSource } from './internal/source-plan';
import { rollupRows } from './internal/rollup-rows';

export interface TrendPoint {
  period: string;
  revenue: number;
  transactions: number;
  units: number;
  discount: number;
  cost: number;
}

export interface Trend {
  grain: Grain;
  points: TrendPoint[];
  /**
   * The whole comparison period (not only its elapsed part: the chart shows where it went), bucket i
   * aligned with points[i].
   */
  previous: TrendPoint[];
  /** Trailing 7-day mean of daily revenue (null until a full week is available); only for the day grain. */
  movingAverage: (number | null)[] | null;
}

const MOVING_AVERAGE_DAYS = 7;

async function readDaily(tx: Database, f: QueryFilters): Promise<Map<string, TrendPoint>> {
  const source = planSource('day', f);
  const measures =
    source === 'facts'
      ? sql`coalesce(sum(f.net), 0)::float8 as revenue, count(distinct f.transaction_id)::int as transactions,
          coalesce(sum(f.quantity), 0)::float8 as units, coalesce(sum(f.discount), 0)::float8 as discount, coalesce(sum(f.cost), 0)::float8 as cost`
      : sql`coalesce(sum(r.net), 0)::float8 as revenue, coalesce(sum(r.transactions), 0)::float8 as transactions,
          coalesce(sum(r.units), 0)::float8 as units, coalesce(sum(r.discount), 0)::float8 as discount, coalesce(sum(r.cost), 0)::float8 as cost`;
  const query =
    source === 'facts'
      ? sql`select d.date::text as period, ${measures} from ${FACT_FROM} join gold.dim_date d on d.date_key = f.date_key
            where ${factWhere(f)} group by d.date`
      : sql`select d.date::text as period, ${measures} from ${rollupRows(source, f, { byDay: true })} join gold.dim_date d on d.date_key = r.date_key
            group by d.date`;
  const rows = await queryRows<TrendPoint>(tx, query);
  return new Map(rows.map((r) => [r.period, r]));
}

function bucket(daily: Map<string, TrendPoint>, from: string, to: string, grain: Grain): TrendPoint[] {
  const points = new Map(periodStarts(from, to, grain).map((p) => [p, { period: p, revenue: 0, transactions: 0, units: 0, discount: 0, cost: 0 }]));
  for (const day of daily.values()) {
    const point = points.get(periodStart(day.period, grain));
    if (!point || day.period < from || day.period > to) continue;
    point.revenue += day.revenue;
    point.transactions += day.transactions;
    point.units += day.units;
    point.discount += day.discount;
    point.cost += day.cost;
  }
  return [...points.values()].map((p) => ({ ...p, revenue: Math.round(p.revenue * 100) / 100 }));
}

export interface TrendOptions {
  compare: CompareMode;
  /** Today in the reporting time zone (a running month is compared with whole months before it). */
  today: string;
}

export async function getTrend(db: Database, scope: Scope, filters: ScopedFilters, grain: Grain, { compare, today }: TrendOptions): Promise<Trend> {
  const prior = comparePeriods(filters, compare, today).period;
  return cached(db, { query: 'trend', params: { filters, grain, compare, prior }, scope, through: filters.to }, () =>
    readInScope(db, scope, async (tx) => {
      const f = await withStoreKeys(tx, scope, filters);
      // One read covers the previous period, the week before `from` (for the moving average) and the range.
      const daily = await readDaily(tx, { ...f, from: prior.from < addDays(f.from, -7) ? prior.from : addDays(f.from, -7) });
      const points = bucket(daily, f.from, f.to, grain);
      const previous = bucket(daily, prior.from, prior.to, grain);
      let movingAverage: (number | null)[] | null = null;
      if (grain === 'day') {
        const warmup = periodStarts(addDays(f.from, -(MOVING_AVERAGE_DAYS - 1)), f.to, 'day');
        const averaged = trailingMovingAverage(warmup.map((d) => daily.get(d)?.revenue ?? 0), MOVING_AVERAGE_DAYS);
        movingAverage = averaged.slice(MOVING_AVERAGE_DAYS - 1).map((v) => (v === null ? null : Math.round(v * 100) / 100));
      }
      return { grain, points, previous, movingAverage };
    }),
  );
}
