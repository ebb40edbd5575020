// Signals the ETL derives from gold: a fraud risk score per basket and the alerts people act on. Both carry
// region_id, so row-level security scopes them like every other gold table.
import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, jsonb, numeric, pgPolicy, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { dimRegion, goldSchema } from './gold';
import { appReader, inScopeRegion, regionPolicy } from './roles';

const tz = { withTimezone: true, mode: 'date' } as const;

/**
 * One row per basket that reached gold through the ETL (the seeded history is not scored): its net amount
 * so far, its risk score (0–100) and the rules that fired, `[{ rule, points, message }]`
 * (lib/analytics/sale-risk.ts). Re-scored when more lines of the basket arrive in a later batch.
 */
export const saleRisk = goldSchema.table(
  'sale_risk',
  {
    transactionId: text('transaction_id').primaryKey(),
    regionId: smallint('region_id').notNull(),
    storeKey: integer('store_key').notNull(),
    customerId: text('customer_id'),
    occurredAt: timestamp('occurred_at', tz).notNull(),
    amount: numeric('amount', { precision: 14, scale: 2, mode: 'number' }).notNull(),
    score: smallint('score').notNull(),
    reasons: jsonb('reasons').notNull(),
    scoredAt: timestamp('scored_at', tz).notNull().defaultNow(),
  },
  (t) => [
    index('sale_risk_region_score_idx').on(t.regionId, t.score, t.occurredAt),
    check('sale_risk_score_range', sql`score between 0 and 100`),
    regionPolicy('sale_risk'),
  ],
);

export const ALERT_KINDS = ['fraud', 'low_stock', 'anomaly'] as const;
export const ALERT_SEVERITIES = ['medium', 'high'] as const;

/**
 * Alerts raised by the ETL. `dedupe_key` names what an alert is about (fraud:<transaction>,
 * low_stock:<store>:<product>, anomaly:<region>:<day>); at most one unresolved alert exists per key, so
 * a batch never raises the same alert twice. Low-stock alerts are resolved when the stock recovers.
 * `detail` holds the figures behind `reason` (score and rules, on hand and reorder point, z-score).
 */
export const alerts = goldSchema.table(
  'alerts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind', { enum: ALERT_KINDS }).notNull(),
    regionId: smallint('region_id').notNull().references(() => dimRegion.regionId),
    /** Null for region-wide alerts (revenue anomalies). */
    storeKey: integer('store_key'),
    /** A transaction id, a SKU or a day (YYYY-MM-DD). */
    subject: text('subject').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    reason: text('reason').notNull(),
    severity: text('severity', { enum: ALERT_SEVERITIES }).notNull(),
    detail: jsonb('detail').notNull().default(sql`'{}'::jsonb`),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', tz).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', tz),
    acknowledgedAt: timestamp('acknowledged_at', tz),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('alerts_unresolved_dedupe_idx').on(t.dedupeKey).where(sql`resolved_at is null`),
    index('alerts_region_kind_created_idx').on(t.regionId, t.kind, t.createdAt),
    check('alerts_kind_check', sql`kind in ('fraud', 'low_stock', 'anomaly')`),
    check('alerts_severity_check', sql`severity in ('medium', 'high')`),
    regionPolicy('alerts'),
    // Acknowledging runs as the scoped role: an alert outside the caller's regions cannot be updated at all.
    pgPolicy('alerts_region_acknowledge', { as: 'permissive', for: 'update', to: appReader, using: inScopeRegion, withCheck: inScopeRegion }),
  ],
);
