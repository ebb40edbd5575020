// New vs returning revenue per period, with guest sales as their own part of each bar.
import type { Database } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import { periodLabel, periodStarts, type CohortGrain } from '@/lib/analytics/cohorts';
import type { ScopedFilters } from '@/lib/auth/scoped-filters';
import { getNewVsReturning } from '@/lib/queries/get-new-vs-returning';
import { StackedChart } from '@/components/charts/stacked-chart';

export async function NewVsReturningChart({ db, scope, filters, grain }: { db: Database; scope: Scope; filters: ScopedFilters; grain: CohortGrain }) {
  const rows = await getNewVsReturning(db, scope, filters, grain);
  const periods = periodStarts(filters.from, filters.to, grain);
  const byPeriod = new Map(rows.map((r) => [r.period, r]));
  const values = (key: 'newRevenue' | 'returningRevenue' | 'guestRevenue') => periods.map((p) => byPeriod.get(p)?.[key] ?? 0);
  const unit = grain === 'month' ? 'month' : 'week';
  return (
    <StackedChart
      title="New vs returning revenue"
      description={`New: purchases in the customer's first-purchase ${unit}; returning: any later ${unit}. Guest sales (no customer) are shown separately. A ${unit} marked "so far" is not over.`}
      x={periods.map((p) => periodLabel(p, grain, filters.to))}
      series={[
        { name: 'New customers', values: values('newRevenue') },
        { name: 'Returning customers', values: values('returningRevenue') },
        { name: 'Guests', values: values('guestRevenue') },
      ]}
      kind="bar"
      xTitle={grain === 'month' ? 'Month' : 'Week'}
    />
  );
}
