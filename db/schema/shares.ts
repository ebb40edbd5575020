// Share links: read-only dashboard views for people without an account. Only the token's hash is kept,
// so a leaked database cannot be turned into working links. Read by lib/shares and lib/auth/scope only.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { appSchema, users } from './auth';

const tz = { withTimezone: true, mode: 'date' } as const;

export const shareLinks = appSchema.table(
  'share_links',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    /** sha256 of the token, hex. The token itself is shown once, at creation. */
    tokenHash: text('token_hash').notNull().unique(),
    createdBy: uuid('created_by').notNull().references(() => users.id),
    label: text('label').notNull().default(''),
    /** Which dashboard (sales, products, customers) and its URL state, as a query string without '?'. */
    dashboard: text('dashboard', { enum: ['sales', 'products', 'customers'] }).notNull(),
    query: text('query').notNull().default(''),
    /** The frozen scope: the sharer's regions at creation ∩ what they chose. Each view also intersects it with the sharer's current regions. */
    regionIds: smallint('region_ids').array().notNull(),
    allowExport: boolean('allow_export').notNull().default(false),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
    /** Null: never expires (admins only). */
    expiresAt: timestamp('expires_at', tz),
    revokedAt: timestamp('revoked_at', tz),
    revokedBy: uuid('revoked_by').references(() => users.id),
    viewCount: integer('view_count').notNull().default(0),
    lastViewedAt: timestamp('last_viewed_at', tz),
    /** Views are audited at most once per link per interval (lib/shares/record-view.ts), so a busy link cannot flood the log. */
    lastViewAuditedAt: timestamp('last_view_audited_at', tz),
  },
  (t) => [index('share_links_created_by_idx').on(t.createdBy, t.createdAt), index('share_links_created_at_idx').on(t.createdAt)],
);
