// The brute-force limit against the real server, over plain HTTP the way a script would try passwords,
// and what the person at the login form then reads.
import { tryAgainSentence } from '@/lib/auth/retry-message';
import { baseUrl, launchBrowser, screenshot } from './helpers/browser';
import { fillLoginForm } from './helpers/sign-in';

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

/**
 * The limits count in windows of whole minutes on the server's clock (this machine's): attempts that
 * straddle two windows would be counted apart, so a test starts in a window with time enough left.
 */
async function awaitRoomInTheMinute(seconds = 25): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < seconds * 1000) await new Promise((resolve) => setTimeout(resolve, left + 100));
}

it('the 11th failed sign-in for one email within a minute gets 429 with Retry-After', async () => {
  await awaitRoomInTheMinute();
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

  // The same email from the same address at the login form (no further failure is counted: the limit
  // refuses before the password is checked). The browser's clock time, in its own zone, names the minute
  // the limiter opens again.
  const browser = await launchBrowser();
  try {
    const timeZone = 'America/Los_Angeles';
    const context = await browser.newContext({ baseURL: baseUrl(), timezoneId: timeZone });
    const page = await context.newPage();
    const answered = page.waitForResponse((res) => res.url().endsWith('/api/auth/callback/credentials'));
    const before = new Date();
    await fillLoginForm(page, 'limit.e2e@example.test', 'wrong-11');
    const response = await answered;
    const after = new Date();
    expect(response.status()).toBe(429);
    const retryAfter = Number(response.headers()['retry-after']);
    const alert = page.locator('form').getByRole('alert');
    await alert.waitFor();
    const text = await alert.textContent();
    expect(text).toMatch(/^Too many sign-in attempts\. Try again in \d+ minutes? \(at \d{2}:\d{2}\)\.$/);
    const expected = [before, after].map((now) => `Too many sign-in attempts. ${tryAgainSentence(retryAfter, now, timeZone)}`);
    expect(expected).toContain(text);
    await screenshot(page, 'login-rate-limited');
    await context.close();
  } finally {
    await browser.close();
  }
});

it('a forged X-Forwarded-For on each attempt neither escapes the limit nor reaches the client address', async () => {
  await awaitRoomInTheMinute();
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
