// Revenue per customer segment over time; clicking a segment cross-filters the dashboard by it.
import type { Database } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import { periodLabel, periodStarts, type CohortGrain } from '@/lib/analytics/cohorts';
import { REPORT_SEGMENTS } from '@/lib/filters/segments';
import type { ScopedFilters } from '@/lib/auth/scoped-filters';
import { getSegmentMix } from '@/lib/queries/get-segment-mix';
import { StackedChart } from '@/components/charts/stacked-chart';

export async function SegmentMixChart({ db, scope, filters, grain }: { db: Database; scope: Scope; filters: ScopedFilters; grain: CohortGrain }) {
  const rows = await getSegmentMix(db, scope, filters, grain);
  const periods = periodStarts(filters.from, filters.to, grain);
  const index = new Map(periods.map((p, i) => [p, i]));
  const series = REPORT_SEGMENTS.filter((segment) => rows.some((r) => r.segment === segment)).map((segment) => {
    const values = periods.map(() => 0);
    for (const r of rows) if (r.segment === segment) values[index.get(r.period)!] += r.revenue;
    return { name: segment, values };
  });
  return (
    <StackedChart
      title="Segment mix"
      description={`Revenue (net) by the customer's segment at the time of purchase; Guest is sales without a customer. A ${grain === 'month' ? 'month' : 'week'} marked "so far" is not over. Click a segment to filter.`}
      x={periods.map((p) => periodLabel(p, grain, filters.to))}
      series={series}
      kind="bar"
      xTitle={grain === 'month' ? 'Month' : 'Week'}
      clickAction={{ kind: 'cross-filter', dimension: 'segment' }}
    />
  );
}
