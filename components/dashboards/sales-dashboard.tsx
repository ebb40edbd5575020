// The sales overview: KPIs, trend, breakdowns and the detail table, for any view (signed-in or shared).
import type { DashboardView } from './load-view';
import { DashboardHeader } from './dashboard-header';
import { KpiCards } from '@/components/sales/kpi-cards';
import { TrendTile } from '@/components/sales/trend-tile';
import { CategoryTile, HourTile, RegionTile, TopStoresTile, WeekdayHourTile } from '@/components/sales/breakdown-tiles';
import { TABLE_TILE_HEIGHT, TransactionsTable } from '@/components/transactions/transactions-table';
import { Tile } from '@/components/ui/tile';

export const SALES_TITLE = 'Sales overview';

export function SalesDashboard({ view }: { view: DashboardView }) {
  return (
    <div className="space-y-5">
      <DashboardHeader title={SALES_TITLE} view={view} />
      <Tile title="KPIs" height="h-[888px] sm:h-[588px] lg:h-[438px] xl:h-[288px]">
        <KpiCards view={view} />
      </Tile>
      <Tile title="Revenue trend" height={438}>
        <TrendTile view={view} pathname={view.links.basePath} />
      </Tile>
      <div className="grid gap-5 lg:grid-cols-2">
        <Tile title="Revenue by category"><CategoryTile view={view} /></Tile>
        <Tile title="Top stores"><TopStoresTile view={view} /></Tile>
        <Tile title="Sales by hour"><HourTile view={view} /></Tile>
        <Tile title="Weekday × hour"><WeekdayHourTile view={view} /></Tile>
        {view.scope.regions.length > 1 && <Tile title="Region comparison"><RegionTile view={view} /></Tile>}
      </div>
      <Tile title="Transaction lines" height={TABLE_TILE_HEIGHT}>
        <TransactionsTable db={view.db} scope={view.scope} filters={view.filtersFor()} state={view.state} links={view.links} />
      </Tile>
    </div>
  );
}
