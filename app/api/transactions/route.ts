// GET /api/transactions – one page of the sales lines behind the current filters, with the total count.
import { scopedRoute } from '@/lib/auth/scoped-route';
import { env } from '@/lib/env';
import { parseDashboardState } from '@/lib/filters/dashboard-state';
import { scopeFilters } from '@/lib/auth/scoped-filters';
import { listTransactions } from '@/lib/queries/list-transactions';

export const dynamic = 'force-dynamic';

export const GET = scopedRoute(async (req, { scope, db }) => {
  const state = parseDashboardState(req.nextUrl.searchParams);
  const filters = scopeFilters(state, scope, { timeZone: env().REPORTING_TIME_ZONE });
  const page = await listTransactions(db, scope, filters, { page: state.page, pageSize: state.pageSize, sort: state.sort });
  return Response.json(page);
});
