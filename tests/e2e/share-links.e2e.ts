// Share links as people use them: the East manager shares a filtered, cross-filtered view; someone with no
// account opens it in a fresh browser and sees the same charts and filters, read only, with no way to other
// dashboards; they change the date range; new sales reach them live; a tampered region in the URL shows
// nothing more; the manager revokes the link and it answers 410.
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, newContext, screenshot } from './helpers/browser';
import { kpiValue, openDashboard, transactionTotals, waitForCharts, waitUntil } from './helpers/dashboard';
import { ingest, saleEnvelope } from './helpers/ingest';
import { signedInContext, signInOnce } from './helpers/session';

const VIEW = '/dashboards/sales?range=last90&categories=Grocery,Electronics&sel=category:Grocery';

describe('share links', () => {
  let browser: Browser;
  let manager: BrowserContext;

  beforeAll(async () => {
    browser = await launchBrowser();
    manager = await signedInContext(browser, await signInOnce(browser, 'east.manager@retailwave.test'));
  });
  afterAll(() => browser?.close());

  it('a manager shares a view; a visitor without an account sees the same view, read only, and the link can be revoked', async () => {
    const page = await manager.newPage();
    await openDashboard(page, VIEW);
    await waitForCharts(page, 5);
    const original = {
      summary: await page.getByTestId('view-summary').textContent(),
      revenue: await kpiValue(page, 'revenue'),
      totals: await transactionTotals(page),
      chips: await page.getByRole('list', { name: 'Active filters' }).getByRole('button').allTextContents(),
    };

    await page.getByTestId('share-open').click();
    const dialog = page.getByRole('dialog', { name: 'Share this view' });
    await dialog.getByLabel(/^Label/).fill('Grocery review for the board');
    await dialog.getByRole('radio', { name: '30 days' }).check();
    expect(await dialog.getByRole('radio', { name: 'Never' }).count()).toBe(0);
    await dialog.getByTestId('share-create').click();
    const url = await dialog.getByTestId('share-url').inputValue();
    expect(url).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);
    await screenshot(page, 'share-dialog-created');
    await dialog.getByRole('button', { name: 'Done' }).click();

    // A stranger: a fresh browser context with no session.
    const stranger: BrowserContext = await newContext(browser);
    const visitor = await stranger.newPage();
    const response = await openDashboard(visitor, url);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['referrer-policy']).toBe('no-referrer');
    await waitForCharts(visitor, 5);
    expect(await visitor.getByRole('heading', { level: 1 }).textContent()).toBe('Sales overview');
    expect(await visitor.getByTestId('shared-badge').isVisible()).toBe(true);
    expect(await visitor.getByTestId('share-details').textContent()).toContain('Grocery review for the board');
    expect(await visitor.getByTestId('view-summary').textContent()).toBe(original.summary);
    expect(await kpiValue(visitor, 'revenue')).toBe(original.revenue);
    expect(await transactionTotals(visitor)).toEqual(original.totals);
    expect(await visitor.getByRole('list', { name: 'Active filters' }).getByRole('button').allTextContents()).toEqual(original.chips);
    // Read only: no navigation to other dashboards, no Share, no export (the manager did not allow it).
    expect(await visitor.getByRole('navigation', { name: 'Dashboards' }).count()).toBe(0);
    expect(await visitor.locator('a[href^="/dashboards"], a[href^="/admin"], a[href^="/shares"]').count()).toBe(0);
    expect(await visitor.getByTestId('share-open').count()).toBe(0);
    expect(await visitor.getByTestId('export-csv').count()).toBe(0);
    await screenshot(visitor, 'share-link-visitor');

    // The visitor changes the date range: the view follows, still under the link.
    await visitor.locator('#date-preset').selectOption({ label: 'Last 7 days' });
    await visitor.waitForURL((u) => u.pathname === new URL(url).pathname && u.searchParams.get('range') === 'last7');
    await visitor.getByTestId('view-summary').filter({ hasNotText: original.summary ?? '' }).waitFor();
    expect(await visitor.getByTestId('view-summary').textContent()).toMatch(/ · East$/);
    expect(await kpiValue(visitor, 'revenue')).toBeLessThan(original.revenue);

    // Live for the visitor too: a new East sale shows up without a reload.
    const stores = (await (await manager.request.get('/api/metrics/breakdown?dimension=store')).json()) as { rows: { key: string }[] };
    await openDashboard(visitor, `${url}?range=last7`);
    await visitor.locator('[data-testid="live-indicator"][data-state="connected"]').waitFor();
    const before = await kpiValue(visitor, 'transactions');
    await ingest([saleEnvelope({ transactionId: randomUUID(), storeCode: stores.rows[0]!.key, sku: 'SKU-00001', quantity: 1, unitPrice: 4.5 })]);
    await waitUntil(() => kpiValue(visitor, 'transactions'), (n) => n === before + 1, 'the shared view to count the new sale', 30_000);
    expect(new URL(visitor.url()).searchParams.get('range')).toBe('last7');

    // A region added by hand shows nothing beyond East.
    await openDashboard(visitor, `${url}?range=last90&regions=West`);
    expect(await visitor.getByTestId('view-summary').textContent()).toMatch(/ · East$/);
    expect(await visitor.getByTestId('clip-notice').textContent()).toContain('region West');

    // The manager revokes it from "Shared links"; the visitor's next request is told so.
    await page.goto('/shares');
    const row = page.getByTestId('share-row').filter({ hasText: 'Grocery review for the board' });
    expect(Number(await row.getByTestId('share-views').textContent())).toBeGreaterThanOrEqual(1);
    // The confirmation is a dialog of the page: Cancel keeps the link, "Revoke link" revokes it.
    await row.getByRole('button', { name: /^Revoke/ }).click();
    await page.getByRole('dialog', { name: /^Revoke "Grocery review for the board"\?$/ }).getByRole('button', { name: 'Cancel' }).click();
    expect(await row.getAttribute('data-status')).not.toBe('revoked');
    await row.getByRole('button', { name: /^Revoke/ }).click();
    await page.getByRole('dialog', { name: /^Revoke "Grocery review for the board"\?$/ }).getByRole('button', { name: 'Revoke link' }).click();
    await page.getByTestId('share-row').filter({ hasText: 'Grocery review for the board' }).and(page.locator('[data-status="revoked"]')).waitFor();
    const gone = await visitor.goto(url);
    expect(gone?.status()).toBe(410);
    await visitor.getByRole('heading', { name: 'This link was revoked' }).waitFor();
    await screenshot(visitor, 'share-link-revoked');
    await stranger.close();
    await page.close();
  });
});
