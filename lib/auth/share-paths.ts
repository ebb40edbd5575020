// Which views can be shared, and the canonical form of a shared view: a dashboard plus its URL state.
// The state goes through the dashboards' own parser and serialiser, so a link can hold nothing a
// dashboard URL could not.
import { z } from 'zod';
import { parseDashboardState, serializeDashboardState } from '@/lib/filters/dashboard-state';

export const SHARE_DASHBOARDS = ['sales', 'products', 'customers'] as const;
export type ShareDashboard = (typeof SHARE_DASHBOARDS)[number];

export const SHARE_DASHBOARD_TITLES: Record<ShareDashboard, string> = {
  sales: 'Sales overview',
  products: 'Products',
  customers: 'Customers',
};

export interface SharedView {
  dashboard: ShareDashboard;
  /** Canonical URL state without '?', paging reset. */
  query: string;
}

const PATH_PATTERN = /^\/dashboards\/([a-z]+)\/?(?:\?(.*))?$/s;

/** `/dashboards/sales?from=…` → the view to freeze into a link; throws a ZodError for anything else. */
export function parseSharedPath(path: string): SharedView {
  const match = PATH_PATTERN.exec(path);
  const dashboard = z.enum(SHARE_DASHBOARDS, { message: 'path must be a dashboard, e.g. /dashboards/sales?…' }).parse(match?.[1]);
  const state = parseDashboardState(new URLSearchParams(match?.[2] ?? ''));
  return { dashboard, query: serializeDashboardState({ ...state, page: 1 }) };
}
