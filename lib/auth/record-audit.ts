// The audit trail: who did what, when, from where. Admin actions call this inside the same transaction
// as the change they record, so a change without its audit row cannot happen.
import { auditLog } from '@/db/schema';
import type { Database } from '@/db/client';
import { clientAddress } from '@/lib/auth/client-address';

export const AUDIT_ACTIONS = [
  'sign_in', 'sign_in_failed', 'sign_out', 'password_changed', 'password_change_failed',
  'user_created', 'user_role_changed', 'user_regions_changed', 'user_deactivated', 'user_reactivated', 'user_password_reset',
  'export', 'share_created', 'share_viewed', 'share_revoked', 'alert_acknowledged',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  action: AuditAction;
  actor?: { id: string; email: string } | null;
  target?: string | null;
  detail?: Record<string, unknown>;
  ip?: string | null;
  userAgent?: string | null;
}

export async function recordAudit(db: Database, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    action: entry.action,
    actorId: entry.actor?.id ?? null,
    actorEmail: entry.actor?.email ?? null,
    target: entry.target ?? null,
    detail: entry.detail ?? null,
    ip: entry.ip ?? null,
    userAgent: entry.userAgent?.slice(0, 300) ?? null,
  });
}

/** The caller's address: the socket peer, or the client a trusted proxy names (lib/auth/client-address.ts). */
export function clientIp(headers: { get(name: string): string | null } | Record<string, unknown>): string | null {
  return clientAddress(headers);
}
