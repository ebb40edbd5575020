// A new session cookie for the caller after a change that ended every session of theirs (a password
// change bumps the session version): the device that made the change stays signed in, the others do not.
// It carries what next-auth's jwt callback puts in at sign-in, with the same name, attributes and idle
// lifetime, and keeps the original sign-in time, so the absolute lifetime is not extended.
import { encode } from 'next-auth/jwt';
import type { NextResponse } from 'next/server';
import type { Principal } from './principal';
import { authSecret } from './secret';
import { SESSION_IDLE_SECONDS, type SessionClaims } from './session';
import { secureCookies, sessionCookieName } from './session-cookie';

export async function setRenewedSessionCookie(response: NextResponse, user: Principal, claims: SessionClaims, sessionVersion: number): Promise<void> {
  const token = await encode({
    token: { name: user.name, email: user.email, sub: claims.sub, sv: sessionVersion, sat: claims.sat },
    secret: authSecret(),
    maxAge: SESSION_IDLE_SECONDS,
  });
  response.cookies.set(sessionCookieName(), token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: secureCookies(),
    maxAge: SESSION_IDLE_SECONDS,
  });
}
