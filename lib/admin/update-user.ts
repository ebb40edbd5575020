// Role, region and status changes. Each one locks what it depends on, changes the user, bumps their
// session version (ending their sessions) and writes one audit row, all in one transaction; then it
// drops the cached principal so the user's very next request sees the change.
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { userRegions } from '@/db/schema';
import { recordAudit } from '@/lib/auth/record-audit';
import { forgetPrincipal } from '@/lib/auth/principal';
import { regionIdOf } from '@/lib/filters/regions';
import { AppError } from '@/lib/errors';
import { auditedBy, type AdminActor } from './actor';
import type { ChangeRegionsInput, ChangeRoleInput, SetActiveInput } from './schemas';
import { assertNotLastAdmin, bumpSessionVersion, lockUser } from './user-rows';

/** Whether anything changed (asking for the current value again is not an error, and not audited). */
export interface UpdateResult {
  changed: boolean;
  email: string;
}

export async function changeUserRole(db: Database, actor: AdminActor, input: ChangeRoleInput): Promise<UpdateResult> {
  const result = await db.transaction(async (tx) => {
    await assertDemotable(tx, input.userId, input.role !== 'admin');
    const user = await lockUser(tx, input.userId);
    if (user.role === input.role) return { changed: false, email: user.email };
    if (input.role !== 'admin' && user.regions.length === 0) {
      throw new AppError(409, 'no_regions', 'Grant this user at least one region before giving them a role limited to their regions.');
    }
    await tx.execute(sql`update app.users set role = ${input.role} where id = ${user.id}::uuid`);
    await bumpSessionVersion(tx, user.id);
    await recordAudit(tx, { action: 'user_role_changed', target: user.email, detail: { userId: user.id, from: user.role, to: input.role }, ...auditedBy(actor) });
    return { changed: true, email: user.email };
  });
  forgetPrincipal(input.userId);
  return result;
}

export async function changeUserRegions(db: Database, actor: AdminActor, input: ChangeRegionsInput): Promise<UpdateResult> {
  const result = await db.transaction(async (tx) => {
    const user = await lockUser(tx, input.userId);
    const next = [...input.regions].sort((a, b) => regionIdOf(a)! - regionIdOf(b)!);
    if (next.join() === user.regions.join()) return { changed: false, email: user.email };
    await tx.execute(sql`delete from app.user_regions where user_id = ${user.id}::uuid`);
    await tx.insert(userRegions).values(next.map((r) => ({ userId: user.id, regionId: regionIdOf(r)! })));
    await bumpSessionVersion(tx, user.id);
    await recordAudit(tx, { action: 'user_regions_changed', target: user.email, detail: { userId: user.id, from: user.regions, to: next }, ...auditedBy(actor) });
    return { changed: true, email: user.email };
  });
  forgetPrincipal(input.userId);
  return result;
}

export async function setUserActive(db: Database, actor: AdminActor, input: SetActiveInput): Promise<UpdateResult> {
  const result = await db.transaction(async (tx) => {
    await assertDemotable(tx, input.userId, !input.active);
    const user = await lockUser(tx, input.userId);
    if (user.isActive === input.active) return { changed: false, email: user.email };
    await tx.execute(sql`update app.users set is_active = ${input.active} where id = ${user.id}::uuid`);
    await bumpSessionVersion(tx, user.id);
    await recordAudit(tx, {
      action: input.active ? 'user_reactivated' : 'user_deactivated',
      target: user.email,
      detail: { userId: user.id },
      ...auditedBy(actor),
    });
    return { changed: true, email: user.email };
  });
  forgetPrincipal(input.userId);
  return result;
}

/** Admin rows are locked before the target's row, in every transaction, so lock order is always the same. */
async function assertDemotable(tx: Database, userId: string, removesAdmin: boolean): Promise<void> {
  if (removesAdmin) await assertNotLastAdmin(tx, userId);
}
