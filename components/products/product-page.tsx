// One product in the viewer's regions: revenue and units over the dashboard's range, margin, and per store
// its sales and latest stock count. The dashboard's filters stay in the URL, as on every dashboard.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { DashboardView } from '@/components/dashboards/load-view';
import { serializeDashboardState } from '@/lib/filters/dashboard-state';
import { regionNameOf } from '@/lib/filters/regions';
import { formatCount, formatMoney, formatOrDash, formatPercent } from '@/lib/format';
import { getProductDetail } from '@/lib/queries/get-product-detail';
import { TrendChart } from '@/components/charts/trend-chart';
import { FilterBar } from '@/components/filters/filter-bar';
import { LiveRefresh } from '@/components/live/live-updates';
import { Card } from '@/components/ui/card';
import { Tile } from '@/components/ui/tile';
import { GRAIN_LABELS, TimeGrainNav } from '@/components/sales/time-grain-nav';
import { PRODUCTS_PATH } from './product-links';

async function loadDetail(view: DashboardView, sku: string) {
  const detail = await getProductDetail(view.db, view.scope, view.filtersFor(), sku, view.state.grain);
  // Next renders the page alongside its layout, so this runs even when the layout answers 404: the same answer.
  if (!detail) notFound();
  return detail;
}

async function ProductSummary({ view, sku }: { view: DashboardView; sku: string }) {
  const { totals } = await loadDetail(view, sku);
  const sold = totals.units > 0;
  const cards = [
    { key: 'revenue', label: 'Revenue', value: sold ? formatMoney(totals.revenue) : formatOrDash(formatMoney)(null) },
    { key: 'units', label: 'Units', value: sold ? formatCount(totals.units) : formatOrDash(formatCount)(null) },
    { key: 'margin', label: 'Gross margin $', value: formatOrDash(formatMoney)(totals.margin) },
    { key: 'marginRate', label: 'Gross margin', value: formatOrDash(formatPercent)(totals.marginRate) },
    { key: 'onHand', label: 'Stock on hand', value: formatCount(totals.onHand) },
  ];
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {cards.map((c) => (
        <div key={c.key} data-testid={`product-${c.key}`} className="rounded-xl border border-slate-200 bg-white p-3 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <p className="text-xs font-medium text-slate-600 dark:text-slate-300">{c.label}</p>
          <p className="mt-1 text-lg font-semibold tabular-nums">{c.value}</p>
        </div>
      ))}
    </div>
  );
}

async function ProductTrends({ view, sku }: { view: DashboardView; sku: string }) {
  const { trend, grain } = await loadDetail(view, sku);
  const x = GRAIN_LABELS[grain];
  return (
    <div className="space-y-2" data-testid="product-trend">
      <TimeGrainNav state={view.state} pathname={view.links.basePath} />
      <div className="grid gap-5 lg:grid-cols-2">
      <TrendChart title={`Revenue by ${grain}`} description="Net revenue of this product in the stores in view" xTitle={x}
        points={trend.map((p) => ({ x: p.period, value: p.revenue }))} />
      <TrendChart title={`Units by ${grain}`} description="Units sold" xTitle={x} valueFormat="count" seriesName="Units"
        points={trend.map((p) => ({ x: p.period, value: p.units }))} />
      </div>
    </div>
  );
}

async function ProductStores({ view, sku }: { view: DashboardView; sku: string }) {
  const { stores } = await loadDetail(view, sku);
  return (
    <Card title={`Stores (${stores.length})`}>
      {stores.length === 0 ? (
        <p className="py-8 text-center text-sm text-slate-600 dark:text-slate-300">No sales or stock in the stores in view.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[720px] text-sm" data-testid="product-stores">
            <thead>
              <tr className="text-left text-slate-600 dark:text-slate-300">
                <th className="py-1 pr-3 font-medium">Store</th>
                <th className="py-1 pr-3 font-medium">Region</th>
                <th className="py-1 pr-3 text-right font-medium">Units</th>
                <th className="py-1 pr-3 text-right font-medium">Revenue</th>
                <th className="py-1 pr-3 text-right font-medium">Margin $</th>
                <th className="py-1 pr-3 text-right font-medium">Margin</th>
                <th className="py-1 pr-3 text-right font-medium">On hand</th>
                <th className="py-1 pr-3 text-right font-medium">Reorder at</th>
                <th className="py-1 pr-3 font-medium">Counted</th>
              </tr>
            </thead>
            <tbody>
              {stores.map((s) => (
                <tr key={s.storeCode} className="border-t border-slate-100 dark:border-slate-800" data-store={s.storeCode}>
                  <td className="py-1.5 pr-3">{s.storeName} <span className="text-xs text-slate-600 dark:text-slate-400">{s.storeCode}</span></td>
                  <td className="py-1.5 pr-3">{s.region}</td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{formatCount(s.units)}</td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{formatMoney(s.revenue)}</td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{formatOrDash(formatMoney)(s.margin)}</td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{formatOrDash(formatPercent)(s.marginRate)}</td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">
                    {s.onHand === null ? '—' : formatCount(s.onHand)}
                    {s.onHand !== null && s.reorderPoint !== null && s.onHand < s.reorderPoint && (
                      <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs text-amber-800 dark:bg-amber-900 dark:text-amber-100" data-testid="low-stock">Low</span>
                    )}
                  </td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{s.reorderPoint === null ? '—' : formatCount(s.reorderPoint)}</td>
                  <td className="py-1.5 pr-3 tabular-nums">{s.countedOn ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

async function ProductTitle({ view, sku }: { view: DashboardView; sku: string }) {
  const { product } = await loadDetail(view, sku);
  return (
    <div>
      <h1 className="text-xl font-semibold" data-testid="product-name">{product.name}</h1>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        {product.sku} · {product.category} › {product.subcategory} · {product.brand}
      </p>
    </div>
  );
}

export function ProductPage({ view, sku }: { view: DashboardView; sku: string }) {
  const filters = view.filtersFor();
  const shownRegions = filters.regionIds.map((id) => regionNameOf(id) ?? String(id));
  const back = serializeDashboardState({ ...view.state, page: 1 });
  return (
    <div className="space-y-5">
      <div className="space-y-3">
        <Link href={back ? `${PRODUCTS_PATH}?${back}` : PRODUCTS_PATH} className="text-sm text-brand-700 hover:underline dark:text-brand-300">
          ← Products
        </Link>
        <Tile title="Product" height={52}><ProductTitle view={view} sku={sku} /></Tile>
        <LiveRefresh regions={shownRegions} dates="any" stores={filters.stores} />
        <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="view-summary">
          {view.range.from} to {view.range.to} · {shownRegions.join(', ')}
          {filters.stores.length > 0 && ` · ${filters.stores.length === 1 ? 'store' : 'stores'} ${filters.stores.join(', ')}`}
        </p>
        {view.removed.length > 0 && (
          <p role="status" data-testid="clip-notice" className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200">
            {`This link included ${view.removed.join(', ')}, outside your regions; that part was removed and you see your own regions only.`}
          </p>
        )}
        <FilterBar options={view.options} range={view.range} shown={view.state} />
      </div>
      <Tile title="Product figures" height={84}><ProductSummary view={view} sku={sku} /></Tile>
      <Tile title="Product trend" height={340}><ProductTrends view={view} sku={sku} /></Tile>
      <Tile title="Product stores" height={320}><ProductStores view={view} sku={sku} /></Tile>
    </div>
  );
}
