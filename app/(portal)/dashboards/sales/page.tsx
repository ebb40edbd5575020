import type { Metadata } from 'next';
import { loadDashboardView } from '@/lib/dashboards/load-view';
import { DashboardHeader, InvalidView } from '@/components/dashboard/dashboard-header';
import { KpiCards } from '@/components/sales/kpi-cards';
import { TrendTile } from '@/components/sales/trend-tile';
import { CategoryTile, HourTile, RegionTile, TopStoresTile, WeekdayHourTile } from '@/components/sales/breakdown-tiles';
import { TransactionsTable } from '@/components/transactions/transactions-table';
import { Tile } from '@/components/ui/tile';

export const metadata: Metadata = { title: 'Sales overview' };

const PATH = '/dashboards/sales';

export default async function SalesOverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const loaded = await loadDashboardView(await searchParams, PATH);
  if (!loaded.ok) return <InvalidView title="Sales overview" message={loaded.message} status={loaded.status} resetHref={PATH} />;
  const { view } = loaded;
  return (
    <div className="space-y-5">
      <DashboardHeader title="Sales overview" view={view} />
      <Tile title="KPIs" height={120}>
        <KpiCards view={view} />
      </Tile>
      <Tile title="Revenue trend" height={360}>
        <TrendTile view={view} pathname={PATH} />
      </Tile>
      <div className="grid gap-5 lg:grid-cols-2">
        <Tile title="Revenue by category"><CategoryTile view={view} /></Tile>
        <Tile title="Top stores"><TopStoresTile view={view} /></Tile>
        <Tile title="Sales by hour"><HourTile view={view} /></Tile>
        <Tile title="Weekday × hour"><WeekdayHourTile view={view} /></Tile>
        {view.scope.regions.length > 1 && <Tile title="Region comparison"><RegionTile view={view} /></Tile>}
      </div>
      <Tile title="Transaction lines" height={480}>
        <TransactionsTable db={view.db} scope={view.scope} filters={view.filtersFor()} state={view.state} pathname={PATH} />
      </Tile>
    </div>
  );
}
