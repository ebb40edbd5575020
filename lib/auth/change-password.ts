// A signed-in user replaces their own password. The current password is checked first, under a limit of
// failures per account (a stolen session must not become a password oracle; successes give their slot
// back, as at sign-in). The new hash is written only if the row still has the hash that was verified and
// the session's version, so two changes racing cannot both win and a signed-out copy cannot change it; the
// same statement bumps the session version (ending every other session) and clears the one-time flag,
// and the audit row commits with it.
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { AppError, badRequest } from '@/lib/errors';
import { rateLimiter } from '@/lib/rate-limit/process-limiters';
import { hashPassword, verifyPassword } from './password';
import type { PasswordChange } from './password-change-schema';
import { forgetPrincipal, type Principal } from './principal';
import { recordAudit } from './record-audit';
import { waitInMinutes } from './retry-message';
import type { SessionClaims } from './session';

export const PASSWORD_CHANGE_LIMIT = { name: 'password-change', limit: 5, windowMs: 15 * 60_000 } as const;
const limiter = rateLimiter(PASSWORD_CHANGE_LIMIT);

export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
}

/** Changes the password and returns the user's new session version (the caller's session is renewed with it). */
export async function changeOwnPassword(
  db: Database,
  user: Principal,
  claims: SessionClaims,
  input: PasswordChange,
  origin: RequestOrigin,
): Promise<{ sessionVersion: number }> {
  const check = await limiter.take(user.userId);
  if (!check.allowed) {
    throw new AppError(429, 'too_many_attempts', `Too many wrong passwords. Try again in ${waitInMinutes(check.retryAfter)}.`, { 'Retry-After': String(check.retryAfter) });
  }
  const actor = { id: user.userId, email: user.email };
  const [row] = await queryRows<{ password_hash: string }>(db, sql`select password_hash from app.users where id = ${user.userId}::uuid`);
  if (!row || !(await verifyPassword(input.currentPassword, row.password_hash))) {
    await recordAudit(db, { action: 'password_change_failed', actor, target: user.email, detail: { reason: 'wrong_password' }, ...origin });
    throw badRequest('Your current password is not correct.', 'wrong_password');
  }
  const newHash = await hashPassword(input.newPassword);
  const sessionVersion = await db.transaction(async (tx) => {
    const [changed] = await queryRows<{ session_version: number }>(
      tx,
      sql`update app.users
          set password_hash = ${newHash}, must_change_password = false, session_version = session_version + 1
          where id = ${user.userId}::uuid and session_version = ${claims.sv} and password_hash = ${row.password_hash}
          returning session_version`,
    );
    if (!changed) throw new AppError(409, 'password_changed_elsewhere', 'Your password or session changed meanwhile. Sign in again.');
    await recordAudit(tx, { action: 'password_changed', actor, target: user.email, detail: { forced: user.mustChangePassword }, ...origin });
    return changed.session_version;
  });
  forgetPrincipal(user.userId);
  await limiter.refund(user.userId);
  return { sessionVersion };
}
