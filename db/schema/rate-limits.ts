// Rate-limit counters shared by every server process and machine when Upstash is not configured
// (lib/rate-limit/postgres-limiter.ts): one row per rule, key and fixed window.
import { index, integer, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { appSchema } from './auth';

const tz = { withTimezone: true, mode: 'date' } as const;

export const rateLimitCounters = appSchema.table(
  'rate_limit_counters',
  {
    rule: text('rule').notNull(),
    // sha256 of the key: no email, address or API key is stored in the clear.
    keyHash: text('key_hash').notNull(),
    windowStart: timestamp('window_start', tz).notNull(),
    hits: integer('hits').notNull(),
    expiresAt: timestamp('expires_at', tz).notNull(),
  },
  (t) => [primaryKey({ columns: [t.rule, t.keyHash, t.windowStart] }), index('rate_limit_counters_expires_idx').on(t.expiresAt)],
);
