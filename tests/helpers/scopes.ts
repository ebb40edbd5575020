// Real scopes for tests: made the only way the app makes them, from session claims verified against
// the database — so tests exercise the same path as a signed-in request.
import { sql } from 'drizzle-orm';
import { queryRows, installDatabaseHandle, type DatabaseHandle } from '@/db/client';
import { ensureDemoUsers } from '@/lib/auth/demo-users';
import { forgetPrincipal } from '@/lib/auth/principal';
import { scopeFromSession, type UserScope } from '@/lib/auth/scope';
import { newSessionClaims, type SessionClaims } from '@/lib/auth/session';

export const TEST_PASSWORD = 'correct horse battery staple';

/** Installs the handle as the process database and makes sure the demo users exist. */
export async function prepareUsers(handle: DatabaseHandle): Promise<void> {
  installDatabaseHandle(handle);
  await ensureDemoUsers(handle.db, { password: TEST_PASSWORD });
}

export async function sessionClaimsFor(handle: DatabaseHandle, email: string): Promise<SessionClaims> {
  const [row] = await queryRows<{ id: string; session_version: number }>(
    handle.db,
    sql`select id, session_version from app.users where email = ${email}`,
  );
  if (!row) throw new Error(`no user ${email}`);
  return newSessionClaims({ sub: row.id, sv: row.session_version });
}

export async function scopeFor(handle: DatabaseHandle, email: string): Promise<UserScope> {
  const claims = await sessionClaimsFor(handle, email);
  forgetPrincipal(claims.sub);
  const result = await scopeFromSession(claims);
  if (!result.ok) throw new Error(`no scope for ${email}: ${result.reason}`);
  return result.scope;
}
