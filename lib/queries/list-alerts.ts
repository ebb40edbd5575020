// Alerts in the caller's regions, newest first: fraud, low stock and revenue anomalies raised by the ETL,
// with the store code and the number matching in all. Not cached: acknowledging changes the list without
// advancing a data version, and the list is small and indexed.
import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { smallintArray } from '@/db/sql';
import type { ALERT_KINDS, ALERT_SEVERITIES } from '@/db/schema';
import type { ListAlertsParams } from '@/lib/filters/alert-params';
import type { Scope } from '@/lib/auth/scope';
import { readInScope } from './internal/read-in-scope';

export interface AlertRow {
  id: number;
  kind: (typeof ALERT_KINDS)[number];
  regionId: number;
  region: string;
  /** Null for region-wide alerts (anomalies). */
  storeCode: string | null;
  subject: string;
  reason: string;
  severity: (typeof ALERT_SEVERITIES)[number];
  detail: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
}

export interface AlertList {
  alerts: AlertRow[];
  /** How many alerts match, beyond the page. */
  total: number;
}

const STATUS_WHERE = {
  open: sql`a.acknowledged_at is null and a.resolved_at is null`,
  acknowledged: sql`a.acknowledged_at is not null and a.resolved_at is null`,
  resolved: sql`a.resolved_at is not null`,
} as const;

const iso = (column: string) => sql.raw(`to_json(${column}) #>> '{}'`);

export async function listAlerts(db: Database, scope: Scope, params: ListAlertsParams): Promise<AlertList> {
  return readInScope(db, scope, async (tx) => {
    const where = sql`a.region_id = any(${smallintArray(scope.regionIds)}) and ${STATUS_WHERE[params.status]}
      ${params.kind ? sql`and a.kind = ${params.kind}` : sql``}`;
    const alerts = await queryRows<AlertRow>(
      tx,
      sql`select a.id::float8 as id, a.kind, a.region_id::int as "regionId", r.name as region, s.store_code as "storeCode",
            a.subject, a.reason, a.severity, a.detail, ${iso('a.created_at')} as "createdAt", ${iso('a.updated_at')} as "updatedAt",
            ${iso('a.acknowledged_at')} as "acknowledgedAt", ${iso('a.resolved_at')} as "resolvedAt"
          from gold.alerts a
          join gold.dim_region r on r.region_id = a.region_id
          left join gold.dim_store s on s.store_key = a.store_key
          where ${where}
          order by a.created_at desc, a.id desc
          limit ${params.limit}`,
    );
    const [{ total }] = await queryRows<{ total: number }>(tx, sql`select count(*)::int as total from gold.alerts a where ${where}`);
    return { alerts: alerts.map((a) => ({ ...a, detail: typeof a.detail === 'string' ? JSON.parse(a.detail) : a.detail })), total };
  });
}
