// GET /api/me – the signed-in user's name, email, role and regions, for the account menu: dashboard pages
// are shared by everyone with the same role and regions (lib/page-cache), so they carry no name.
import { accountSchema } from '@/lib/auth/account';
import { scopedRoute } from '@/lib/auth/scoped-route';

export const dynamic = 'force-dynamic';

export const GET = scopedRoute(async (_req, { scope }) => {
  const { name, email, role } = scope.owner.user;
  const account = accountSchema.parse({ name, email, role, regions: [...scope.regions] });
  return Response.json(account, { headers: { 'cache-control': 'private, no-store' } });
});
