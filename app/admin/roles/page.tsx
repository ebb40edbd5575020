import type { Metadata } from 'next';
import { getDatabase } from '@/db/client';
import { getScope } from '@/lib/auth/page-scope';
import { PERMISSIONS, ROLE_DESCRIPTIONS, ROLES, can, type Permission } from '@/lib/auth/roles';
import { countActiveUsersByRole } from '@/lib/admin/list-users';
import { AdminTable, cellClass } from '@/components/admin/admin-table';
import { RoleBadge } from '@/components/admin/badges';

export const metadata: Metadata = { title: 'Roles' };

const PERMISSION_LABELS: Record<Permission, string> = {
  view: 'View dashboards',
  export: 'Export CSV',
  share: 'Create share links',
  acknowledge: 'Acknowledge alerts',
  admin: 'Admin console',
};

export default async function RolesPage() {
  await getScope({ permission: 'admin', callbackUrl: '/admin/roles' });
  const counts = await countActiveUsersByRole(await getDatabase());
  return (
    <section aria-labelledby="roles-heading" className="space-y-4">
      <div>
        <h2 id="roles-heading" className="text-lg font-semibold">Roles</h2>
        <p className="text-sm text-slate-500 dark:text-slate-400">
          A role says what a user may do; their regions say which data they see. Administrators see every region.
        </p>
      </div>
      <AdminTable caption="What each role may do" head={['Role', 'Description', ...PERMISSIONS.map((p) => PERMISSION_LABELS[p]), 'Active users']}>
        {ROLES.map((role) => (
          <tr key={role}>
            <th scope="row" className={`${cellClass} text-left font-normal`}><RoleBadge role={role} /></th>
            <td className={`${cellClass} max-w-xs text-slate-600 dark:text-slate-300`}>{ROLE_DESCRIPTIONS[role]}</td>
            {PERMISSIONS.map((p) => (
              <td key={p} className={`${cellClass} text-center`}>
                {can(role, p) ? (
                  <span className="text-emerald-600" aria-label="Allowed">✓</span>
                ) : (
                  <span className="text-slate-300 dark:text-slate-600" aria-label="Not allowed">—</span>
                )}
              </td>
            ))}
            <td className={`${cellClass} text-right tabular-nums`}>{counts[role]}</td>
          </tr>
        ))}
      </AdminTable>
    </section>
  );
}
