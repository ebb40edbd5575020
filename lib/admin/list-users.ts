// The users of the admin console: searched by email or name, filtered by role and status, newest first.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { regionNameOf, type RegionName } from '@/lib/filters/regions';
import type { Role } from '@/lib/auth/roles';
import { containsPattern, type Page } from './paging';
import type { UserListQuery } from './schemas';

export const USERS_PAGE_SIZE = 20;

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: Role;
  isActive: boolean;
  /** The password is one an admin set (a new account, a reset), not yet replaced by the user. */
  mustChangePassword: boolean;
  /** Granted regions; an admin sees every region whatever is granted here. */
  regions: RegionName[];
  createdAt: Date;
  lastSignInAt: Date | null;
}

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  is_active: boolean;
  must_change_password: boolean;
  region_ids: number[];
  created_at: Date | string;
  last_sign_in_at: Date | string | null;
}

/** Selects every UserRow column for `u` (app.users) and its regions; the caller adds where and group by. */
export const USER_COLUMNS = sql`u.id, u.email, u.name, u.role, u.is_active, u.must_change_password, u.created_at, u.last_sign_in_at,
  coalesce(array_agg(ur.region_id order by ur.region_id) filter (where ur.region_id is not null), '{}')::int[] as region_ids`;

export function toUserSummary(row: UserRow): UserSummary {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    isActive: row.is_active,
    mustChangePassword: row.must_change_password,
    regions: row.region_ids.map((id) => regionNameOf(Number(id))).filter((r): r is RegionName => Boolean(r)),
    createdAt: new Date(row.created_at),
    lastSignInAt: row.last_sign_in_at ? new Date(row.last_sign_in_at) : null,
  };
}

export async function listUsers(db: Database, query: UserListQuery): Promise<Page<UserSummary>> {
  const conditions: SQL[] = [sql`true`];
  if (query.q) conditions.push(sql`(u.email ilike ${containsPattern(query.q)} or u.name ilike ${containsPattern(query.q)})`);
  if (query.role) conditions.push(sql`u.role = ${query.role}`);
  if (query.status) conditions.push(sql`u.is_active = ${query.status === 'active'}`);
  const where = sql.join(conditions, sql` and `);

  const [{ total }] = await queryRows<{ total: number }>(db, sql`select count(*)::int as total from app.users u where ${where}`);
  const rows = await queryRows<UserRow>(
    db,
    sql`select ${USER_COLUMNS}
        from app.users u left join app.user_regions ur on ur.user_id = u.id
        where ${where}
        group by u.id
        order by u.created_at desc, u.email
        limit ${USERS_PAGE_SIZE} offset ${(query.page - 1) * USERS_PAGE_SIZE}`,
  );
  return { rows: rows.map(toUserSummary), total: Number(total), page: query.page, pageSize: USERS_PAGE_SIZE };
}

/** Active users per role, for the roles page. */
export async function countActiveUsersByRole(db: Database): Promise<Record<Role, number>> {
  const rows = await queryRows<{ role: Role; n: number }>(db, sql`select role, count(*)::int as n from app.users where is_active group by role`);
  const counts: Record<Role, number> = { admin: 0, manager: 0, analyst: 0, viewer: 0 };
  for (const row of rows) counts[row.role] = Number(row.n);
  return counts;
}
