// Accounts, their regions and the audit trail. Read by the auth layer only, never by a scoped query.
import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, jsonb, pgSchema, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { dimRegion } from './gold';

export const appSchema = pgSchema('app');

const tz = { withTimezone: true, mode: 'date' } as const;

export const users = appSchema.table('users', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: text('role', { enum: ['admin', 'manager', 'analyst', 'viewer'] }).notNull(),
  passwordHash: text('password_hash').notNull(),
  isActive: boolean('is_active').notNull().default(true),
  // Bumped by every change that must end existing sessions (role, regions, deactivation, password).
  sessionVersion: integer('session_version').notNull().default(1),
  // Set when an admin chose the password (a new account, a reset): it opens only the page that replaces it.
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  createdAt: timestamp('created_at', tz).notNull().defaultNow(),
  lastSignInAt: timestamp('last_sign_in_at', tz),
});

export const userRegions = appSchema.table(
  'user_regions',
  {
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    regionId: smallint('region_id').notNull().references(() => dimRegion.regionId),
  },
  (t) => [primaryKey({ columns: [t.userId, t.regionId] })],
);

export const auditLog = appSchema.table(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', tz).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorEmail: text('actor_email'),
    action: text('action').notNull(),
    target: text('target'),
    detail: jsonb('detail'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_action_idx').on(t.action, t.at),
    // Whether an address signed in to an account before (lib/auth/sign-in-limit.ts), asked during attacks.
    index('audit_log_sign_in_address_idx').on(t.actorEmail, t.ip, t.at).where(sql`action = 'sign_in'`),
  ],
);
