// GET /api/me – the signed-in user's name, email, role and regions, for the account menu: a dashboard
// page's server render depends only on the viewer's role and regions, so it carries no name.
import { accountSchema } from '@/lib/auth/account';
import { scopedRoute } from '@/lib/auth/scoped-route';

export const dynamic = 'force-dynamic';

export const GET = scopedRoute(async (_req, { scope }) => {
  const { name, email, role } = scope.owner.user;
  const account = accountSchema.parse({ name, email, role, regions: [...scope.regions] });
  return Response.json(account);
});
