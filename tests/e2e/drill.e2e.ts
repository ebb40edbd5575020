// Drilling on the Products dashboard: category → subcategory → products with stock, by clicking the
// treemap and the bars, and back up through the breadcrumb and the browser's back button.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './helpers/browser';
import { bars, clickBar, clickTreemapTile, openDashboard, param, tableColumn, tile, treemapTiles, waitForCharts } from './helpers/dashboard';
import { signedInContext, signInOnce } from './helpers/session';

describe('Products drill-down', () => {
  let browser: Browser;
  let analyst: BrowserContext;

  beforeAll(async () => {
    browser = await launchBrowser();
    analyst = await signedInContext(browser, await signInOnce(browser, 'analyst@retailwave.test'));
  });
  afterAll(() => browser?.close());

  const breadcrumb = (page: Page) => page.getByTestId('drill-breadcrumb');
  const crumbs = async (page: Page) => (await breadcrumb(page).textContent())?.split('›').map((c) => c.trim());
  const drillTable = (page: Page) => page.getByTestId('drill-table');

  /** Waits for the URL's drill path and for the page drawn for it (breadcrumb and both charts). */
  async function atDrill(page: Page, path: string[]): Promise<void> {
    await page.waitForURL((url) => (url.searchParams.get('drill') ?? '') === path.join('/'));
    await breadcrumb(page).getByText(path.at(-1) ?? 'All categories', { exact: true }).and(page.locator('[aria-current="page"]')).waitFor();
    const level = ['Categories', 'Subcategories', 'Products'][path.length];
    // charts draw when near the screen
    await tile(page, `${level} by revenue`).scrollIntoViewIfNeeded();
    await tile(page, `${level} by revenue`).locator('.js-plotly-plot').waitFor();
    await tile(page, new RegExp(`^${level} \\(\\d+\\)$`)).waitFor();
  }

  it('clicks down to the products of a subcategory with their stock, then goes back up', async () => {
    const page = await analyst.newPage();
    await openDashboard(page, '/dashboards/products');
    await waitForCharts(page, 2);
    expect(await crumbs(page)).toEqual(['All categories']);

    // The biggest category by the ranked bars, opened from the treemap.
    const [category] = await bars(tile(page, 'Top categories'));
    expect((await treemapTiles(tile(page, 'Categories by revenue'))).map((t) => t.label)).toContain(category.label);
    await clickTreemapTile(tile(page, 'Categories by revenue'), category.label);
    await atDrill(page, [category.label]);
    expect(await crumbs(page)).toEqual(['All categories', category.label]);
    expect(new Set(await tableColumn(page, 'Category'))).toEqual(new Set([category.label]));
    expect(await drillTable(page).locator('thead th').first().textContent()).toBe('Subcategory');

    // One click is one step: back leaves the drill, forward returns to it.
    await page.goBack();
    await atDrill(page, []);
    await page.goForward();
    await atDrill(page, [category.label]);

    const [subcategory] = await bars(tile(page, 'Top subcategories'));
    expect(subcategory.key).toBe(`${category.label}/${subcategory.label}`);
    await clickBar(tile(page, 'Top subcategories'), subcategory.key);
    await atDrill(page, [category.label, subcategory.label]);
    expect(await crumbs(page)).toEqual(['All categories', category.label, subcategory.label]);

    const headers = await drillTable(page).locator('thead th').allTextContents();
    expect(headers).toEqual(['Product', 'SKU', 'Units', 'Revenue', 'Margin', 'Stock on hand', 'Stock']);
    const rows = drillTable(page).locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    for (const stock of await rows.locator('td:nth-child(6)').allTextContents()) expect(stock).toMatch(/^[\d,]+$/);
    for (const flag of await rows.locator('td:nth-child(7)').allTextContents()) expect(flag).toMatch(/^(OK|Low in \d+ stores?)$/);
    await screenshot(page, 'products-drilled-to-products');

    await page.goBack();
    await atDrill(page, [category.label]);
    expect(param(page, 'drill')).toBe(category.label);

    await breadcrumb(page).getByRole('link', { name: 'All categories' }).click();
    await atDrill(page, []);
    expect(await crumbs(page)).toEqual(['All categories']);
    expect(await drillTable(page).locator('thead th').first().textContent()).toBe('Category');
    await page.close();
  });
});
