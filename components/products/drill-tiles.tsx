import Link from 'next/link';
import type { DashboardView } from '@/components/dashboards/load-view';
import { serializeDashboardState } from '@/lib/filters/dashboard-state';
import { formatCount, formatMoney, formatPercent } from '@/lib/format';
import { getProductDrill, type ProductDrill } from '@/lib/queries/get-product-drill';
import { BarChart } from '@/components/charts/bar-chart';
import { TreemapChart } from '@/components/charts/treemap-chart';
import { Card } from '@/components/ui/card';
import type { ChartClickAction } from '@/components/charts/figures/url-selection';
import { PRODUCTS_PATH, productHref, productPageQuery } from './product-links';

const LEVEL_LABELS = { category: 'Categories', subcategory: 'Subcategories', product: 'Products' } as const;

/** The drill path a click on a child opens; a product opens its own page instead (its SKU is the key). */
function childKey(drill: ProductDrill, key: string): string {
  return drill.level === 'product' ? key : [...drill.path, key].join('/');
}

/** What clicking a tile or bar does: drill down, or open the product's page (not for a share link's visitor). */
function clickActionOf(drill: ProductDrill, view: DashboardView): ChartClickAction | undefined {
  if (drill.level !== 'product') return { kind: 'drill' };
  return view.links.shared ? undefined : { kind: 'open', basePath: PRODUCTS_PATH, query: productPageQuery(view.state) };
}

export function DrillBreadcrumb({ view, pathname }: { view: DashboardView; pathname: string }) {
  const crumbs = [{ label: 'All categories', drill: [] as string[] }, ...view.state.drill.map((label, i) => ({ label, drill: view.state.drill.slice(0, i + 1) }))];
  return (
    <nav aria-label="Drill path" className="flex flex-wrap items-center gap-1 text-sm" data-testid="drill-breadcrumb">
      {crumbs.map((c, i) => {
        const query = serializeDashboardState({ ...view.state, drill: c.drill, page: 1 });
        const last = i === crumbs.length - 1;
        return (
          <span key={c.label} className="flex items-center gap-1">
            {i > 0 && <span aria-hidden className="text-slate-400">›</span>}
            {last ? (
              <span aria-current="page" className="font-semibold">{c.label}</span>
            ) : (
              <Link href={query ? `${pathname}?${query}` : pathname} className="text-brand-600 hover:underline">{c.label}</Link>
            )}
          </span>
        );
      })}
    </nav>
  );
}

export async function DrillCharts({ view }: { view: DashboardView }) {
  const drill = await getProductDrill(view.db, view.scope, view.filtersFor(), view.state.drill);
  const rootId = drill.path.join('/') || 'All categories';
  const action = clickActionOf(drill, view);
  const products = drill.level === 'product';
  // Among products a click opens one, so the outer tile has no key (the breadcrumb goes back up).
  const nodes = [
    { id: rootId, label: drill.path[drill.path.length - 1] ?? 'All categories', parent: '', value: 0, key: products ? '' : drill.path.slice(0, -1).join('/') },
    ...drill.rows.map((r) => ({ id: `${rootId}/${r.key}`, label: r.label, parent: rootId, value: r.revenue, key: childKey(drill, r.key) })),
  ];
  const ranked = drill.rows.slice(0, 20).map((r) => ({ key: childKey(drill, r.key), label: r.label, value: r.revenue }));
  const opens = action?.kind === 'open';
  return (
    <div className="grid gap-5 lg:grid-cols-2">
      <TreemapChart title={`${LEVEL_LABELS[drill.level]} by revenue`}
        description={products ? (opens ? 'Click a product to open it' : 'Products of this subcategory') : 'Click a tile to drill down; the outer tile goes back up'}
        nodes={nodes} labelTitle={LEVEL_LABELS[drill.level]} clickAction={action} />
      <BarChart title={`Top ${LEVEL_LABELS[drill.level].toLowerCase()}`}
        description={products ? (opens ? 'Top 20 by revenue; click a bar to open the product' : 'Top 20 by revenue') : 'Click a bar to drill down'}
        rows={ranked} labelTitle={LEVEL_LABELS[drill.level]} valueTitle="Revenue" clickAction={action} />
    </div>
  );
}

export async function DrillTable({ view }: { view: DashboardView }) {
  const drill = await getProductDrill(view.db, view.scope, view.filtersFor(), view.state.drill);
  const products = drill.level === 'product';
  return (
    <Card title={`${LEVEL_LABELS[drill.level]} (${drill.rows.length})`}>
      {drill.rows.length === 0 ? (
        <p className="py-8 text-center text-sm text-slate-500">No sales in this range.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[640px] text-sm" data-testid="drill-table">
            <thead>
              <tr className="text-left text-slate-500">
                <th className="py-1 pr-3 font-medium">{products ? 'Product' : LEVEL_LABELS[drill.level].slice(0, -1).replace(/ie$/, 'y')}</th>
                {products && <th className="py-1 pr-3 font-medium">SKU</th>}
                <th className="py-1 pr-3 text-right font-medium">Units</th>
                <th className="py-1 pr-3 text-right font-medium">Revenue</th>
                <th className="py-1 pr-3 text-right font-medium">Margin</th>
                {products && <th className="py-1 pr-3 text-right font-medium">Stock on hand</th>}
                {products && <th className="py-1 pr-3 font-medium">Stock</th>}
              </tr>
            </thead>
            <tbody>
              {drill.rows.map((r) => (
                <tr key={r.key} className="border-t border-slate-100 dark:border-slate-800">
                  <td className="py-1.5 pr-3">
                    {products && !view.links.shared ? (
                      <Link href={productHref(r.key, view.state)} className="text-brand-700 hover:underline dark:text-brand-300" data-testid="product-link">{r.label}</Link>
                    ) : (
                      r.label
                    )}
                  </td>
                  {products && <td className="py-1.5 pr-3 text-slate-500">{r.key}</td>}
                  <td className="py-1.5 pr-3 text-right tabular-nums">{formatCount(r.units)}</td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{formatMoney(r.revenue)}</td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{formatPercent(r.grossMargin)}</td>
                  {products && <td className="py-1.5 pr-3 text-right tabular-nums">{formatCount(r.stockOnHand ?? 0)}</td>}
                  {products && (
                    <td className="py-1.5 pr-3">
                      {(r.lowStockStores ?? 0) > 0 ? (
                        <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs text-amber-800 dark:bg-amber-900 dark:text-amber-100" data-testid="low-stock">
                          Low in {r.lowStockStores} store{r.lowStockStores === 1 ? '' : 's'}
                        </span>
                      ) : (
                        <span className="text-xs text-slate-500">OK</span>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
