import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { getDatabase } from '@/db/client';
import { getScope } from '@/lib/auth/page-scope';
import { env } from '@/lib/env';
import { getUser, listUserActivity } from '@/lib/admin/get-user';
import { userIdSchema } from '@/lib/admin/schemas';
import { Card } from '@/components/ui/card';
import { AuditTable } from '@/components/admin/audit-table';
import { EmptyState } from '@/components/admin/admin-table';
import { RoleBadge, StatusBadge } from '@/components/admin/badges';
import { DateTime } from '@/components/ui/date-time';
import { changeRegionsAction, changeRoleAction, resetPasswordAction, setActiveAction } from '@/app/admin/actions';
import { ResetPasswordForm } from '@/components/admin/reset-password-form';
import { UserRegionsForm } from '@/components/admin/user-regions-form';
import { UserRoleForm } from '@/components/admin/user-role-form';
import { UserStatusForm } from '@/components/admin/user-status-form';

export const metadata: Metadata = { title: 'User' };

export default async function AdminUserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: rawId } = await params;
  await getScope({ permission: 'admin', callbackUrl: `/admin/users/${encodeURIComponent(rawId)}` });
  const id = userIdSchema.safeParse(rawId);
  if (!id.success) notFound();
  const db = await getDatabase();
  const [user, activity] = await Promise.all([getUser(db, id.data), listUserActivity(db, id.data)]);
  if (!user) notFound();
  const timeZone = env().REPORTING_TIME_ZONE;
  return (
    <section aria-labelledby="user-heading" className="space-y-4">
      <Link href="/admin" className="text-sm text-slate-600 hover:underline dark:text-slate-400">← All users</Link>
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="user-heading" className="text-lg font-semibold">{user.name}</h2>
        <RoleBadge role={user.role} />
        <StatusBadge active={user.isActive} />
      </div>
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-500">Email</dt>
        <dd>{user.email}</dd>
        <dt className="text-slate-500">Created</dt>
        <dd><DateTime value={user.createdAt} timeZone={timeZone} /></dd>
        <dt className="text-slate-500">Last sign-in</dt>
        <dd><DateTime value={user.lastSignInAt} timeZone={timeZone} /></dd>
        <dt className="text-slate-500">Password</dt>
        <dd data-testid="password-state">
          {user.mustChangePassword ? 'One-time: set by an administrator, to be replaced at the next sign-in' : 'Chosen by the user'}
        </dd>
      </dl>
      <div className="grid gap-4 md:grid-cols-2">
        <Card title="Role">
          <UserRoleForm userId={user.id} role={user.role} changeRoleAction={changeRoleAction} />
        </Card>
        <Card title="Regions">
          <UserRegionsForm userId={user.id} regions={user.regions} isAdmin={user.role === 'admin'} changeRegionsAction={changeRegionsAction} />
        </Card>
        <Card title="Password">
          <ResetPasswordForm userId={user.id} resetPasswordAction={resetPasswordAction} />
        </Card>
        <Card title="Status">
          <UserStatusForm userId={user.id} isActive={user.isActive} setActiveAction={setActiveAction} />
        </Card>
      </div>
      <h3 className="pt-2 font-semibold">Recent activity</h3>
      {activity.length === 0 ? <EmptyState title="No activity yet" /> : <AuditTable entries={activity} timeZone={timeZone} />}
    </section>
  );
}
