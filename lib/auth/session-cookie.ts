// The session cookie's name, decided in one place for next-auth (useSecureCookies) and for our own reading
// of it. next-auth itself derives the default from NEXTAUTH_URL in process.env, so this reads the same.
const SECURE_PREFIX = '__Secure-';
const BASE_NAME = 'next-auth.session-token';

/** Whether the portal's public URL is https: then cookies are Secure and the session cookie __Secure- prefixed. */
export function secureCookies(): boolean {
  return (process.env.NEXTAUTH_URL ?? '').toLowerCase().startsWith('https://');
}

export function sessionCookieName(): string {
  return secureCookies() ? `${SECURE_PREFIX}${BASE_NAME}` : BASE_NAME;
}
