// next-auth configuration: email + password sign-in, JWT sessions that carry only the user id, the session
// version and the sign-in time (what a user may see is re-read from the database on every request).
// Sign-out bumps the user's session version, which ends every session of theirs, on every device: a copied
// cookie dies with the sign-out, at the price of signing out the user's other devices too (a per-session
// revocation list would keep those, but adds a table read to every request and a table to prune).
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { sql } from 'drizzle-orm';
import { getDatabase, queryRows } from '@/db/client';
import { recordAudit } from './record-audit';
import { safeCallbackPath } from './callback-url';
import { decoyPasswordHash, hashPassword, needsRehash, verifyPassword } from './password';
import { forgetPrincipal } from './principal';
import { authSecret } from './secret';
import { newSessionClaims, SESSION_IDLE_SECONDS, sessionClaimsSchema, withinAbsoluteLifetime } from './session';
import { secureCookies } from './session-cookie';
import { credentialsSchema } from './sign-in-credentials';
import { currentSignInAttempt, signInSucceeded } from './sign-in-limit';

const DEFAULT_AFTER_SIGN_IN = '/dashboards/sales';

async function authorize(raw: unknown, headers: Record<string, unknown>) {
  // Only an attempt the route's limits admitted gets a password check, for the email they counted.
  const attempt = currentSignInAttempt();
  const parsed = credentialsSchema.safeParse(raw);
  if (!attempt || !parsed.success || parsed.data.email !== attempt.email) return null;
  const { email, password } = parsed.data;
  const db = await getDatabase();
  const [user] = await queryRows<{ id: string; email: string; name: string; password_hash: string; is_active: boolean; session_version: number }>(
    db,
    sql`select id, email, name, password_hash, is_active, session_version from app.users where email = ${email}`,
  );
  // Verify against a decoy when the email is unknown, so response time does not reveal which emails exist.
  const valid = await verifyPassword(password, user?.password_hash ?? (await decoyPasswordHash()));
  const ip = attempt.address;
  const userAgent = typeof headers['user-agent'] === 'string' ? headers['user-agent'] : null;
  if (!user || !valid || !user.is_active) {
    await recordAudit(db, {
      action: 'sign_in_failed',
      actor: user ? { id: user.id, email: user.email } : null,
      target: email,
      detail: { reason: !user ? 'unknown_email' : !valid ? 'wrong_password' : 'deactivated' },
      ip,
      userAgent,
    });
    return null;
  }
  await signInSucceeded(attempt);
  // Hashes from before argon2id (or with lower costs) are replaced while the password is at hand.
  const rehashed = needsRehash(user.password_hash) ? await hashPassword(password) : null;
  await db.execute(sql`update app.users set last_sign_in_at = now(), password_hash = coalesce(${rehashed}, password_hash) where id = ${user.id}::uuid`);
  await recordAudit(db, { action: 'sign_in', actor: { id: user.id, email: user.email }, ip, userAgent });
  return { id: user.id, email: user.email, name: user.name, sv: user.session_version };
}

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: SESSION_IDLE_SECONDS },
    useSecureCookies: secureCookies(),
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        id: 'credentials',
        name: 'Email and password',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        authorize: (credentials, req) => authorize(credentials, (req.headers ?? {}) as Record<string, unknown>),
      }),
    ],
    events: {
      async signOut({ token }) {
        const claims = sessionClaimsSchema.safeParse(token);
        if (!claims.success) return;
        const db = await getDatabase();
        // Only the current session may end the others: a copy that is already signed out cannot sign the owner out again.
        const [user] = await queryRows<{ email: string }>(
          db,
          sql`update app.users set session_version = session_version + 1
              where id = ${claims.data.sub}::uuid and session_version = ${claims.data.sv} returning email`,
        );
        forgetPrincipal(claims.data.sub);
        if (user) await recordAudit(db, { action: 'sign_out', actor: { id: claims.data.sub, email: user.email } });
      },
    },
    callbacks: {
      jwt({ token, user }) {
        if (user) return { ...token, ...newSessionClaims({ sub: user.id, sv: (user as unknown as { sv: number }).sv }) };
        // A refresh keeps the sign-in time, so it cannot outlive the absolute limit (throwing clears the cookie).
        if (typeof token.sat !== 'number' || !withinAbsoluteLifetime(token.sat)) throw new Error('session past its absolute lifetime');
        return token;
      },
      redirect({ url, baseUrl }) {
        return new URL(safeCallbackPath(url, baseUrl) ?? DEFAULT_AFTER_SIGN_IN, baseUrl).toString();
      },
      session({ session, token }) {
        if (session.user) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
  };
}
