// DELETE /api/shares/{id} – revoke a share link (its owner, or an admin); the link answers 410 from its next request.
import { scopedRoute } from '@/lib/auth/scoped-route';
import { clientIp } from '@/lib/auth/record-audit';
import { revokeShare } from '@/lib/shares/revoke-share';
import { shareIdSchema } from '@/lib/shares/schemas';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const DELETE = scopedRoute<{ id: string }>(
  async (req, { scope, db, params }) => {
    const { id } = shareIdSchema.parse(params);
    const revoked = await revokeShare(db, scope, id, { ip: clientIp(req.headers), userAgent: req.headers.get('user-agent') });
    return Response.json({ id: revoked.id, revokedAt: revoked.revokedAt.toISOString() });
  },
  { permission: 'share' },
);
