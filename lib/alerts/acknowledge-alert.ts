// Acknowledging an alert: "someone is on it". The update runs as the scoped database role, whose only write
// is this one (policy alerts_region_acknowledge, column grant in migration 0008), so an alert outside the
// caller's regions cannot be touched even if a check here were wrong; to the caller it does not exist (404).
// The audit row is written in the same transaction as the change.
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { smallintArray } from '@/db/sql';
import { recordAudit } from '@/lib/auth/record-audit';
import type { Scope } from '@/lib/auth/scope';
import { notFound } from '@/lib/errors';
import { readInScope } from '@/lib/queries/internal/read-in-scope';

export interface AcknowledgeRequest {
  alertId: number;
  actor: { id: string; email: string };
  ip: string | null;
  userAgent: string | null;
}

export interface AcknowledgeResult {
  id: number;
  acknowledgedAt: string;
  /** False when it had been acknowledged before (nothing changed, nothing audited). */
  changed: boolean;
}

export async function acknowledgeAlert(db: Database, scope: Scope, request: AcknowledgeRequest): Promise<AcknowledgeResult> {
  return db.transaction(async (outer) => {
    const tx = outer as unknown as Database;
    const result = await readInScope(tx, scope, async (scoped) => {
      const inScope = sql`id = ${request.alertId} and region_id = any(${smallintArray(scope.regionIds)})`;
      const [updated] = await queryRows<{ id: number; kind: string; region_id: number; subject: string; acknowledged_at: string }>(
        scoped,
        sql`update gold.alerts set acknowledged_at = now(), acknowledged_by = ${request.actor.id}::uuid
            where ${inScope} and acknowledged_at is null
            returning id::float8 as id, kind, region_id::int as region_id, subject, to_json(acknowledged_at) #>> '{}' as acknowledged_at`,
      );
      if (updated) return { row: updated, changed: true };
      const [existing] = await queryRows<{ id: number; kind: string; region_id: number; subject: string; acknowledged_at: string }>(
        scoped,
        sql`select id::float8 as id, kind, region_id::int as region_id, subject, to_json(acknowledged_at) #>> '{}' as acknowledged_at
            from gold.alerts where ${inScope}`,
      );
      if (!existing) throw notFound('No such alert in your regions.');
      return { row: existing, changed: false };
    });
    if (result.changed) {
      await recordAudit(tx, {
        action: 'alert_acknowledged',
        actor: request.actor,
        target: `alert:${result.row.id}`,
        detail: { alertId: result.row.id, kind: result.row.kind, regionId: result.row.region_id, subject: result.row.subject },
        ip: request.ip,
        userAgent: request.userAgent,
      });
    }
    return { id: result.row.id, acknowledgedAt: result.row.acknowledged_at, changed: result.changed };
  });
}
