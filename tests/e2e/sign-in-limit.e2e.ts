// The brute-force limit against the real server, over plain HTTP the way a script would try passwords.
import { baseUrl } from './helpers/browser';

/** A minimal cookie-keeping client (next-auth ties the CSRF token to a cookie). */
function httpClient() {
  const jar = new Map<string, string>();
  return async function request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(`${baseUrl()}${path}`, { ...init, headers, redirect: 'manual' });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return res;
  };
}

it('the 11th failed sign-in for one email within a minute gets 429 with Retry-After', async () => {
  const request = httpClient();
  const { csrfToken } = (await (await request('/api/auth/csrf')).json()) as { csrfToken: string };
  const attempt = (password: string) =>
    request('/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken, email: 'limit.e2e@example.test', password }),
    });
  const statuses: number[] = [];
  for (let i = 0; i < 10; i++) statuses.push((await attempt(`wrong-${i}`)).status);
  expect(statuses.every((s) => s !== 429)).toBe(true);
  const refused = await attempt('wrong-10');
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  await expect(refused.json()).resolves.toMatchObject({ error: { code: 'too_many_attempts' } });
});

it('a forged X-Forwarded-For on each attempt neither escapes the limit nor reaches the client address', async () => {
  const request = httpClient();
  const { csrfToken } = (await (await request('/api/auth/csrf')).json()) as { csrfToken: string };
  const attempt = (password: string, forged: string) =>
    request('/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': forged },
      body: new URLSearchParams({ csrfToken, email: 'forged.e2e@example.test', password }),
    });
  // Were the forged address believed, every attempt would count for another (email, address) pair.
  for (let i = 0; i < 10; i++) expect((await attempt(`wrong-${i}`, `203.0.113.${i}`)).status).not.toBe(429);
  expect((await attempt('wrong-10', '203.0.113.99')).status).toBe(429);
});
