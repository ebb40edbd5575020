// GET /api/transactions – one page of the sales lines behind the current filters (by number, or from a
// cursor of the page before), with the totals and the cursors of the pages around it.
import { scopedRoute } from '@/lib/auth/scoped-route';
import { env } from '@/lib/env';
import { parseDashboardState } from '@/lib/filters/dashboard-state';
import { scopeFilters } from '@/lib/auth/scoped-filters';
import { listTransactions } from '@/lib/queries/list-transactions';

export const dynamic = 'force-dynamic';

export const GET = scopedRoute(async (req, { scope, db }) => {
  const state = parseDashboardState(req.nextUrl.searchParams);
  const filters = scopeFilters(state, scope, { timeZone: env().REPORTING_TIME_ZONE });
  const page = await listTransactions(db, scope, filters, { page: state.page, pageSize: state.pageSize, sort: state.sort, cursor: state.cursor });
  return Response.json(page);
});
