// GET /api/metrics/kpis – KPI totals of the filtered period and of the period it is compared with
// (`compare=previous|year`), with like-for-like and year-over-year growth, within the caller's scope.
import { scopedRoute } from '@/lib/auth/scoped-route';
import { env } from '@/lib/env';
import { scopeFilters } from '@/lib/auth/scoped-filters';
import { todayIn } from '@/lib/calendar/days';
import { parseDashboardState } from '@/lib/filters/dashboard-state';
import { getKpis } from '@/lib/queries/get-kpis';

export const dynamic = 'force-dynamic';

export const GET = scopedRoute(async (req, { scope, db }) => {
  const timeZone = env().REPORTING_TIME_ZONE;
  const state = parseDashboardState(req.nextUrl.searchParams);
  const filters = scopeFilters(state, scope, { timeZone });
  return Response.json(await getKpis(db, scope, filters, { compare: state.compare, today: todayIn(timeZone) }));
});
