// Where a product name leads: its page, carrying the dashboard's filters, dates, grain and drill path (the
// way back), but not the detail table's paging or order, which belong to the page it came from.
import { serializeDashboardState, type DashboardState } from '@/lib/filters/dashboard-state';

export const PRODUCTS_PATH = '/dashboards/products';

/** The query string a product page keeps from the view it was opened from. */
export function productPageQuery(state: DashboardState): string {
  return serializeDashboardState({ ...state, page: 1, sort: undefined, cursor: undefined, tab: undefined });
}

export function productHref(sku: string, state: DashboardState): string {
  const query = productPageQuery(state);
  return `${PRODUCTS_PATH}/${encodeURIComponent(sku)}${query ? `?${query}` : ''}`;
}
