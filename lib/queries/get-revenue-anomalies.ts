// Anomalies of the revenue trend a viewer is looking at: the trend's own series (every filter and selection
// applied, net revenue per day, ISO week or month in the reporting time zone, internal/daily-totals.ts),
// read back far enough for a baseline and judged at the chart's grain (lib/analytics/series-anomalies.ts).
// Days a weekday filter leaves out, and periods the range cuts short, are never flagged.
import 'server-only';
import type { Database } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import { describeSeriesAnomaly, findSeriesAnomalies, historyStart, type SeriesAnomaly } from '@/lib/analytics/series-anomalies';
import { cached } from '@/lib/cache/process-cache';
import type { Grain } from '@/lib/calendar/periods';
import type { ScopedFilters } from '@/lib/auth/scoped-filters';
import { withStoreKeys } from './internal/filter-sql';
import { bucketDays, readDailyTotals } from './internal/daily-totals';
import { readInScope } from './internal/read-in-scope';

export interface TrendAnomaly extends SeriesAnomaly {
  /** One line for a tooltip. */
  reason: string;
}

export interface TrendAnomalyOptions {
  grain: Grain;
  /** Today in the reporting time zone: the period in progress is flagged only when already far above usual. */
  today: string;
  /** Default SERIES_ANOMALY_RULES.zThreshold. */
  zThreshold?: number;
}

export async function getRevenueAnomalies(db: Database, scope: Scope, filters: ScopedFilters, options: TrendAnomalyOptions): Promise<TrendAnomaly[]> {
  return cached(db, { query: 'revenue-anomalies', params: { filters, ...options }, scope, through: filters.to }, () =>
    readInScope(db, scope, async (tx) => {
      const f = await withStoreKeys(tx, scope, filters);
      if (f.nothing) return [];
      const start = historyStart(f.from, options.grain);
      const daily = await readDailyTotals(tx, { ...f, from: start });
      const series = bucketDays(daily, start, f.to, options.grain).map((p) => ({ period: p.period, value: p.revenue }));
      const found = findSeriesAnomalies(series, options.grain, {
        from: f.from, to: f.to, today: options.today, weekdays: f.weekdays, zThreshold: options.zThreshold,
      });
      return found.map((a) => ({ ...a, reason: describeSeriesAnomaly(a, options.grain) }));
    }),
  );
}
