// POST /api/alerts/{id}/ack – acknowledges an alert in the caller's regions (analyst, manager, admin); audited. Outside them: 404.
import { alertIdSchema } from '@/lib/filters/alert-params';
import { acknowledgeAlert } from '@/lib/alerts/acknowledge-alert';
import { clientIp } from '@/lib/auth/record-audit';
import { scopedRoute } from '@/lib/auth/scoped-route';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const POST = scopedRoute<{ id: string }>(
  async (req, { scope, db, params }) => {
    const { id } = alertIdSchema.parse(params);
    const user = scope.owner.user;
    const result = await acknowledgeAlert(db, scope, {
      alertId: id,
      actor: { id: user.userId, email: user.email },
      ip: clientIp(req.headers),
      userAgent: req.headers.get('user-agent'),
    });
    return Response.json({ alert: result });
  },
  { permission: 'acknowledge' },
);
