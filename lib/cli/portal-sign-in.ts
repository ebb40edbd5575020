// Signs a command-line tool in to a running portal the way the login form does (next-auth's credentials
// endpoint with its CSRF token) and hands back the session cookie, for tools that drive a browser.

export interface SessionCookie {
  name: string;
  value: string;
}

export async function signInToPortal(baseUrl: string, email: string, password: string): Promise<SessionCookie> {
  const csrf = await fetch(new URL('/api/auth/csrf', baseUrl));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const res = await fetch(new URL('/api/auth/callback/credentials', baseUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  // plain http names it next-auth.session-token; behind an https NEXTAUTH_URL it carries the __Secure- prefix
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => /^(__Secure-)?next-auth\.session-token=/.test(c));
  if (!session) throw new Error(`signing in ${email} failed (HTTP ${res.status})`);
  const at = session.indexOf('=');
  return { name: session.slice(0, at), value: session.slice(at + 1) };
}
