// A dashboard link copied by an admin and opened by the East manager shows East only — the same figures
// the admin sees for East, never more — with a notice of what was removed; a link about West alone is
// refused.
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, screenshot } from './helpers/browser';
import { bars, chartTitles, kpiValue, openDashboard, tableColumn, tile, transactionTotals, waitForCharts, waitUntil } from './helpers/dashboard';
import { filter, firstStoreOf, storeByCode, tick } from './helpers/filters';
import { signedInContext, signInOnce } from './helpers/session';

describe('shared dashboard links', () => {
  let browser: Browser;
  let admin: BrowserContext;
  let eastManager: BrowserContext;

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await signedInContext(browser, await signInOnce(browser, 'admin@retailwave.test'));
    eastManager = await signedInContext(browser, await signInOnce(browser, 'east.manager@retailwave.test'));
  });
  afterAll(() => browser?.close());

  it("an admin's East + West link opens for the East manager as East only, with a notice naming West", async () => {
    await admin.grantPermissions(['clipboard-read', 'clipboard-write']);
    const adminPage = await admin.newPage();
    await openDashboard(adminPage, '/dashboards/sales');
    await tick(adminPage, 'Regions', filter(adminPage, 'Regions').getByRole('checkbox', { name: 'East', exact: true }), (u) => u.searchParams.get('regions') === 'East');
    await tick(adminPage, 'Regions', filter(adminPage, 'Regions').getByRole('checkbox', { name: 'West', exact: true }), (u) => u.searchParams.get('regions') === 'East,West');
    // The best-selling East and West stores of the view, so both halves of the link have sales.
    await waitForCharts(adminPage, 6);
    const top = await bars(tile(adminPage, 'Top 10 stores'));
    const east = await storeByCode(adminPage, top.find((b) => b.group === 'East')!.key);
    const west = await storeByCode(adminPage, top.find((b) => b.group === 'West')!.key);
    await tick(adminPage, 'Stores', east.checkbox, (u) => u.searchParams.get('stores') === east.code);
    await tick(adminPage, 'Stores', west.checkbox, (u) => u.searchParams.get('stores') === `${east.code},${west.code}`);
    await adminPage.getByRole('button', { name: 'Copy link' }).click();
    await adminPage.getByRole('button', { name: 'Link copied' }).waitFor();
    const link = await adminPage.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(adminPage.url());
    await waitUntil(async () => (await bars(tile(adminPage, 'Region comparison'))).map((b) => b.key).sort().join(), (r) => r === 'East,West', 'the admin to see East and West');

    // What the admin sees for the East half of that view is the most the manager may see.
    await openDashboard(adminPage, `/dashboards/sales?regions=East&stores=${east.code}`);
    await adminPage.getByTestId('transactions-total').waitFor();
    const eastOnly = { revenue: await kpiValue(adminPage, 'revenue'), totals: await transactionTotals(adminPage) };
    await adminPage.close();

    const page = await eastManager.newPage();
    const response = await openDashboard(page, link);
    expect(response?.status()).toBe(200);
    expect(await page.getByTestId('view-summary').textContent()).toMatch(new RegExp(` · East · store ${east.code}$`));
    const notice = await page.getByTestId('clip-notice').textContent();
    expect(notice).toContain('region West');
    expect(notice).toContain(`store ${west.code}`);
    expect(notice).not.toContain('region East');
    expect(notice).not.toContain(`store ${east.code}`);
    const chips = await page.getByRole('list', { name: 'Active filters' }).getByRole('button').allTextContents();
    expect(chips.map((c) => c.replace('×', '').trim())).toEqual(['Region: East', `Store: ${east.name}`, 'Clear all']);

    await waitForCharts(page, 5);
    expect(await chartTitles(page)).not.toContain('Region comparison');
    expect(new Set(await tableColumn(page, 'Region'))).toEqual(new Set(['East']));
    expect(new Set(await tableColumn(page, 'Store'))).toEqual(new Set([east.name]));
    expect(await kpiValue(page, 'revenue')).toBe(eastOnly.revenue);
    expect(await transactionTotals(page)).toEqual(eastOnly.totals);
    await screenshot(page, 'shared-link-clipped-for-east-manager');

    // Changing the view starts from what is shown: the removed West parts do not come back.
    await page.locator('#date-preset').selectOption({ label: 'Last 7 days' });
    await page.waitForURL((url) => url.searchParams.get('range') === 'last7');
    const url = new URL(page.url());
    expect({ regions: url.searchParams.get('regions'), stores: url.searchParams.get('stores') }).toEqual({ regions: 'East', stores: east.code });
    await page.getByTestId('clip-notice').waitFor({ state: 'detached' });
    await page.close();
  });

  it("a link about West only opens the East manager's own view with a notice, while the API refuses it", async () => {
    const adminPage = await admin.newPage();
    await openDashboard(adminPage, '/dashboards/products');
    const west = await firstStoreOf(adminPage, 'West');
    await adminPage.close();

    const page = await eastManager.newPage();
    const response = await openDashboard(page, '/dashboards/sales?regions=West');
    expect(response?.status()).toBe(200);
    expect(await page.getByTestId('view-summary').textContent()).toMatch(/ · East$/);
    expect(await page.getByTestId('clip-notice').textContent()).toContain('region West');
    await page.getByTestId('kpi-revenue').waitFor();
    expect(new Set(await tableColumn(page, 'Region'))).toEqual(new Set(['East']));
    await screenshot(page, 'shared-link-west-for-east-manager');

    // A West store without a region names nothing of East either: the manager's own view, told why.
    await openDashboard(page, `/dashboards/products?stores=${west.code}`);
    expect(await page.getByTestId('clip-notice').textContent()).toContain(`store ${west.code}`);
    await page.getByTestId('drill-table').waitFor();

    const api = await eastManager.request.get('/api/export?format=csv&regions=East,West');
    expect(api.status()).toBe(403);
    expect(await api.json()).toMatchObject({ error: { code: 'forbidden_region' } });
    const kpis = await eastManager.request.get('/api/metrics/kpis?regions=West');
    expect(kpis.status()).toBe(403);
    await page.close();
  });

});
