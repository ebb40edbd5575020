import type { Metadata } from 'next';
import { getScope } from '@/lib/auth/page-scope';
import { AppShell } from '@/components/layout/app-shell';
import { AdminNav } from '@/components/admin/admin-nav';

export const metadata: Metadata = { title: { default: 'Admin', template: '%s · Admin · RetailWave' } };

// Middleware already turns non-admins away; this is the lock behind that gate.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const scope = await getScope({ permission: 'admin', callbackUrl: '/admin' });
  return (
    <AppShell viewer={{ role: scope.owner.user.role, regions: [...scope.regions] }}>
      <div className="mx-auto max-w-6xl space-y-6">
        <div>
          <h1 className="text-xl font-semibold">Administration</h1>
          <p className="text-sm text-slate-500 dark:text-slate-400">Users, what each role may do, and who did what.</p>
        </div>
        <AdminNav />
        {children}
      </div>
    </AppShell>
  );
}
