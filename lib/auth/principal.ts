// Who a session belongs to, read from the database and kept for under a second. Freshness: the process that
// changes a user (lib/admin, sign-out) calls forgetPrincipal after committing, so its next request sees the
// change at once; every other process and machine re-reads within PRINCIPAL_TTL_MS. A TTL rather than
// LISTEN/NOTIFY invalidation: the read is one primary-key lookup (at most two a second per active user and
// process), it needs no listening connection per process, and it holds when notifications are lost.
import { sql } from 'drizzle-orm';
import { getDatabase, queryRows, type Database } from '@/db/client';
import { REGIONS } from '@/lib/filters/regions';
import type { Role } from './roles';

export interface Principal {
  userId: string;
  email: string;
  name: string;
  role: Role;
  regionIds: number[];
  sessionVersion: number;
  isActive: boolean;
  /** The password was set by an admin: until the user replaces it, only the password page is open to them. */
  mustChangePassword: boolean;
}

export const PRINCIPAL_TTL_MS = 500;
const SWEEP_ABOVE_ENTRIES = 10_000;

export class PrincipalCache {
  private readonly entries = new Map<string, { at: number; principal: Principal | null }>();
  // Bumped by every forget: a read that started before a forget must not store what it read, or a change
  // committed while it was in flight would be hidden for a whole TTL in the very process that made it.
  private epoch = 0;

  constructor(private readonly ttlMs = PRINCIPAL_TTL_MS) {}

  async load(userId: string, db: Database): Promise<Principal | null> {
    const hit = this.entries.get(userId);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.principal;
    const startedAt = this.epoch;
    const principal = await readPrincipal(db, userId);
    if (startedAt === this.epoch) this.store(userId, principal);
    return principal;
  }

  forget(userId: string): void {
    this.epoch++;
    this.entries.delete(userId);
  }

  private store(userId: string, principal: Principal | null): void {
    const now = Date.now();
    if (this.entries.size >= SWEEP_ABOVE_ENTRIES) {
      for (const [id, entry] of this.entries) if (now - entry.at >= this.ttlMs) this.entries.delete(id);
    }
    this.entries.set(userId, { at: now, principal });
  }
}

// On globalThis: middleware and route handlers may be bundled as separate module instances, and an
// admin change must reach all of them through forgetPrincipal.
const globalForPrincipals = globalThis as unknown as { __rwPrincipalCache?: PrincipalCache };
const processCache = (globalForPrincipals.__rwPrincipalCache ??= new PrincipalCache());

export async function loadPrincipal(userId: string, db?: Database): Promise<Principal | null> {
  return processCache.load(userId, db ?? (await getDatabase()));
}

export function forgetPrincipal(userId: string): void {
  processCache.forget(userId);
}

export async function readPrincipal(db: Database, userId: string): Promise<Principal | null> {
  const rows = await queryRows<{
    id: string; email: string; name: string; role: Role; session_version: number; is_active: boolean; must_change_password: boolean;
    region_ids: number[];
  }>(
    db,
    sql`select u.id, u.email, u.name, u.role, u.session_version, u.is_active, u.must_change_password,
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
    mustChangePassword: row.must_change_password,
  };
}
