// Replaces a user's password with a generated one-time password, shown once to the admin (only its
// hash is stored) and to be replaced by the user at their next sign-in, and ends the user's sessions.
// Audited in the same transaction.
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { recordAudit } from '@/lib/auth/record-audit';
import { forgetPrincipal } from '@/lib/auth/principal';
import { generatePassword, hashPassword } from '@/lib/auth/password';
import { auditedBy, type AdminActor } from './actor';
import type { ResetPasswordInput } from './schemas';
import { bumpSessionVersion, lockUser } from './user-rows';

export interface PasswordReset {
  email: string;
  oneTimePassword: string;
}

export async function resetPassword(db: Database, actor: AdminActor, input: ResetPasswordInput): Promise<PasswordReset> {
  const oneTimePassword = generatePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const email = await db.transaction(async (tx) => {
    const user = await lockUser(tx, input.userId);
    await tx.execute(sql`update app.users set password_hash = ${passwordHash}, must_change_password = true where id = ${user.id}::uuid`);
    await bumpSessionVersion(tx, user.id);
    await recordAudit(tx, {
      action: 'user_password_reset',
      target: user.email,
      detail: { userId: user.id },
      ...auditedBy(actor),
    });
    return user.email;
  });
  forgetPrincipal(input.userId);
  return { email, oneTimePassword };
}
