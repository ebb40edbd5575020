import type { DashboardView } from '@/components/dashboards/load-view';
import { SERIES_ANOMALY_RULES } from '@/lib/analytics/series-anomalies';
import { todayIn } from '@/lib/calendar/days';
import { env } from '@/lib/env';
import { periodEnd } from '@/lib/calendar/periods';
import { getRevenueAnomalies } from '@/lib/queries/get-revenue-anomalies';
import { getTrend } from '@/lib/queries/get-trend';
import { TrendChart } from '@/components/charts/trend-chart';
import { GRAIN_LABELS, TimeGrainNav } from './time-grain-nav';

const BASELINE_OF = { day: 'the same weekday of the weeks before', week: 'the weeks before', month: 'the 12 months before' } as const;

/**
 * Revenue over time by the URL's grain, with a 7-day average (daily) and the comparison period overlaid,
 * and a marker on each point that is anomalous in this very series (lib/queries/get-revenue-anomalies.ts).
 * The period holding today is still running: it is marked partial; periods after today have no value yet.
 */
export async function TrendTile({ view, pathname }: { view: DashboardView; pathname: string }) {
  const filters = view.filtersFor();
  const today = todayIn(env().REPORTING_TIME_ZONE);
  const grain = view.state.grain;
  const [trend, anomalies] = await Promise.all([
    getTrend(view.db, view.scope, filters, grain, { compare: view.state.compare, today }),
    getRevenueAnomalies(view.db, view.scope, filters, { grain, today }),
  ]);
  const markers = new Map(anomalies.map((a) => [a.period, a.reason]));
  const points = trend.points.map((p, i) => ({
    x: p.period,
    value: p.period > today ? null : p.revenue,
    partial: p.period <= today && periodEnd(p.period, grain) >= today,
    movingAverage: trend.movingAverage?.[i] ?? null,
    previous: trend.previous[i]?.revenue ?? null,
    anomaly: markers.get(p.period) ?? null,
  }));
  return (
    <div className="space-y-2">
      <TimeGrainNav state={view.state} pathname={pathname} />
      <TrendChart
        title={`Revenue by ${grain}`}
        description={`Net revenue; dotted: so far in the running ${grain}; dashed: ${view.state.compare === 'year' ? 'the same days a year earlier' : 'the period before'}; circled: more than ${SERIES_ANOMALY_RULES.zThreshold}σ from the median of ${BASELINE_OF[grain]}`}
        points={points}
        movingAverageName={trend.movingAverage ? '7-day average' : undefined}
        previousName={view.state.compare === 'year' ? 'A year earlier' : 'Previous period'}
        xTitle={GRAIN_LABELS[grain]}
      />
    </div>
  );
}
