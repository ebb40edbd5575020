// Revenue over time for the trend chart and KPI sparklines: net revenue, transactions, units, discount and
// cost per day, ISO week or month (reporting time zone), zero-filled, with the whole comparison period
// (lib/calendar/comparison.ts) aligned bucket by bucket and a trailing 7-day moving average on daily series.
import 'server-only';
import type { Database } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import { trailingMovingAverage } from '@/lib/analytics/moving-average';
import { comparePeriods, type CompareMode } from '@/lib/calendar/comparison';
import { addDays } from '@/lib/calendar/days';
import { periodStarts, type Grain } from '@/lib/calendar/periods';
import type { ScopedFilters } from '@/lib/auth/scoped-filters';
import { withStoreKeys } from './internal/filter-sql';
import { bucketDays, readDailyTotals, type TrendPoint } from './internal/daily-totals';
import { cached } from '@/lib/cache/process-cache';
import { readInScope } from './internal/read-in-scope';

export type { TrendPoint };

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
      const daily = await readDailyTotals(tx, { ...f, from: prior.from < addDays(f.from, -7) ? prior.from : addDays(f.from, -7) });
      const points = bucketDays(daily, f.from, f.to, grain);
      const previous = bucketDays(daily, prior.from, prior.to, grain);
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
