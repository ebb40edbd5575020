import type { DashboardView } from '@/components/dashboards/load-view';
import { SERIES_ANOMALY_RULES } from '@/lib/analytics/series-anomalies';
import { todayIn } from '@/lib/calendar/days';
import { env } from '@/lib/env';
import { getRevenueAnomalies } from '@/lib/queries/get-revenue-anomalies';
import { getTrend } from '@/lib/queries/get-trend';
import { TrendChart } from '@/components/charts/trend-chart';
import { GRAIN_LABELS, TimeGrainNav } from './time-grain-nav';

const BASELINE_OF = { day: 'the same weekday of the weeks before', week: 'the weeks before', month: 'the 12 months before' } as const;

/**
 * Revenue over time by the URL's grain, with a 7-day average (daily) and the previous period overlaid, and
 * a marker on each point that is anomalous in this very series (lib/queries/get-revenue-anomalies.ts).
 */
export async function TrendTile({ view, pathname }: { view: DashboardView; pathname: string }) {
  const filters = view.filtersFor();
  const trend = await getTrend(view.db, view.scope, filters, view.state.grain);
  const anomalies = await getRevenueAnomalies(view.db, view.scope, filters, { grain: view.state.grain, today: todayIn(env().REPORTING_TIME_ZONE) });
  const markers = new Map(anomalies.map((a) => [a.period, a.reason]));
  const points = trend.points.map((p, i) => ({
    x: p.period,
    value: p.revenue,
    movingAverage: trend.movingAverage?.[i] ?? null,
    previous: trend.previous[i]?.revenue ?? null,
    anomaly: markers.get(p.period) ?? null,
  }));
  return (
    <div className="space-y-2">
      <TimeGrainNav state={view.state} pathname={pathname} />
      <TrendChart
        title={`Revenue by ${view.state.grain}`}
        description={`Net revenue; dashed: the previous period of equal length; circled: more than ${SERIES_ANOMALY_RULES.zThreshold}σ from the median of ${BASELINE_OF[view.state.grain]}`}
        points={points}
        movingAverageName={trend.movingAverage ? '7-day average' : undefined}
        xTitle={GRAIN_LABELS[view.state.grain]}
      />
    </div>
  );
}
