// The audit log for admins: filtered by action, actor email (contains) and a date range of calendar days
// in the reporting time zone, newest first.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { addDays } from '@/lib/calendar/days';
import type { AuditAction } from '@/lib/auth/record-audit';
import { containsPattern, pageWithin, type Page } from './paging';
import type { AuditQuery } from './schemas';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditEntryRow {
  id: number;
  at: Date;
  actorEmail: string | null;
  action: AuditAction;
  target: string | null;
  detail: Record<string, unknown> | null;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditRow {
  id: number | string;
  at: Date | string;
  actor_email: string | null;
  action: AuditAction;
  target: string | null;
  detail: Record<string, unknown> | string | null;
  ip: string | null;
  user_agent: string | null;
}

export const AUDIT_COLUMNS = sql`a.id, a.at, a.actor_email, a.action, a.target, a.detail, a.ip, a.user_agent`;

export function toAuditEntry(row: AuditRow): AuditEntryRow {
  return {
    id: Number(row.id),
    at: new Date(row.at),
    actorEmail: row.actor_email,
    action: row.action,
    target: row.target,
    // postgres.js returns jsonb parsed; keep a string-shaped value readable either way
    detail: typeof row.detail === 'string' ? JSON.parse(row.detail) : row.detail,
    ip: row.ip,
    userAgent: row.user_agent,
  };
}

export async function listAudit(db: Database, query: AuditQuery, timeZone: string): Promise<Page<AuditEntryRow>> {
  const conditions: SQL[] = [sql`true`];
  if (query.action) conditions.push(sql`a.action = ${query.action}`);
  if (query.actor) conditions.push(sql`a.actor_email ilike ${containsPattern(query.actor)}`);
  // Midnight of `from` and of the day after `to`, in the reporting zone, so both days are whole.
  if (query.from) conditions.push(sql`a.at >= (${query.from}::date::timestamp at time zone ${timeZone})`);
  if (query.to) conditions.push(sql`a.at < (${addDays(query.to, 1)}::date::timestamp at time zone ${timeZone})`);
  const where = sql.join(conditions, sql` and `);

  const [{ total }] = await queryRows<{ total: number }>(db, sql`select count(*)::int as total from app.audit_log a where ${where}`);
  const page = pageWithin(query.page, Number(total), AUDIT_PAGE_SIZE);
  const rows = await queryRows<AuditRow>(
    db,
    sql`select ${AUDIT_COLUMNS} from app.audit_log a
        where ${where}
        order by a.at desc, a.id desc
        limit ${AUDIT_PAGE_SIZE} offset ${(page - 1) * AUDIT_PAGE_SIZE}`,
  );
  return { rows: rows.map(toAuditEntry), total: Number(total), page, pageSize: AUDIT_PAGE_SIZE };
}
