import type { Metadata } from 'next';
import { loadDashboardView } from '@/lib/dashboards/load-view';
import { DashboardHeader, InvalidView } from '@/components/dashboard/dashboard-header';
import { DrillBreadcrumb, DrillCharts, DrillTable } from '@/components/products/drill-tiles';
import { TransactionsTable } from '@/components/transactions/transactions-table';
import { Tile } from '@/components/ui/tile';

export const metadata: Metadata = { title: 'Products' };

const PATH = '/dashboards/products';

export default async function ProductsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const loaded = await loadDashboardView(await searchParams, PATH);
  if (!loaded.ok) return <InvalidView title="Products" message={loaded.message} status={loaded.status} resetHref={PATH} />;
  const { view } = loaded;
  return (
    <div className="space-y-5">
      <DashboardHeader title="Products" view={view} />
      <DrillBreadcrumb view={view} pathname={PATH} />
      <Tile title="Product charts" height={420}><DrillCharts view={view} /></Tile>
      <Tile title="Product table" height={360}><DrillTable view={view} /></Tile>
      <Tile title="Transaction lines" height={480}>
        <TransactionsTable db={view.db} scope={view.scope} filters={view.filtersFor()} state={view.state} pathname={PATH} />
      </Tile>
    </div>
  );
}
