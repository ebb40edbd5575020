// GET /api/metrics/kpis – KPI totals of the filtered period and of the period before it, within the caller's scope.
import { scopedRoute } from '@/lib/auth/scoped-route';
import { env } from '@/lib/env';
import { scopeFiltersFromParams } from '@/lib/auth/scoped-filters';
import { getKpis } from '@/lib/queries/get-kpis';

export const dynamic = 'force-dynamic';

export const GET = scopedRoute(async (req, { scope, db }) => {
  const filters = scopeFiltersFromParams(req.nextUrl.searchParams, scope, env().REPORTING_TIME_ZONE);
  return Response.json(await getKpis(db, scope, filters));
});
