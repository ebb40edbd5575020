import type { Role } from '@/lib/auth/roles';
import type { AuditAction } from '@/lib/auth/record-audit';

const base = 'inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset';

const ROLE_TONES: Record<Role, string> = {
  admin: 'bg-violet-50 text-violet-700 ring-violet-200 dark:bg-violet-950 dark:text-violet-300 dark:ring-violet-800',
  manager: 'bg-sky-50 text-sky-700 ring-sky-200 dark:bg-sky-950 dark:text-sky-300 dark:ring-sky-800',
  analyst: 'bg-teal-50 text-teal-700 ring-teal-200 dark:bg-teal-950 dark:text-teal-300 dark:ring-teal-800',
  viewer: 'bg-slate-50 text-slate-700 ring-slate-200 dark:bg-slate-900 dark:text-slate-300 dark:ring-slate-700',
};

export function RoleBadge({ role }: { role: Role }) {
  return <span className={`${base} capitalize ${ROLE_TONES[role]}`}>{role}</span>;
}

export function StatusBadge({ active }: { active: boolean }) {
  return active ? (
    <span className={`${base} bg-emerald-50 text-emerald-700 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-300 dark:ring-emerald-800`}>Active</span>
  ) : (
    <span className={`${base} bg-red-50 text-red-700 ring-red-200 dark:bg-red-950 dark:text-red-300 dark:ring-red-800`}>Deactivated</span>
  );
}

export const ACTION_LABELS: Record<AuditAction, string> = {
  sign_in: 'Signed in',
  sign_in_failed: 'Failed sign-in',
  sign_out: 'Signed out',
  password_changed: 'Password changed',
  password_change_failed: 'Failed password change',
  user_created: 'User created',
  user_role_changed: 'Role changed',
  user_regions_changed: 'Regions changed',
  user_deactivated: 'User deactivated',
  user_reactivated: 'User reactivated',
  user_password_reset: 'Password reset',
  export: 'Export',
  share_created: 'Share link created',
  share_viewed: 'Share link viewed',
  share_revoked: 'Share link revoked',
  alert_acknowledged: 'Alert acknowledged',
};

const WARNING_ACTIONS: AuditAction[] = ['sign_in_failed', 'password_change_failed', 'user_deactivated', 'user_password_reset', 'share_revoked'];

export function ActionBadge({ action }: { action: AuditAction }) {
  const tone = WARNING_ACTIONS.includes(action)
    ? 'bg-amber-50 text-amber-800 ring-amber-200 dark:bg-amber-950 dark:text-amber-300 dark:ring-amber-800'
    : 'bg-slate-50 text-slate-700 ring-slate-200 dark:bg-slate-900 dark:text-slate-300 dark:ring-slate-700';
  return <span className={`${base} whitespace-nowrap ${tone}`}>{ACTION_LABELS[action] ?? action}</span>;
}
