// Reading the next-auth session cookie. The JWT only proves who signed in and when; what they may see is
// re-read from the database on every request (see principal.ts), so changes apply at once.
import { decode } from 'next-auth/jwt';
import { z } from 'zod';
import { loadPrincipal, type Principal } from './principal';
import { authSecret } from './secret';
import { sessionCookieName } from './session-cookie';

/** Idle limit: a session not refreshed for this long expires (next-auth's maxAge). */
export const SESSION_IDLE_SECONDS = 8 * 60 * 60;
/** Absolute limit from sign-in; refreshing the cookie cannot extend it. */
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;

export const sessionClaimsSchema = z.object({
  sub: z.uuid(),
  sv: z.number().int().positive(), // session version at sign-in
  sat: z.number().int().positive(), // signed in at, seconds since the epoch
});
export type SessionClaims = z.infer<typeof sessionClaimsSchema>;

/** The claims a sign-in puts into a new session. */
export function newSessionClaims(user: { sub: string; sv: number }, now = Date.now()): SessionClaims {
  return { sub: user.sub, sv: user.sv, sat: Math.floor(now / 1000) };
}

/** Whether a session signed in at `sat` is still within its absolute lifetime (and not from the future). */
export function withinAbsoluteLifetime(sat: number, now = Date.now()): boolean {
  const age = now / 1000 - sat;
  return age >= -60 && age < SESSION_ABSOLUTE_SECONDS;
}

export interface CookieReader {
  getAll(): { name: string; value: string }[];
}

/**
 * The verified claims of the session cookie, or null when there is none or it is invalid or expired. Only
 * the cookie next-auth writes counts (`__Secure-` prefixed on https, plain otherwise). next-auth reads every
 * cookie whose name starts with it as chunks of one token; ours never need chunks, so a request carrying
 * any such extra cookie (planted, or left by another deployment) is treated as signed out rather than
 * guessing which identity it means.
 */
export async function readSessionClaims(cookies: CookieReader): Promise<SessionClaims | null> {
  const name = sessionCookieName();
  const candidates = cookies.getAll().filter((cookie) => cookie.name.startsWith(name));
  if (candidates.length !== 1 || candidates[0].name !== name || !candidates[0].value) return null;
  try {
    const claims = sessionClaimsSchema.safeParse(await decode({ token: candidates[0].value, secret: authSecret() }));
    return claims.success && withinAbsoluteLifetime(claims.data.sat) ? claims.data : null;
  } catch {
    return null; // a tampered or foreign cookie is the same as no session
  }
}

/**
 * Whom verified claims belong to, or null: an unknown or deactivated user, a session past its absolute
 * lifetime, or one older than their session version (signed out, or changed by an admin).
 */
export async function principalOfClaims(claims: SessionClaims | null): Promise<Principal | null> {
  if (!claims || !withinAbsoluteLifetime(claims.sat)) return null;
  const user = await loadPrincipal(claims.sub);
  return user && user.isActive && user.sessionVersion === claims.sv ? user : null;
}

/** The signed-in user of a request's cookies, or null. */
export async function principalOfSession(cookies: CookieReader): Promise<Principal | null> {
  return principalOfClaims(await readSessionClaims(cookies));
}
