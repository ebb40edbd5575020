// A real next-auth session cookie (an encrypted JWT signed with the app's secret) for route handler tests.
import { encode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import { authSecret } from '@/lib/auth/secret';

export async function sessionCookie(claims: { sub: string; sv: number }): Promise<string> {
  const token = await encode({ token: claims, secret: authSecret() });
  return `next-auth.session-token=${token}`;
}

export function getRequest(path: string, cookie?: string): NextRequest {
  return new NextRequest(new URL(path, 'http://localhost'), { headers: cookie ? { cookie } : {} });
}

/** The second argument Next passes to route handlers (no dynamic params). */
export const noParams = { params: Promise.resolve({}) } as { params: Promise<Record<string, never>> };
