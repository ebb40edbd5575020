// A real next-auth session cookie (an encrypted JWT signed with the app's secret) for route handler tests.
import { encode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import { authSecret } from '@/lib/auth/secret';
import { newSessionClaims, type SessionClaims } from '@/lib/auth/session';
import { sessionCookieName } from '@/lib/auth/session-cookie';

/** The cookie of a session signed in now, unless the claims say when (`sat`). */
export async function sessionCookie(claims: { sub: string; sv: number; sat?: number }): Promise<string> {
  const full: SessionClaims = { ...newSessionClaims(claims), ...(claims.sat ? { sat: claims.sat } : {}) };
  const token = await encode({ token: full, secret: authSecret() });
  return `${sessionCookieName()}=${token}`;
}

export function getRequest(path: string, cookie?: string): NextRequest {
  return new NextRequest(new URL(path, 'http://localhost'), { headers: cookie ? { cookie } : {} });
}

/** The second argument Next passes to route handlers (no dynamic params). */
export const noParams = { params: Promise.resolve({}) } as { params: Promise<Record<string, never>> };
