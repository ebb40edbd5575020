import Link from 'next/link';
import type { UserSummary } from '@/lib/admin/list-users';
import { AdminTable, cellClass } from './admin-table';
import { RoleBadge, StatusBadge } from './badges';
import { DateTime } from '@/components/ui/date-time';

export function UsersTable({ users, timeZone }: { users: UserSummary[]; timeZone: string }) {
  return (
    <AdminTable caption="Users" head={['User', 'Role', 'Regions', 'Status', 'Last sign-in', '']}>
      {users.map((u) => (
        <tr key={u.id} data-testid="user-row" className="hover:bg-slate-50 dark:hover:bg-slate-800/50">
          <td className={cellClass}>
            <p className="font-medium">{u.name}</p>
            <p className="text-slate-500 dark:text-slate-400">{u.email}</p>
          </td>
          <td className={cellClass}><RoleBadge role={u.role} /></td>
          <td className={cellClass}>{u.role === 'admin' ? <span className="text-slate-500">All regions</span> : u.regions.join(', ') || <span className="text-red-600">None</span>}</td>
          <td className={cellClass}><StatusBadge active={u.isActive} /></td>
          <td className={cellClass}><DateTime value={u.lastSignInAt} timeZone={timeZone} /></td>
          <td className={`${cellClass} text-right`}>
            <Link href={`/admin/users/${u.id}`} className="font-medium text-brand-600 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500" aria-label={`Manage ${u.email}`}>
              Manage
            </Link>
          </td>
        </tr>
      ))}
    </AdminTable>
  );
}
