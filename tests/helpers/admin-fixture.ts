// Fixtures for the admin console tests: the demo accounts, an acting admin, and audit counts.
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { ensureDemoUsers } from '@/lib/auth/demo-users';
import type { AdminActor } from '@/lib/admin/actor';
import type { AuditAction } from '@/lib/auth/record-audit';

export const FIXTURE_PASSWORD = 'fixture-password-1';

/** Creates the demo users and returns the demo admin as the actor of admin actions. */
export async function seedAdminFixture(db: Database): Promise<AdminActor> {
  await ensureDemoUsers(db, { password: FIXTURE_PASSWORD });
  const [admin] = await queryRows<{ id: string; email: string }>(db, sql`select id, email from app.users where email = 'admin@retailwave.test'`);
  return { id: admin.id, email: admin.email, ip: '203.0.113.7', userAgent: 'jest admin fixture' };
}

export async function userIdOf(db: Database, email: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(db, sql`select id from app.users where email = ${email}`);
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}

export async function sessionVersionOf(db: Database, userId: string): Promise<number> {
  const [row] = await queryRows<{ session_version: number }>(db, sql`select session_version from app.users where id = ${userId}::uuid`);
  return Number(row.session_version);
}

/** Audit rows about one user (by the `userId` every admin action records in its detail). */
export async function auditRowsAbout(db: Database, userId: string, action?: AuditAction) {
  return queryRows<{ action: string; actor_email: string | null; ip: string | null; user_agent: string | null; detail: Record<string, unknown> }>(
    db,
    sql`select action, actor_email, ip, user_agent, detail from app.audit_log
        where detail->>'userId' = ${userId} ${action ? sql`and action = ${action}` : sql``}
        order by id`,
  );
}

export async function countAudit(db: Database): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from app.audit_log`);
  return Number(row.n);
}
