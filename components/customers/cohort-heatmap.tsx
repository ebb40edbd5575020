// Retention heatmap: one row per cohort (its size in the label), one column per period after the first
// purchase; hover gives the customer counts behind each percentage.
import type { Database } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import { addPeriods, periodLabel, type CohortTriangle } from '@/lib/analytics/cohorts';
import type { ScopedFilters } from '@/lib/auth/scoped-filters';
import { formatCount } from '@/lib/format';
import { getCohorts } from '@/lib/queries/get-cohorts';
import { HeatmapChart } from '@/components/charts/heatmap-chart';
import type { HeatmapMatrix } from '@/components/charts/figures/heatmap-figure';

function cohortMatrix(triangle: CohortTriangle, through: string): HeatmapMatrix {
  const prefix = triangle.grain === 'month' ? 'M' : 'W';
  return {
    xLabels: Array.from({ length: triangle.periods }, (_, n) => `${prefix}${n}`),
    yLabels: triangle.rows.map((r) => `${periodLabel(r.cohort, triangle.grain, through)} · ${formatCount(r.size)}`),
    z: triangle.rows.map((r) => r.retention),
    cellDetails: triangle.rows.map((r) =>
      r.customers.map((c, n) =>
        c === null ? '' : `${formatCount(c)} of ${formatCount(r.size)} customers bought in ${periodLabel(addPeriods(r.cohort, n, triangle.grain), triangle.grain)}`,
      ),
    ),
  };
}

export async function CohortHeatmap({ db, scope, filters, grain }: { db: Database; scope: Scope; filters: ScopedFilters; grain: CohortTriangle['grain'] }) {
  const triangle = await getCohorts(db, scope, filters, grain);
  const unit = grain === 'month' ? 'month' : 'ISO week';
  // The last period may still be running: half a month of purchases would read as a drop in retention.
  const running = triangle.running
    ? ` ${periodLabel(triangle.running, grain)} is not over (counted through ${filters.to}): its cells stay blank until it is.`
    : '';
  return (
    <HeatmapChart
      title={grain === 'month' ? 'Retention by first-purchase month' : 'Retention by first-purchase week'}
      description={`Rows: customers by the calendar ${unit} of their first purchase in your regions (cohort size after the label). ${grain === 'month' ? 'M' : 'W'}n: share who bought again n calendar ${unit}s later. Guests are not counted.${running}`}
      {...cohortMatrix(triangle, filters.to)}
      valueFormat="percent"
      showValues={grain === 'month'}
      rowTitle="Cohort · customers"
      height={Math.max(320, 80 + triangle.rows.length * (grain === 'month' ? 28 : 18))}
    />
  );
}
