import type { AuditEntryRow } from '@/lib/admin/list-audit';
import { AdminTable, cellClass } from './admin-table';
import { ActionBadge } from './badges';
import { DateTime } from '@/components/ui/date-time';

/** What an entry's detail says, in a few words (the full JSON is in the title). */
function summarise(entry: AuditEntryRow): string {
  const d = entry.detail ?? {};
  const list = (v: unknown) => (Array.isArray(v) ? v.join(', ') || 'none' : String(v));
  switch (entry.action) {
    case 'user_role_changed':
      return `${d.from} → ${d.to}`;
    case 'user_regions_changed':
      return `${list(d.from)} → ${list(d.to)}`;
    case 'user_created':
      return `${d.role}${Array.isArray(d.regions) && d.regions.length ? `, ${list(d.regions)}` : ''}`;
    case 'sign_in_failed':
    case 'password_change_failed':
      return String(d.reason ?? '').replace(/_/g, ' ');
    default:
      return Object.keys(d).length ? Object.entries(d).filter(([k]) => k !== 'userId').map(([k, v]) => `${k}: ${list(v)}`).join('; ') : '';
  }
}

export function AuditTable({ entries, timeZone }: { entries: AuditEntryRow[]; timeZone: string }) {
  return (
    <AdminTable caption="Audit log entries" head={['When', 'Who', 'What', 'Target', 'From']}>
      {entries.map((e) => (
        <tr key={e.id} data-testid="audit-row">
          <td className={cellClass}><DateTime value={e.at} timeZone={timeZone} seconds /></td>
          <td className={cellClass}>{e.actorEmail ?? <span className="text-slate-500 dark:text-slate-400">Anonymous</span>}</td>
          <td className={cellClass}>
            <ActionBadge action={e.action} />
            <p className="mt-1 text-xs text-slate-500 dark:text-slate-400" title={e.detail ? JSON.stringify(e.detail) : undefined}>{summarise(e)}</p>
          </td>
          <td className={`${cellClass} break-all`}>{e.target ?? <span className="text-slate-500 dark:text-slate-400">—</span>}</td>
          <td className={cellClass}>
            <p className="tabular-nums">{e.ip ?? <span className="text-slate-500 dark:text-slate-400">unknown</span>}</p>
            {e.userAgent && <p className="max-w-[16rem] truncate text-xs text-slate-500 dark:text-slate-400" title={e.userAgent}>{e.userAgent}</p>}
          </td>
        </tr>
      ))}
    </AdminTable>
  );
}
