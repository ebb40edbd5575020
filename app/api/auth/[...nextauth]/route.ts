// /api/auth/* – next-auth (credentials provider), with the brute-force limit in front of sign-in.
import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { authOptions } from '@/lib/auth/options';
import { signInFailures } from '@/lib/auth/sign-in-limit';
import { errorResponse, AppError } from '@/lib/errors';

type RouteContext = { params: Promise<{ nextauth: string[] }> };

function handler(req: NextRequest, ctx: RouteContext) {
  return NextAuth(authOptions())(req, ctx);
}

export async function GET(req: NextRequest, ctx: RouteContext) {
  return handler(req, ctx);
}

export async function POST(req: NextRequest, ctx: RouteContext) {
  if (req.nextUrl.pathname.endsWith('/callback/credentials')) {
    const form = await req.clone().formData().catch(() => null);
    const email = String(form?.get('email') ?? '').trim().toLowerCase();
    const check = await signInFailures.check(email);
    if (!check.allowed) {
      return errorResponse(new AppError(429, 'too_many_attempts', 'Too many failed sign-ins. Try again in a minute.'), {
        'Retry-After': String(check.retryAfter),
      });
    }
  }
  return handler(req, ctx);
}
