// A browser-like client of the real next-auth route handler for integration tests: keeps cookies between
// calls and sends the headers a request has once middleware and Next's server are done with it (the socket
// peer in x-forwarded-for, the request's own forwarded chain in the internal header). next/headers is the
// only piece of the Next server missing under Jest; tests mock it with `requestContext`.
import { NextRequest } from 'next/server';
import { FORWARDED_CHAIN_HEADER } from '@/lib/auth/client-address';

export const requestContext: { headers: Headers; cookies: { name: string; value: string }[] } = { headers: new Headers(), cookies: [] };

export const AUTH_ORIGIN = 'http://127.0.0.1:3999';

type AuthRoute = typeof import('@/app/api/auth/[...nextauth]/route');

export interface ClientOptions {
  /** The socket peer Next reports. */
  peer?: string;
  /** The X-Forwarded-For the request arrived with (moved aside by middleware). */
  forwardedFor?: string;
}

export function authClient(route: AuthRoute, options: ClientOptions = {}) {
  const jar = new Map<string, string>();
  async function call(method: 'GET' | 'POST', action: string[], body?: { type: 'form' | 'json'; text: string }): Promise<Response> {
    const headers = new Headers({ 'user-agent': 'jest', 'x-forwarded-for': options.peer ?? '192.0.2.1' });
    if (options.forwardedFor) headers.set(FORWARDED_CHAIN_HEADER, options.forwardedFor);
    if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    if (body) headers.set('content-type', body.type === 'json' ? 'application/json' : 'application/x-www-form-urlencoded');
    const req = new NextRequest(`${AUTH_ORIGIN}/api/auth/${action.join('/')}`, { method, headers, body: body?.text });
    requestContext.headers = headers;
    requestContext.cookies = [...jar].map(([name, value]) => ({ name, value: decodeURIComponent(value) }));
    const res = await route[method](req, { params: Promise.resolve({ nextauth: action }) });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      const expired = /max-age=0|expires=thu, 01 jan 1970/i.test(cookie);
      if (expired) jar.delete(pair.slice(0, at));
      else jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return res;
  }
  const csrf = async () => ((await (await call('GET', ['csrf'])).json()) as { csrfToken: string }).csrfToken;
  return {
    jar,
    call,
    async signIn(email: string, password: string, as: 'form' | 'json' = 'form', path = ['callback', 'credentials']): Promise<Response> {
      const fields = { csrfToken: await csrf(), email, password, json: 'true' };
      const text = as === 'json' ? JSON.stringify(fields) : new URLSearchParams(fields).toString();
      return call('POST', path, { type: as, text });
    },
    /** Posts a raw form body (with this client's CSRF token first). */
    async signInRaw(form: string): Promise<Response> {
      return call('POST', ['callback', 'credentials'], { type: 'form', text: `csrfToken=${await csrf()}&json=true&${form}` });
    },
    async signOut(): Promise<Response> {
      return call('POST', ['signout'], { type: 'form', text: new URLSearchParams({ csrfToken: await csrf(), json: 'true' }).toString() });
    },
    /** The Cookie header a copy of this client's session would send. */
    cookieHeader(): string {
      return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    },
  };
}
