// A product clicked on the Products dashboard opens its page: its trend and the stores in the viewer's
// regions, with the dashboard's filters carried over; a SKU the viewer may not see is a plain 404.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchBrowser, screenshot } from './helpers/browser';
import { bars, clickBar, openDashboard, tile, waitForCharts } from './helpers/dashboard';
import { signedInContext, signInOnce } from './helpers/session';

describe('Product page', () => {
  let browser: Browser;
  let eastManager: BrowserContext;

  beforeAll(async () => {
    browser = await launchBrowser();
    eastManager = await signedInContext(browser, await signInOnce(browser, 'east.manager@retailwave.test'));
  });
  afterAll(() => browser?.close());

  /** The first subcategory of the biggest category, drilled to its products through the URL. */
  async function openProducts(page: Page): Promise<string> {
    await openDashboard(page, '/dashboards/products?range=last90');
    await waitForCharts(page, 2);
    const [category] = await bars(tile(page, 'Top categories'));
    await openDashboard(page, `/dashboards/products?range=last90&drill=${encodeURIComponent(category.label)}`);
    await waitForCharts(page, 2);
    const [subcategory] = await bars(tile(page, 'Top subcategories'));
    const drill = subcategory.key;
    await openDashboard(page, `/dashboards/products?range=last90&drill=${encodeURIComponent(drill)}`);
    await waitForCharts(page, 2);
    return drill;
  }

  async function atProductPage(page: Page, sku: string, drill: string): Promise<void> {
    await page.waitForURL((url) => url.pathname === `/dashboards/products/${sku}`);
    const url = new URL(page.url());
    // the dashboard's state came along
    expect(url.searchParams.get('range')).toBe('last90');
    expect(url.searchParams.get('drill')).toBe(drill);
    await page.getByTestId('product-name').waitFor();
    await waitForCharts(page, 2);
    expect(await page.getByTestId('product-trend').locator('.js-plotly-plot').count()).toBe(2);
    const stores = page.getByTestId('product-stores').locator('tbody tr');
    await stores.first().waitFor();
    // every store shown is in the viewer's one region
    for (const region of await stores.locator('td:nth-child(2)').allTextContents()) expect(region).toBe('East');
  }

  it('opens from a bar of the top products and shows the trend and the stores in the viewer\'s regions', async () => {
    const page = await eastManager.newPage();
    const drill = await openProducts(page);
    const ranked = await bars(tile(page, 'Top products'));
    // the last bar: the chart's toolbar sits over the top right corner, where the longest bars end
    const product = ranked[ranked.length - 1];
    expect(product.key).toMatch(/^SKU-\d{5}$/);
    await clickBar(tile(page, 'Top products'), product.key);
    await atProductPage(page, product.key, drill);
    expect(await page.getByTestId('product-name').textContent()).toBe(product.label);
    await screenshot(page, 'product-page');

    // back to the dashboard, then through the product table's link
    await page.getByRole('link', { name: '← Products' }).click();
    await page.waitForURL((url) => url.pathname === '/dashboards/products');
    const link = page.getByTestId('drill-table').getByTestId('product-link').first();
    await link.waitFor();
    const href = new URL((await link.getAttribute('href'))!, baseUrl());
    await link.click();
    await atProductPage(page, decodeURIComponent(href.pathname.split('/').pop()!), drill);
    await page.close();
  });

  it('answers 404 for an unknown or forged SKU, the same page either way', async () => {
    const page = await eastManager.newPage();
    for (const sku of ['SKU-99999', encodeURIComponent("SKU-1' or '1'='1"), 'x'.repeat(300), encodeURIComponent('SKU-ü∂')]) {
      const response = await page.goto(`/dashboards/products/${sku}`);
      expect(response?.status()).toBe(404);
      await page.getByTestId('product-not-found').waitFor();
    }
    await page.close();
  });
});
