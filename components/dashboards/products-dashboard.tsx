// Products: drill category → subcategory → product, for any view (signed-in or shared).
import type { DashboardView } from './load-view';
import { DashboardHeader } from './dashboard-header';
import { DrillBreadcrumb, DrillCharts, DrillTable } from '@/components/products/drill-tiles';
import { TABLE_TILE_HEIGHT, TransactionsTable } from '@/components/transactions/transactions-table';
import { Tile } from '@/components/ui/tile';

export const PRODUCTS_TITLE = 'Products';

export function ProductsDashboard({ view }: { view: DashboardView }) {
  return (
    <div className="space-y-5">
      {/* Stock on hand is the latest snapshot whatever the range, so a change on any day matters. */}
      <DashboardHeader title={PRODUCTS_TITLE} view={view} liveDates="any" />
      <DrillBreadcrumb view={view} pathname={view.links.basePath} />
      <Tile title="Product charts" height="h-[1032px] lg:h-[506px]"><DrillCharts view={view} /></Tile>
      <Tile title="Product table" height={360}><DrillTable view={view} /></Tile>
      <Tile title="Transaction lines" height={TABLE_TILE_HEIGHT}>
        <TransactionsTable db={view.db} scope={view.scope} filters={view.filtersFor()} state={view.state} links={view.links} />
      </Tile>
    </div>
  );
}
