// Layer 1 of 3 of region scoping: the gate in front of every request. It turns away writes from another
// site and API writes whose body is not JSON, signed-out visitors, users who must first replace a password
// an admin set (to the password page), non-admins on /admin, API filters that
// name regions outside the caller's scope (pages clip such a view instead), and share links that are unknown (404),
// expired, revoked or stopped (410); it strips any header the app uses internally so a client cannot forge
// one, and gives every response the security headers with a nonce of its own. The data layer and
// row-level security check again behind it (middleware is a gate, not the only lock).
import { NextResponse, type NextRequest } from 'next/server';
import { forwardedForHeaders } from '@/lib/auth/client-address';
import { principalOfSession } from '@/lib/auth/session';
import { REGION_NAMES, regionNameOf } from '@/lib/filters/regions';
import {
  INTERNAL_HEADER_PREFIX, NONCE_HEADER, PASSWORD_API_PATH, PASSWORD_PAGE_PATH, PUBLIC_PATHS, SHARE_PATH_PREFIX, WRITE_GUARD_EXEMPT_PATHS,
  passwordChangePath,
} from '@/lib/auth/public-paths';
import { scopeFromShare } from '@/lib/auth/scope';
import { shareUnavailable } from '@/lib/auth/shared-route';
import { env } from '@/lib/env';
import { passwordChangeRequired } from '@/lib/errors';
import { PRIVATE_CACHE_CONTROL } from '@/lib/http/private-response';
import { contentSecurityPolicy, newNonce, securityHeaders } from '@/lib/http/security-headers';
import { checkApiWrite, checkWriteOrigin } from '@/lib/http/write-guard';

export const config = {
  runtime: 'nodejs',
  matcher: ['/((?!_next/static|_next/image|favicon.ico|robots.txt).*)'],
};

function errorJson(status: number, code: string, message: string) {
  return NextResponse.json({ error: { code, message } }, { status, headers: { 'Cache-Control': PRIVATE_CACHE_CONTROL } });
}

/** Region names a request's filters ask for (query parameter `regions`, comma-separated). */
function requestedRegions(req: NextRequest): string[] {
  return req.nextUrl.searchParams
    .getAll('regions')
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean)
    .map((v) => REGION_NAMES.find((r) => r.toLowerCase() === v.toLowerCase()) ?? v);
}

export async function middleware(req: NextRequest) {
  const nonce = newNonce();
  const headers = new Headers(req.headers);
  for (const name of [...headers.keys()]) if (name.startsWith(INTERNAL_HEADER_PREFIX)) headers.delete(name);
  forwardedForHeaders(headers);
  // Next.js reads the nonce off the policy on the request for its own scripts; the root layout reads ours.
  headers.set('content-security-policy', contentSecurityPolicy(nonce));
  headers.set(NONCE_HEADER, nonce);
  const response = await gate(req, headers);
  // A header the gate chose (a share page's Referrer-Policy) stands.
  for (const [name, value] of Object.entries(securityHeaders(nonce))) if (!response.headers.has(name)) response.headers.set(name, value);
  return response;
}

async function gate(req: NextRequest, headers: Headers): Promise<NextResponse> {
  const pass = () => NextResponse.next({ request: { headers } });
  const path = req.nextUrl.pathname;
  const isApi = path.startsWith('/api/');

  // next-auth checks its own CSRF token; ingest is authenticated by a bearer key, never a cookie.
  if (!WRITE_GUARD_EXEMPT_PATHS.some((p) => (p.endsWith('/') ? path.startsWith(p) : path === p))) {
    // Server actions post forms and text to pages: only their origin is ours to check (Next.js checks it too).
    const refusal = isApi ? checkApiWrite(req, env().NEXTAUTH_URL) : checkWriteOrigin(req, env().NEXTAUTH_URL);
    if (refusal) return errorJson(refusal.status, refusal.code, refusal.message);
  }

  if (path.startsWith(SHARE_PATH_PREFIX)) return shareGate(req, headers);
  if (PUBLIC_PATHS.some((p) => (p.endsWith('/') ? path.startsWith(p) : path === p))) return pass();

  const user = await principalOfSession(req.cookies);
  if (!user) {
    if (isApi) return errorJson(401, 'unauthorized', 'Sign in to continue.');
    const login = new URL('/login', req.url);
    login.searchParams.set('callbackUrl', `${path}${req.nextUrl.search}`);
    return NextResponse.redirect(login);
  }

  // A password an admin chose opens only the page that replaces it (and signing out, under /api/auth/).
  if (user.mustChangePassword && path !== PASSWORD_PAGE_PATH && path !== PASSWORD_API_PATH) {
    if (isApi) {
      const error = passwordChangeRequired();
      return errorJson(error.status, error.code, error.message);
    }
    return NextResponse.redirect(new URL(passwordChangePath(`${path}${req.nextUrl.search}`), req.url));
  }

  if ((path === '/admin' || path.startsWith('/admin/') || path.startsWith('/api/admin/')) && user.role !== 'admin') {
    if (isApi) return errorJson(403, 'forbidden', 'Only administrators may do this.');
    return NextResponse.rewrite(new URL('/no-access', req.url), { status: 403, request: { headers } });
  }

  // An API request that names a region outside the scope is refused. A page is served to anyone signed
  // in: it clips a copied link to the viewer's regions and says what it removed (components/dashboards/
  // load-view.ts), down to the viewer's own view when the link named nothing of theirs.
  if (isApi) {
    const allowed = new Set<string>(user.regionIds.map((id) => regionNameOf(id) ?? ''));
    const outside = requestedRegions(req).filter((r) => !allowed.has(r));
    if (outside.length > 0) return errorJson(403, 'forbidden_region', `You do not have access to region ${outside.join(', ')}.`);
  }
  return pass();
}

/**
 * /s/<token>[/stream|/export]: the token is the only credential. The page clips the view to the link's
 * regions itself (like a copied URL), so here only the link's state matters. The token must not leak
 * through the Referer of outgoing requests, and shared views are not for search engines.
 */
async function shareGate(req: NextRequest, headers: Headers) {
  const [token = '', subpath] = req.nextUrl.pathname.slice(SHARE_PATH_PREFIX.length).split('/');
  const result = await scopeFromShare(token);
  const response = result.ok
    ? NextResponse.next({ request: { headers } })
    : unavailableShareResponse(req, headers, result.reason, subpath !== undefined && subpath !== '');
  response.headers.set('Referrer-Policy', 'no-referrer');
  response.headers.set('X-Robots-Tag', 'noindex, nofollow');
  response.headers.set('Cache-Control', 'private, no-store');
  return response;
}

function unavailableShareResponse(req: NextRequest, headers: Headers, reason: Parameters<typeof shareUnavailable>[0], isApi: boolean) {
  const error = shareUnavailable(reason);
  if (isApi) return errorJson(error.status, error.code, error.message);
  const page = new URL('/share-unavailable', req.url);
  page.searchParams.set('reason', reason);
  return NextResponse.rewrite(page, { status: error.status, request: { headers } });
}
