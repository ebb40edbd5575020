// POST /api/account/password – the signed-in user replaces their password (current one, new one twice).
// Open to a user who must replace an admin-set password (whom every other route refuses) and to one
// without regions, so it checks the session itself rather than through scopedRoute. Every other session of
// the user ends; this one continues with a renewed cookie.
import { NextResponse, type NextRequest } from 'next/server';
import { getDatabase } from '@/db/client';
import { changeOwnPassword } from '@/lib/auth/change-password';
import { clientAddress } from '@/lib/auth/client-address';
import { passwordChangeSchema } from '@/lib/auth/password-change-schema';
import { principalOfClaims, readSessionClaims } from '@/lib/auth/session';
import { setRenewedSessionCookie } from '@/lib/auth/session-renewal';
import { env } from '@/lib/env';
import { badRequest, errorResponse, unauthorized } from '@/lib/errors';
import { privateResponse } from '@/lib/http/private-response';
import { checkApiWrite } from '@/lib/http/write-guard';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function POST(req: NextRequest): Promise<Response> {
  try {
    const refusal = checkApiWrite(req, env().NEXTAUTH_URL);
    if (refusal) throw refusal;
    const claims = await readSessionClaims(req.cookies);
    const user = await principalOfClaims(claims);
    if (!claims || !user) throw unauthorized();
    const body = await req.json().catch(() => {
      throw badRequest('The body must be JSON.');
    });
    const input = passwordChangeSchema.parse(body);
    const origin = { ip: clientAddress(req.headers), userAgent: req.headers.get('user-agent') };
    const { sessionVersion } = await changeOwnPassword(await getDatabase(), user, claims, input, origin);
    const response = NextResponse.json({ changed: true });
    await setRenewedSessionCookie(response, user, claims, sessionVersion);
    return privateResponse(response);
  } catch (error) {
    return privateResponse(errorResponse(error));
  }
}
