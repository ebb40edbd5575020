// Writes alerts from an ETL batch. An alert is keyed by what it is about (`dedupeKey`); while one with the
// same key is unresolved, raising it again refreshes its figures instead of adding a second alert, so a
// condition that persists across batches stays one alert. An acknowledged alert keeps its wording.
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import type { ALERT_KINDS, ALERT_SEVERITIES } from '@/db/schema';
import { jsonRecords } from '@/db/json-records';

export interface NewAlert {
  kind: (typeof ALERT_KINDS)[number];
  regionId: number;
  storeKey: number | null;
  subject: string;
  dedupeKey: string;
  reason: string;
  severity: (typeof ALERT_SEVERITIES)[number];
  detail: Record<string, unknown>;
}

/** The conflict clause of every alert insert: refresh the open alert with the same key. */
export const ON_OPEN_ALERT = sql`on conflict (dedupe_key) where resolved_at is null do update
  set detail = excluded.detail, updated_at = now(),
    reason = case when gold.alerts.acknowledged_at is null then excluded.reason else gold.alerts.reason end,
    severity = case when gold.alerts.acknowledged_at is null then excluded.severity else gold.alerts.severity end`;

export async function raiseAlerts(db: Database, alerts: readonly NewAlert[]): Promise<void> {
  if (alerts.length === 0) return;
  // One row per key (an upsert may not touch a row twice), in key order so concurrent workers lock alike.
  const rows = [...new Map(alerts.map((a) => [a.dedupeKey, a])).values()].sort((a, b) => (a.dedupeKey < b.dedupeKey ? -1 : 1));
  const records = rows.map((a) => ({
    kind: a.kind, region_id: a.regionId, store_key: a.storeKey, subject: a.subject, dedupe_key: a.dedupeKey,
    reason: a.reason, severity: a.severity, detail: a.detail,
  }));
  await db.execute(sql`
    insert into gold.alerts (kind, region_id, store_key, subject, dedupe_key, reason, severity, detail)
    select kind, region_id, store_key, subject, dedupe_key, reason, severity, detail
    from ${jsonRecords(records)} as r(kind text, region_id smallint, store_key int, subject text, dedupe_key text,
      reason text, severity text, detail jsonb)
    ${ON_OPEN_ALERT}`);
}
