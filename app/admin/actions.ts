'use server';
// Server actions of the admin console. The actor always comes from the verified session (never from the
// form); input is parsed with the zod schemas of lib/admin; results are typed and carry clear messages.
import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { getDatabase, type Database } from '@/db/client';
import { getScope } from '@/lib/auth/page-scope';
import { clientIp } from '@/lib/auth/record-audit';
import { actionFailure, type ActionResult, type ActionState } from '@/lib/admin/action-result';
import { actorOf, type AdminActor } from '@/lib/admin/actor';
import { createUser, type CreatedUser } from '@/lib/admin/create-user';
import { resetPassword, type PasswordReset } from '@/lib/admin/reset-password';
import { changeUserRegions, changeUserRole, setUserActive, type UpdateResult } from '@/lib/admin/update-user';
import { changeRegionsSchema, changeRoleSchema, createUserSchema, resetPasswordSchema, setActiveSchema } from '@/lib/admin/schemas';

async function runAdminAction<S extends z.ZodType, T>(
  schema: S,
  raw: unknown,
  run: (db: Database, actor: AdminActor, input: z.infer<S>) => Promise<T>,
  describe: (result: T) => string,
): Promise<ActionResult<T>> {
  // Outside the try: a signed-out or non-admin caller is redirected, not answered.
  const scope = await getScope({ permission: 'admin' });
  const requestHeaders = await headers();
  const actor = actorOf(scope, { ip: clientIp(requestHeaders), userAgent: requestHeaders.get('user-agent') });
  try {
    const input = schema.parse(raw);
    const result = await run(await getDatabase(), actor, input);
    revalidatePath('/admin', 'layout');
    return { ok: true, message: describe(result), data: result };
  } catch (error) {
    return actionFailure(error);
  }
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '');
const changeMessage = (r: UpdateResult, what: string) => (r.changed ? `${what} ${r.email}.` : `No change: ${r.email} already has that.`);

export async function createUserAction(_: ActionState<CreatedUser>, form: FormData): Promise<ActionResult<CreatedUser>> {
  const raw = { email: text(form, 'email'), name: text(form, 'name'), role: text(form, 'role'), regions: form.getAll('regions').map(String) };
  return runAdminAction(createUserSchema, raw, createUser, (u) => `Created ${u.email}.`);
}

export async function changeRoleAction(_: ActionState<UpdateResult>, form: FormData): Promise<ActionResult<UpdateResult>> {
  const raw = { userId: text(form, 'userId'), role: text(form, 'role') };
  return runAdminAction(changeRoleSchema, raw, changeUserRole, (r) => changeMessage(r, 'Changed the role of'));
}

export async function changeRegionsAction(_: ActionState<UpdateResult>, form: FormData): Promise<ActionResult<UpdateResult>> {
  const raw = { userId: text(form, 'userId'), regions: form.getAll('regions').map(String) };
  return runAdminAction(changeRegionsSchema, raw, changeUserRegions, (r) => changeMessage(r, 'Changed the regions of'));
}

export async function setActiveAction(_: ActionState<UpdateResult>, form: FormData): Promise<ActionResult<UpdateResult>> {
  const raw = { userId: text(form, 'userId'), active: text(form, 'active') };
  return runAdminAction(setActiveSchema, raw, setUserActive, (r) => changeMessage(r, 'Updated the status of'));
}

export async function resetPasswordAction(_: ActionState<PasswordReset>, form: FormData): Promise<ActionResult<PasswordReset>> {
  return runAdminAction(resetPasswordSchema, { userId: text(form, 'userId') }, resetPassword, (r) => `Reset the password of ${r.email}.`);
}
