// What a browser is promised on every dashboard: the security headers on the page and on the APIs it
// calls, a Content-Security-Policy under which every chart still draws with no violation reported, no
// chart control that sends data to Plotly Cloud or links off-site, and a page that shows the identity
// middleware let through even when a second session cookie has been planted.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchBrowser } from './helpers/browser';
import { openDashboard, waitForCharts } from './helpers/dashboard';
import { signedInContext, signInOnce, type SignedInState } from './helpers/session';

const DASHBOARDS = [
  { url: '/dashboards/sales', charts: 6 },
  { url: '/dashboards/products', charts: 2 },
  { url: '/dashboards/customers', charts: 3 },
  { url: '/dashboards/live', charts: 3 },
];
const API_READS = ['/api/metrics/kpis', '/api/metrics/breakdown?dimension=region', '/api/transactions', '/api/alerts', '/api/me', '/api/shares'];
const SESSION_COOKIE = 'next-auth.session-token';

function expectSecurityHeaders(headers: Record<string, string>, what: string) {
  const csp = headers['content-security-policy'] ?? '';
  expect([what, /script-src 'self' 'nonce-[^']+' 'strict-dynamic'/.test(csp), /frame-ancestors 'none'/.test(csp)]).toEqual([what, true, true]);
  expect([what, headers['x-frame-options'], headers['x-content-type-options'], headers['referrer-policy']]).toEqual([what, 'DENY', 'nosniff', 'strict-origin-when-cross-origin']);
  expect([what, Boolean(headers['strict-transport-security']), headers['permissions-policy']?.includes('camera=()')]).toEqual([what, true, true]);
}

/** Collects what the browser reports against the policy: the DOM event and the console's message. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation(`${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`);
    });
  });
  return violations;
}

describe('security in the browser', () => {
  let browser: Browser;
  let adminState: SignedInState;
  let admin: BrowserContext;

  beforeAll(async () => {
    browser = await launchBrowser();
    adminState = await signInOnce(browser, 'admin@retailwave.test');
    admin = await signedInContext(browser, adminState);
  });
  afterAll(() => browser?.close());

  it.each(DASHBOARDS)('$url: headers, every chart drawn under the policy, no violation', async ({ url, charts }) => {
    const page = await admin.newPage();
    const violations = await watchViolations(page);
    const response = await openDashboard(page, url);
    expect(response?.status()).toBe(200);
    expectSecurityHeaders(await response!.allHeaders(), url);
    await waitForCharts(page, charts);
    // Next.js's inline scripts and our theme script in <head> carry the nonce, Plotly needs no eval.
    expect(violations).toEqual([]);
    await page.close();
  });

  it('offers no upload to Plotly Cloud and no link off-site on any chart', async () => {
    for (const { url, charts } of DASHBOARDS) {
      const page = await admin.newPage();
      await openDashboard(page, url);
      await waitForCharts(page, charts);
      const found = await page.evaluate(() => ({
        buttons: [...document.querySelectorAll('.js-plotly-plot .modebar-btn')].map((b) => `${b.getAttribute('data-title') ?? ''} ${b.getAttribute('title') ?? ''}`),
        // Plotly draws links in SVG too, where href may be xlink:href.
        links: [...document.querySelectorAll('.js-plotly-plot a')]
          .map((a) => a.getAttribute('href') ?? a.getAttribute('xlink:href'))
          .filter((href): href is string => href !== null)
          .map((href) => new URL(href, location.href).origin),
      }));
      // The modebar is there (zoom, pan, reset…), without a share or cloud control.
      expect([url, found.buttons.length > 0]).toEqual([url, true]);
      expect([url, found.buttons.filter((t) => /share|cloud|chart studio|plotly/i.test(t))]).toEqual([url, []]);
      expect([url, found.links.filter((origin) => origin !== new URL(baseUrl()).origin)]).toEqual([url, []]);
      await page.close();
    }
  });

  it('gives the API answers the dashboards read the headers and private caching', async () => {
    for (const path of API_READS) {
      const res = await admin.request.get(path);
      expect([path, res.status()]).toEqual([path, 200]);
      const headers = res.headers();
      expectSecurityHeaders(headers, path);
      expect([path, headers['cache-control']]).toEqual([path, 'private, no-store']);
    }
  });

  it('refuses a cookie-authenticated write from another origin, and a text/plain one, in the real server', async () => {
    const foreign = await admin.request.post('/api/shares', { headers: { origin: 'https://evil.example', 'content-type': 'application/json' }, data: { path: '/dashboards/sales', expiresInDays: 1 } });
    expect(foreign.status()).toBe(403);
    expect(await foreign.json()).toMatchObject({ error: { code: 'forbidden_origin' } });
    const plain = await admin.request.post('/api/shares', { headers: { 'content-type': 'text/plain' }, data: JSON.stringify({ path: '/dashboards/sales', expiresInDays: 1 }) });
    expect(plain.status()).toBe(415);
  });

  it('shows a South viewer only South, with an admin session cookie planted before theirs', async () => {
    // The admin has just looked at this very view: nothing rendered for them may reach the viewer.
    const view = '/dashboards/sales';
    const adminPage = await admin.newPage();
    await openDashboard(adminPage, view);
    await adminPage.close();

    const viewerState = await signInOnce(browser, 'viewer@retailwave.test');
    const viewer = await signedInContext(browser, viewerState);
    const adminToken = adminState.cookies.find((c) => c.name === SESSION_COOKIE)!;
    // A cookie on a longer path is sent first: the request carries the admin's token, then the viewer's.
    const host = new URL(baseUrl()).hostname;
    await viewer.addCookies([{ name: SESSION_COOKIE, value: adminToken.value, domain: host, path: '/dashboards', httpOnly: true, sameSite: 'Lax' }]);
    const page = await viewer.newPage();
    const sent: string[] = [];
    page.on('request', async (req) => {
      if (req.url().endsWith(view)) sent.push((await req.allHeaders())['cookie'] ?? '');
    });
    for (let i = 0; i < 3; i++) {
      await openDashboard(page, view);
      expect(await page.getByTestId('view-summary').textContent()).toMatch(/ · South$/);
      expect(await page.getByRole('link', { name: 'Admin' }).count()).toBe(0);
    }
    // The planted cookie really was on the request, ahead of the viewer's.
    expect(sent.some((cookie) => cookie.split('; ').filter((c) => c.startsWith(`${SESSION_COOKIE}=`)).length === 2)).toBe(true);
    await viewer.close();
  });
});
