// Refreshing a dashboard over unchanged data is answered from the page cache, the way a user meets it:
// the refreshed page is the same and works (charts drawn, live badge connected); a new sale in the user's
// regions renders the page again with it while other regions' users keep theirs; users with the same role
// and regions share a page that names none of them, others and nobody never get it.
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createAccount, type NewAccount } from './helpers/accounts';
import { baseUrl, launchBrowser } from './helpers/browser';
import { openDashboard, waitForCharts, waitUntil } from './helpers/dashboard';
import { ingest, saleEnvelope } from './helpers/ingest';
import { signedInContext, signInOnce, type SignedInState } from './helpers/session';

/** Erin East's colleague: another East manager. */
const COLLEAGUE: NewAccount = { email: `east.colleague.${Date.now()}@example.test`, name: 'Eve Eastwood', role: 'manager', regions: ['East'] };

/** The overview draws five charts for one region (no region comparison). */
const ONE_REGION_CHARTS = 5;

function cookieHeader(state: SignedInState): string {
  return state.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

/** The page as an HTTP client gets it: status, whether it came from the cache, and the body. */
async function fetchPage(path: string, state?: SignedInState) {
  const res = await fetch(`${baseUrl()}${path}`, { headers: state ? { cookie: cookieHeader(state) } : {}, redirect: 'manual' });
  return { status: res.status, cache: res.headers.get('x-page-cache'), location: res.headers.get('location'), body: await res.text() };
}

async function shownTransactions(page: Page): Promise<number> {
  const text = await page.getByTestId('kpi-transactions').filter({ visible: true }).getByTestId('kpi-value').textContent();
  return Number(text?.replace(/,/g, ''));
}

describe('the page cache', () => {
  let browser: Browser;
  const states = new Map<string, SignedInState>();
  let eastStore: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    for (const email of ['admin@retailwave.test', 'east.manager@retailwave.test', 'analyst@retailwave.test', 'viewer@retailwave.test']) {
      states.set(email, await signInOnce(browser, email));
    }
    const password = await createAccount(browser, COLLEAGUE);
    states.set(COLLEAGUE.email, await signInOnce(browser, COLLEAGUE.email, password));
    const admin = await signedInContext(browser, states.get('admin@retailwave.test')!);
    const { rows } = (await (await admin.request.get('/api/metrics/breakdown?dimension=store')).json()) as { rows: { key: string; region: string }[] };
    eastStore = rows.find((r) => r.region === 'East')!.key;
    await admin.close();
  });
  afterAll(() => browser?.close());

  it('answers a refresh from the cache with the same page, which works like a rendered one', async () => {
    const context: BrowserContext = await signedInContext(browser, states.get('east.manager@retailwave.test')!);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const path = '/dashboards/sales?from=2026-01-01&to=2026-01-31&sort=-net';

    const first = await openDashboard(page, path);
    expect(first?.status()).toBe(200);
    expect(await first?.headerValue('x-page-cache')).toBe('miss');
    await waitForCharts(page, ONE_REGION_CHARTS);
    const rendered = { transactions: await shownTransactions(page), summary: await page.getByTestId('view-summary').textContent() };

    const again = await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await again?.headerValue('x-page-cache')).toBe('hit');
    await waitForCharts(page, ONE_REGION_CHARTS);
    expect(await shownTransactions(page)).toBe(rendered.transactions);
    expect(await page.getByTestId('view-summary').textContent()).toBe(rendered.summary);
    await waitUntil(() => page.getByTestId('live-indicator').getAttribute('data-state'), (s) => s === 'connected', 'the live badge to connect');
    // the badge connects from an effect: the page hydrated
    expect(errors).toEqual([]);
    await context.close();
  });

  it('gives a page only to users with the same role and regions, and it names none of them', async () => {
    const path = '/dashboards/sales?from=2026-02-01&to=2026-02-28';
    const east = states.get('east.manager@retailwave.test')!;
    await fetchPage(path, east);
    const again = await fetchPage(path, east);
    expect(again.cache).toBe('hit');
    expect(again.body).not.toContain('Erin East');
    expect(again.body).not.toContain('east.manager@retailwave.test');

    // A colleague with the same role and regions gets the same page, which names neither of them...
    const colleague = await fetchPage(path, states.get(COLLEAGUE.email));
    expect(colleague.cache).toBe('hit');
    expect(colleague.body).toBe(again.body);
    expect(colleague.body).not.toContain(COLLEAGUE.name);
    // ...and their own name in the account menu, once the page is up.
    const context = await signedInContext(browser, states.get(COLLEAGUE.email)!);
    const page = await context.newPage();
    await openDashboard(page, path);
    await expect(page.getByTestId('user-name').textContent()).resolves.toBe(COLLEAGUE.name);
    await context.close();

    // Other regions, another role: another page.
    const analyst = await fetchPage(path, states.get('analyst@retailwave.test'));
    expect(analyst.cache).toBe('miss');
    expect(analyst.body).toContain('East, West');
    const nobody = await fetchPage(path);
    expect(nobody.status).toBe(307);
    expect(nobody.location).toMatch(/^\/login\?callbackUrl=/);
    expect(nobody.cache).toBeNull();
    const forged = await fetchPage(path, { cookies: [{ ...east.cookies.find((c) => c.name.endsWith('session-token'))!, value: 'not-a-session' }], origins: [] });
    expect(forged.status).toBe(307);
  });

  it('renders a view once for users who refresh it at the same moment', async () => {
    const path = '/dashboards/sales?from=2026-03-01&to=2026-03-31';
    const users = [states.get('east.manager@retailwave.test')!, states.get(COLLEAGUE.email)!];
    const pages = await Promise.all(Array.from({ length: 6 }, (_, i) => fetchPage(path, users[i % 2])));
    expect(pages.map((p) => p.status)).toEqual(Array(6).fill(200));
    expect(pages.filter((p) => p.cache === 'miss')).toHaveLength(1);
    expect(new Set(pages.map((p) => p.body)).size).toBe(1);
  });

  it('renders again after a sale in the user’s region, and keeps other regions’ pages', async () => {
    const east = states.get('east.manager@retailwave.test')!;
    const viewer = states.get('viewer@retailwave.test')!;
    const path = '/dashboards/sales'; // the last 30 days, today's sales included
    await fetchPage(path, east);
    await fetchPage(path, viewer);
    expect((await fetchPage(path, east)).cache).toBe('hit');
    expect((await fetchPage(path, viewer)).cache).toBe('hit');

    const context = await signedInContext(browser, east);
    const page = await context.newPage();
    await openDashboard(page, path);
    const before = await shownTransactions(page);
    await page.close();

    await ingest([saleEnvelope({ transactionId: randomUUID(), storeCode: eastStore, sku: 'SKU-00007', quantity: 1, unitPrice: 3 })]);
    // Once the ETL batch has landed, East's page renders again (miss), then is kept again (hit).
    await waitUntil(async () => (await fetchPage(path, east)).cache, (c) => c === 'miss', 'East’s page to render again', 20_000);
    expect((await fetchPage(path, viewer)).cache).toBe('hit'); // South had no new sale
    const after = await context.newPage();
    await openDashboard(after, path);
    await waitUntil(() => shownTransactions(after), (n) => n === before + 1, 'the new sale in the KPI card');
    await context.close();
  });
});
