// POST /api/shares – create a share link for a dashboard view (manager, admin); GET /api/shares – the caller's links (all for admins).
import { scopedRoute } from '@/lib/auth/scoped-route';
import { clientIp } from '@/lib/auth/record-audit';
import { badRequest } from '@/lib/errors';
import { createShare } from '@/lib/shares/create-share';
import { listShares } from '@/lib/shares/list-shares';
import { createShareSchema } from '@/lib/shares/schemas';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = scopedRoute(
  async (req, { scope, db }) => {
    const body = await req.json().catch(() => {
      throw badRequest('The body must be JSON.');
    });
    const input = createShareSchema.parse(body);
    const created = await createShare(db, scope, input, { ip: clientIp(req.headers), userAgent: req.headers.get('user-agent') });
    return Response.json(
      { id: created.id, url: new URL(created.path, req.nextUrl.origin).toString(), expiresAt: created.expiresAt?.toISOString() ?? null, regions: created.regions },
      { status: 201 },
    );
  },
  { permission: 'share' },
);

export const GET = scopedRoute(
  async (_req, { scope, db }) => {
    const shares = await listShares(db, scope);
    return Response.json({ shares });
  },
  { permission: 'share' },
);
