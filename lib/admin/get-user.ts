// One user for the admin detail page, with the latest audit entries by or about them.
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { USER_COLUMNS, toUserSummary, type UserRow, type UserSummary } from './list-users';
import { AUDIT_COLUMNS, toAuditEntry, type AuditEntryRow, type AuditRow } from './list-audit';

export async function getUser(db: Database, userId: string): Promise<UserSummary | null> {
  const [row] = await queryRows<UserRow>(
    db,
    sql`select ${USER_COLUMNS}
        from app.users u left join app.user_regions ur on ur.user_id = u.id
        where u.id = ${userId}::uuid
        group by u.id`,
  );
  return row ? toUserSummary(row) : null;
}

/** What the user did and what was done to them, newest first (sign-ins and admin changes alike). */
export async function listUserActivity(db: Database, userId: string, limit = 10): Promise<AuditEntryRow[]> {
  const rows = await queryRows<AuditRow>(
    db,
    sql`select ${AUDIT_COLUMNS} from app.audit_log a
        where a.actor_id = ${userId}::uuid or a.detail->>'userId' = ${userId}
        order by a.at desc, a.id desc
        limit ${limit}`,
  );
  return rows.map(toAuditEntry);
}
