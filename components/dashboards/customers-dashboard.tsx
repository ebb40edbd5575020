// Customers: retention cohorts, segment mix, new vs returning, top customers, for any view (signed-in or shared).
import { cohortGrainOf, customerWindow } from '@/lib/analytics/cohorts';
import { withDateRange } from '@/lib/auth/scoped-filters';
import type { DashboardView } from './load-view';
import { CohortHeatmap } from '@/components/customers/cohort-heatmap';
import { GrainToggle } from '@/components/customers/grain-toggle';
import { NewVsReturningChart } from '@/components/customers/new-vs-returning-chart';
import { SegmentMixChart } from '@/components/customers/segment-mix-chart';
import { TopCustomersTable } from '@/components/customers/top-customers-table';
import { DashboardHeader } from './dashboard-header';
import { TABLE_TILE_HEIGHT, TransactionsTable } from '@/components/transactions/transactions-table';
import { Tile } from '@/components/ui/tile';

export const CUSTOMERS_TITLE = 'Customers';

// The time-series tiles cover the range in whole periods, widened to at least a year of months (half a
// year of weeks) ending on its last day, so the default 30 days still give readable cohorts (see
// customerWindow); the top customers table and the detail table keep the exact range.
export function CustomersDashboard({ view }: { view: DashboardView }) {
  const { db, scope, state } = view;
  const grain = cohortGrainOf(state.grain);
  const filters = view.filtersFor();
  const window = customerWindow(filters, grain);
  const overTime = withDateRange(scope, filters, window);
  // The segment chart shows its own selection highlighted instead of filtering itself away.
  const segmentTile = withDateRange(scope, view.filtersFor('segment'), window);
  return (
    <div className="space-y-5">
      <DashboardHeader title={CUSTOMERS_TITLE} view={view} liveDates={{ from: window.from < filters.from ? window.from : filters.from, to: filters.to }}>
        <div className="flex flex-col items-end gap-1">
          <GrainToggle path={view.links.basePath} state={state} grain={grain} />
          <p className="text-xs text-slate-500 dark:text-slate-400">Cohorts and trends: {window.from} to {window.to}</p>
        </div>
      </DashboardHeader>
      <Tile title="Retention cohorts" height={518}>
        <CohortHeatmap db={db} scope={scope} filters={overTime} grain={grain} />
      </Tile>
      <div className="grid gap-5 xl:grid-cols-2">
        <Tile title="Segment mix" height={438}><SegmentMixChart db={db} scope={scope} filters={segmentTile} grain={grain} /></Tile>
        <Tile title="New vs returning revenue" height={438}><NewVsReturningChart db={db} scope={scope} filters={overTime} grain={grain} /></Tile>
      </div>
      <Tile title="Top customers" height={774}>
        <TopCustomersTable db={db} scope={scope} filters={filters} />
      </Tile>
      <Tile title="Transaction lines" height={TABLE_TILE_HEIGHT}>
        <TransactionsTable db={db} scope={scope} filters={filters} state={state} links={view.links} />
      </Tile>
    </div>
  );
}
