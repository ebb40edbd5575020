// GET /api/alerts?kind=&status=&limit= – alerts in the caller's regions, newest first, with the total matching.
import { listAlertsParamsSchema } from '@/lib/filters/alert-params';
import { scopedRoute } from '@/lib/auth/scoped-route';
import { listAlerts } from '@/lib/queries/list-alerts';

export const dynamic = 'force-dynamic';

export const GET = scopedRoute(async (req, { scope, db }) => {
  const params = listAlertsParamsSchema.parse(Object.fromEntries(req.nextUrl.searchParams));
  return Response.json(await listAlerts(db, scope, params));
});
