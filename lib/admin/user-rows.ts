// Row-level building blocks shared by the admin changes: each runs inside the caller's transaction.
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { AppError, notFound } from '@/lib/errors';
import { regionNameOf, type RegionName } from '@/lib/filters/regions';
import type { Role } from '@/lib/auth/roles';

export interface LockedUser {
  id: string;
  email: string;
  role: Role;
  isActive: boolean;
  regions: RegionName[];
}

/**
 * Locks the active admins `for update` (in id order, so two transactions never wait on each other in a
 * circle) and refuses when `userId` is the only one. A concurrent demotion waits here for this
 * transaction, then re-reads the admins, so two admins cannot remove each other at the same moment.
 */
export async function assertNotLastAdmin(tx: Database, userId: string): Promise<void> {
  const admins = await queryRows<{ id: string }>(
    tx,
    sql`select id from app.users where role = 'admin' and is_active order by id for update`,
  );
  if (admins.length <= 1 && admins.some((a) => a.id === userId)) {
    throw new AppError(409, 'last_admin', 'This is the only active administrator. Make another user an administrator first.');
  }
}

/** The user's row, locked for the rest of the transaction; 404 when there is no such user. */
export async function lockUser(tx: Database, userId: string): Promise<LockedUser> {
  const [row] = await queryRows<{ id: string; email: string; role: Role; is_active: boolean }>(
    tx,
    sql`select id, email, role, is_active from app.users where id = ${userId}::uuid for update`,
  );
  if (!row) throw notFound('That user does not exist.');
  const regions = await queryRows<{ region_id: number }>(
    tx,
    sql`select region_id from app.user_regions where user_id = ${userId}::uuid order by region_id`,
  );
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    isActive: row.is_active,
    regions: regions.map((r) => regionNameOf(Number(r.region_id))).filter((r): r is RegionName => Boolean(r)),
  };
}

/** Ends the user's existing sessions: their JWT carries the old version and no longer matches. */
export async function bumpSessionVersion(tx: Database, userId: string): Promise<void> {
  await tx.execute(sql`update app.users set session_version = session_version + 1 where id = ${userId}::uuid`);
}
