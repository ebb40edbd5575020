// Who a session belongs to, read from the database and cached for a few seconds. Admin changes to a user
// bump their session version and call forgetPrincipal, so the next request sees the change.
import { sql } from 'drizzle-orm';
import { getDatabase, queryRows, type Database } from '@/db/client';
import { REGIONS } from '@/lib/domain/regions';
import type { Role } from './roles';

export interface Principal {
  userId: string;
  email: string;
  name: string;
  role: Role;
  regionIds: number[];
  sessionVersion: number;
  isActive: boolean;
}

const TTL_MS = 5_000;
// On globalThis: middleware and route handlers may be bundled as separate module instances, and an
// admin change must reach all of them through forgetPrincipal.
const globalForPrincipals = globalThis as unknown as { __rwPrincipals?: Map<string, { at: number; principal: Principal | null }> };
const cache = (globalForPrincipals.__rwPrincipals ??= new Map());

export async function loadPrincipal(userId: string, db?: Database): Promise<Principal | null> {
  const hit = cache.get(userId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.principal;
  const principal = await readPrincipal(db ?? (await getDatabase()), userId);
  cache.set(userId, { at: Date.now(), principal });
  return principal;
}

export function forgetPrincipal(userId: string): void {
  cache.delete(userId);
}

export async function readPrincipal(db: Database, userId: string): Promise<Principal | null> {
  const rows = await queryRows<{
    id: string; email: string; name: string; role: Role; session_version: number; is_active: boolean; region_ids: number[];
  }>(
    db,
    sql`select u.id, u.email, u.name, u.role, u.session_version, u.is_active,
          coalesce(array_agg(ur.region_id order by ur.region_id) filter (where ur.region_id is not null), '{}')::int[] as region_ids
        from app.users u left join app.user_regions ur on ur.user_id = u.id
        where u.id = ${userId}::uuid
        group by u.id`,
  );
  const row = rows[0];
  if (!row) return null;
  return {
    userId: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    // admins see every region whatever their grants say
    regionIds: row.role === 'admin' ? REGIONS.map((r) => r.id) : row.region_ids.map(Number),
    sessionVersion: row.session_version,
    isActive: row.is_active,
  };
}
