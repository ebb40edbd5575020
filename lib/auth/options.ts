// next-auth configuration: email + password sign-in, JWT sessions that carry only the user id and the
// session version (what a user may see is re-read from the database on every request).
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { sql } from 'drizzle-orm';
import { getDatabase, queryRows } from '@/db/client';
import { recordAudit } from '@/lib/audit/record-audit';
import { decoyPasswordHash, verifyPassword } from './password';
import { authSecret } from './secret';
import { credentialsSchema } from './sign-in-credentials';
import { currentSignInAttempt, signInSucceeded } from './sign-in-limit';

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

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
  await db.execute(sql`update app.users set last_sign_in_at = now() where id = ${user.id}::uuid`);
  await recordAudit(db, { action: 'sign_in', actor: { id: user.id, email: user.email }, ip, userAgent });
  return { id: user.id, email: user.email, name: user.name, sv: user.session_version };
}

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
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
        if (!token?.sub) return;
        const db = await getDatabase();
        const [user] = await queryRows<{ email: string }>(db, sql`select email from app.users where id = ${token.sub}::uuid`);
        await recordAudit(db, { action: 'sign_out', actor: { id: token.sub, email: user?.email ?? 'unknown' } });
      },
    },
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sv = (user as unknown as { sv: number }).sv;
        }
        return token;
      },
      session({ session, token }) {
        if (session.user) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
  };
}
