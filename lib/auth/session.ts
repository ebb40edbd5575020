// Reading the next-auth session cookie. The JWT only proves who signed in and when; what they may see is
// re-read from the database on every request (see principal.ts), so changes apply at once.
import { decode } from 'next-auth/jwt';
import { z } from 'zod';
import { loadPrincipal, type Principal } from './principal';
import { authSecret } from './secret';

export const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'] as const;

export const sessionClaimsSchema = z.object({
  sub: z.uuid(),
  sv: z.number().int().positive(), // session version at sign-in
});
export type SessionClaims = z.infer<typeof sessionClaimsSchema>;

export interface CookieReader {
  get(name: string): { value: string } | undefined;
}

/** The verified claims of the session cookie, or null when there is none or it is invalid or expired. */
export async function readSessionClaims(cookies: CookieReader): Promise<SessionClaims | null> {
  for (const name of SESSION_COOKIES) {
    const raw = cookies.get(name)?.value;
    if (!raw) continue;
    try {
      const token = await decode({ token: raw, secret: authSecret() });
      const claims = sessionClaimsSchema.safeParse(token);
      if (claims.success) return claims.data;
    } catch {
      // a tampered or foreign cookie is the same as no session
    }
  }
  return null;
}

/**
 * Whom verified claims belong to, or null: an unknown or deactivated user, or a session older than their
 * session version (signed out everywhere, or changed by an admin).
 */
export async function principalOfClaims(claims: SessionClaims | null): Promise<Principal | null> {
  if (!claims) return null;
  const user = await loadPrincipal(claims.sub);
  return user && user.isActive && user.sessionVersion === claims.sv ? user : null;
}

/** The signed-in user of a request's cookies, or null. */
export async function principalOfSession(cookies: CookieReader): Promise<Principal | null> {
  return principalOfClaims(await readSessionClaims(cookies));
}
