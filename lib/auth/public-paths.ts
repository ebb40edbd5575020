// Paths served without a session (a trailing slash means "and everything below").
export const PUBLIC_PATHS = ['/login', '/no-access', '/share-unavailable', '/api/auth/', '/api/health', '/api/ingest'];

/** Share links: public, but each request is checked against its token (middleware.ts shareGate). */
export const SHARE_PATH_PREFIX = '/s/';

/** Headers with this prefix are set only by the app itself; middleware strips them from every request. */
export const INTERNAL_HEADER_PREFIX = 'x-retailwave-';

/** Set by middleware on each request: the nonce of that response's Content-Security-Policy. */
export const NONCE_HEADER = `${INTERNAL_HEADER_PREFIX}nonce`;

/** Writes that are not cookie-authenticated browser writes: next-auth's own CSRF token, ingest's bearer key (same convention as PUBLIC_PATHS). */
export const WRITE_GUARD_EXEMPT_PATHS = ['/api/auth/', '/api/ingest'];

/** Where a user signed in with an admin-set password chooses their own (page, and the API it posts to). */
export const PASSWORD_PAGE_PATH = '/account/password';
export const PASSWORD_API_PATH = '/api/account/password';

/** The password page, returning to `callbackUrl` (a path on this portal) once the password is changed. */
export function passwordChangePath(callbackUrl?: string): string {
  return callbackUrl ? `${PASSWORD_PAGE_PATH}?callbackUrl=${encodeURIComponent(callbackUrl)}` : PASSWORD_PAGE_PATH;
}
