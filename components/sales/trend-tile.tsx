import Link from 'next/link';
import type { DashboardView } from '@/components/dashboards/load-view';
import { ANOMALY_RULES, anomalyMarkers } from '@/lib/analytics/revenue-anomalies';
import { todayIn } from '@/lib/calendar/days';
import { env } from '@/lib/env';
import { GRAINS, periodEnd } from '@/lib/calendar/periods';
import { serializeDashboardState } from '@/lib/filters/dashboard-state';
import { getRevenueAnomalies } from '@/lib/queries/get-revenue-anomalies';
import { getTrend } from '@/lib/queries/get-trend';
import { TrendChart } from '@/components/charts/trend-chart';

const GRAIN_LABELS = { day: 'Day', week: 'Week', month: 'Month' } as const;

/**
 * Revenue over time by the URL's grain, with a 7-day average (daily) and the comparison period overlaid,
 * and a marker on each day (or the week or month holding it) when a region's revenue was anomalous. The
 * period holding today is still running: it is marked partial; periods after today have no value yet.
 */
export async function TrendTile({ view, pathname }: { view: DashboardView; pathname: string }) {
  const filters = view.filtersFor();
  const today = todayIn(env().REPORTING_TIME_ZONE);
  const trend = await getTrend(view.db, view.scope, filters, view.state.grain, { compare: view.state.compare, today });
  const anomalies = await getRevenueAnomalies(view.db, view.scope, filters, { today });
  const markers = anomalyMarkers(anomalies, view.state.grain);
  const points = trend.points.map((p, i) => ({
    x: p.period,
    value: p.period > today ? null : p.revenue,
    partial: p.period <= today && periodEnd(p.period, view.state.grain) >= today,
    movingAverage: trend.movingAverage?.[i] ?? null,
    previous: trend.previous[i]?.revenue ?? null,
    anomaly: markers.get(p.period) ?? null,
  }));
  return (
    <div className="space-y-2">
      <nav aria-label="Time grain" className="flex justify-end gap-1 text-xs">
        {GRAINS.map((grain) => {
          const query = serializeDashboardState({ ...view.state, grain });
          return (
            <Link key={grain} href={query ? `${pathname}?${query}` : pathname} scroll={false}
              aria-current={view.state.grain === grain ? 'true' : undefined}
              className={`rounded-md px-2 py-1 ${view.state.grain === grain ? 'bg-brand-600 text-white' : 'bg-white text-slate-600 ring-1 ring-slate-200 dark:bg-slate-900 dark:text-slate-300 dark:ring-slate-700'}`}>
              {GRAIN_LABELS[grain]}
            </Link>
          );
        })}
      </nav>
      <TrendChart
        title={`Revenue by ${view.state.grain}`}
        description={`Net revenue; dotted: so far in the running ${view.state.grain}; dashed: ${view.state.compare === 'year' ? 'the same days a year earlier' : 'the period before'}; circled: a region's day more than ${ANOMALY_RULES.zThreshold}σ from its ${ANOMALY_RULES.windowDays}-day mean`}
        points={points}
        movingAverageName={trend.movingAverage ? '7-day average' : undefined}
        previousName={view.state.compare === 'year' ? 'A year earlier' : 'Previous period'}
        xTitle={GRAIN_LABELS[view.state.grain]}
      />
    </div>
  );
}
