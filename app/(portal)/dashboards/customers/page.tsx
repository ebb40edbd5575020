import { Suspense } from 'react';
import type { Metadata } from 'next';
import { getDatabase } from '@/db/client';
import { cohortGrainOf, customerWindow } from '@/lib/analytics/cohorts';
import { getScope } from '@/lib/auth/page-scope';
import { env } from '@/lib/env';
import { parseDashboardState } from '@/lib/filters/dashboard-state';
import { resolveStateFilters } from '@/lib/filters/resolve-filters';
import { listFilterOptions } from '@/lib/queries/list-filter-options';
import { CohortHeatmap } from '@/components/customers/cohort-heatmap';
import { GrainToggle } from '@/components/customers/grain-toggle';
import { NewVsReturningChart } from '@/components/customers/new-vs-returning-chart';
import { SegmentMixChart } from '@/components/customers/segment-mix-chart';
import { TopCustomersTable } from '@/components/customers/top-customers-table';
import { FilterBar } from '@/components/filters/filter-bar';
import { Skeleton } from '@/components/ui/skeleton';

export const metadata: Metadata = { title: 'Customers' };

const PATH = '/dashboards/customers';

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The time-series tiles cover the range in whole periods, widened to at least a year of months (half a
// year of weeks) ending on its last day, so the default 30 days still give readable cohorts (see
// customerWindow); the top customers table keeps the exact range.
export default async function CustomersPage({ searchParams }: PageProps) {
  const scope = await getScope({ callbackUrl: PATH });
  const state = parseDashboardState(await searchParams);
  const grain = cohortGrainOf(state.grain);
  const { REPORTING_TIME_ZONE: timeZone } = env();
  const filters = resolveStateFilters(state, scope, { timeZone });
  const window = customerWindow(filters, grain);
  const overTime = { ...filters, ...window };
  // The segment chart shows its own selection highlighted instead of filtering itself away.
  const segmentTile = { ...resolveStateFilters(state, scope, { timeZone, except: 'segment' }), ...window };
  const db = await getDatabase();
  const options = await listFilterOptions(db, scope);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">Customers</h1>
          <p className="text-sm text-slate-500 dark:text-slate-400">
            Trends {window.from} to {window.to} · top customers {filters.from} to {filters.to} · {scope.regions.join(', ')}
          </p>
        </div>
        <GrainToggle path={PATH} state={state} grain={grain} />
      </div>
      <Suspense fallback={<Skeleton className="h-10" />}>
        <FilterBar options={options} range={{ from: filters.from, to: filters.to }} />
      </Suspense>
      <Suspense fallback={<Skeleton className="h-96" />}>
        <CohortHeatmap db={db} scope={scope} filters={overTime} grain={grain} />
      </Suspense>
      <div className="grid gap-6 xl:grid-cols-2">
        <Suspense fallback={<Skeleton className="h-80" />}>
          <SegmentMixChart db={db} scope={scope} filters={segmentTile} grain={grain} />
        </Suspense>
        <Suspense fallback={<Skeleton className="h-80" />}>
          <NewVsReturningChart db={db} scope={scope} filters={overTime} grain={grain} />
        </Suspense>
      </div>
      <Suspense fallback={<Skeleton className="h-96" />}>
        <TopCustomersTable db={db} scope={scope} filters={filters} />
      </Suspense>
    </div>
  );
}
