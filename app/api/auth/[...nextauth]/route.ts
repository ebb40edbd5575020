// /api/auth/* – next-auth (credentials provider), with the brute-force limits in front of sign-in.
import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { clientAddress } from '@/lib/auth/client-address';
import { authOptions } from '@/lib/auth/options';
import { waitInMinutes } from '@/lib/auth/retry-message';
import { readSignInCredentials } from '@/lib/auth/sign-in-credentials';
import { admitSignIn, withSignInAttempt } from '@/lib/auth/sign-in-limit';
import { AppError, badRequest, errorBody, errorResponse } from '@/lib/errors';

type RouteContext = { params: Promise<{ nextauth: string[] }> };

function handler(req: NextRequest, ctx: RouteContext) {
  return NextAuth(authOptions())(req, ctx);
}

export async function GET(req: NextRequest, ctx: RouteContext) {
  return handler(req, ctx);
}

export async function POST(req: NextRequest, ctx: RouteContext) {
  // next-auth picks the action from the path segments, so the guard does too (not from the URL's ending).
  const [action, provider] = (await ctx.params).nextauth;
  if (action !== 'callback' || provider !== 'credentials') return handler(req, ctx);
  try {
    const read = await readSignInCredentials(req);
    if (!read.ok) return refusal(req, badRequest(read.message, 'invalid_credentials_request'));
    const admission = await admitSignIn(read.credentials.email, clientAddress(req.headers));
    if (!admission.ok) {
      // The form words the wait with the reader's clock time from Retry-After; scripts read this.
      const message = `Too many sign-in attempts. Try again in ${waitInMinutes(admission.retryAfter)}.`;
      return refusal(req, new AppError(429, 'too_many_attempts', message, { 'Retry-After': String(admission.retryAfter) }));
    }
    return await withSignInAttempt(admission.attempt, () => handler(req, ctx));
  } catch (error) {
    return errorResponse(error); // the counters' database unreachable, say: the contract's JSON, never a bare 500
  }
}

/**
 * The contract's error body, plus the `url` next-auth's client signIn() reads from every answer (it throws
 * without one), naming the error so the sign-in form can say what happened.
 */
function refusal(req: NextRequest, error: AppError): Response {
  const { status, body } = errorBody(error);
  const url = new URL('/login', req.nextUrl.origin);
  url.searchParams.set('error', error.code);
  return Response.json({ ...body, url: url.toString() }, { status, headers: error.headers });
}
