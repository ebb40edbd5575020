// Every dashboard, the shared links and the audit log in light and dark, at 1440×900 and on a phone
// (390×844), saved under tests/e2e/artifacts/ for a person to look at; each shot also checks what a glance
// would: the page fits the screen's width, no table cell is cut off (a wide table scrolls inside its
// card), the theme is applied, the charts are drawn.
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './helpers/browser';
import { bars, tile, waitForCharts, waitUntil } from './helpers/dashboard';
import { PHONE, signedInContext, signInOnce, type SignedInState } from './helpers/session';

const THEMES = ['light', 'dark'] as const;
const DEVICES = { desktop: { width: 1440, height: 900 }, phone: PHONE } as const;

/**
 * Table cells a person cannot read whole: cut by an ancestor that hides overflow without scrolling, in a
 * scroll container that itself runs off the screen, or off the screen with no scroll container at all,
 * or whose own text overflows the cell without a title to read it from.
 */
function clippedCells(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const screen = document.scrollingElement!.clientWidth;
    const found: string[] = [];
    for (const cell of document.querySelectorAll<HTMLElement>('main table th, main table td')) {
      const box = cell.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const name = `${cell.closest('table')?.getAttribute('data-testid') ?? cell.closest('section')?.querySelector('h2')?.textContent ?? 'table'}: "${cell.textContent?.trim().slice(0, 40)}"`;
      let scroller: HTMLElement | null = null;
      for (let el = cell.parentElement; el && el !== document.body; el = el.parentElement) {
        const overflow = getComputedStyle(el).overflowX;
        if (overflow === 'visible') continue;
        const frame = el.getBoundingClientRect();
        if (overflow === 'auto' || overflow === 'scroll') {
          scroller = el;
          if (frame.right > screen + 1) found.push(`${name} scrolls in a box wider than the screen`);
        } else if (box.right > frame.right + 1 || box.left < frame.left - 1) {
          found.push(`${name} is cut by a box that hides overflow`);
        }
        break;
      }
      if (!scroller && box.right > screen + 1) found.push(`${name} is off the screen`);
      const truncatedWithTitle = [cell, ...cell.querySelectorAll<HTMLElement>('*')].some((el) => el.title && el.scrollWidth > el.clientWidth);
      if (cell.scrollWidth > cell.clientWidth + 1 && !truncatedWithTitle) found.push(`${name} overflows its cell`);
    }
    return found;
  });
}

/** Relative luminance (0 black … 1 white) of a computed colour; Tailwind 4 writes colours in lab()/oklch(), so a canvas converts them. */
function luminanceOf(page: Page, selector: string, property: 'color' | 'backgroundColor'): Promise<number> {
  return page.locator(selector).first().evaluate((element, prop) => {
    const context = document.createElement('canvas').getContext('2d')!;
    context.fillStyle = getComputedStyle(element)[prop];
    context.fillRect(0, 0, 1, 1);
    const [r, g, b] = [...context.getImageData(0, 0, 1, 1).data].map((v) => v / 255);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }, property);
}

interface Shot {
  name: string;
  url: string;
  heading: string;
  charts: number;
  /** The header link that opens it: on a phone, where the sidebar is hidden, the shot is reached through it. */
  link?: string;
}

describe('dashboard screenshots', () => {
  let browser: Browser;
  let admin: SignedInState;
  let shots: Shot[];

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await signInOnce(browser, 'admin@retailwave.test');
    // The product level of the best-selling subcategory of the best-selling category.
    const context = await signedInContext(browser, admin);
    const page = await context.newPage();
    await page.goto('/dashboards/products');
    const [category] = await waitUntil(() => bars(tile(page, 'Top categories')), (b) => b.length > 0, 'the category bars');
    await page.goto(`/dashboards/products?drill=${encodeURIComponent(category.key)}`);
    const [subcategory] = await waitUntil(() => bars(tile(page, 'Top subcategories')), (b) => b.length > 0, 'the subcategory bars');
    await context.close();
    // A shared link with a long label, so the shared-links table has a row to lay out.
    const admin_ = await signedInContext(browser, admin);
    const created = await admin_.request.post('/api/shares', {
      data: { path: '/dashboards/sales?regions=East,West', expiresInDays: 30, label: 'East and West weekly review for the regional managers' },
    });
    expect(created.status()).toBe(201);
    await admin_.close();
    shots = [
      { name: 'sales', url: '/dashboards/sales', heading: 'Sales overview', charts: 6, link: 'Sales overview' },
      { name: 'products-categories', url: '/dashboards/products', heading: 'Products', charts: 2, link: 'Products' },
      { name: 'products-products', url: `/dashboards/products?drill=${encodeURIComponent(subcategory.key)}`, heading: 'Products', charts: 2 },
      { name: 'customers', url: '/dashboards/customers', heading: 'Customers', charts: 3, link: 'Customers' },
      { name: 'live', url: '/dashboards/live', heading: 'Live monitor', charts: 3, link: 'Live monitor' },
      { name: 'shares', url: '/shares', heading: 'All shared links', charts: 0, link: 'Shared links' },
      { name: 'audit', url: '/admin/audit', heading: 'Administration', charts: 0 },
    ];
  });
  afterAll(() => browser?.close());

  const retentionValues = (page: Page) => tile(page, 'Retention by first-purchase month').locator('.heatmaplayer text').count();

  for (const theme of THEMES) {
    for (const [device, viewport] of Object.entries(DEVICES)) {
      const phone = device === 'phone';
      it(`${theme}, ${device}: every dashboard fits the width and is drawn in the ${theme} theme`, async () => {
        const context = await signedInContext(browser, admin, { viewport, theme });
        const page = await context.newPage();
        for (const shot of shots) {
          const name = `${shot.name}-${theme}-${device}`;
          if (phone && shot.link && page.url().includes('/dashboards/')) {
            // On a phone the links are behind the Menu button
            const nav = page.getByRole('navigation', { name: 'Dashboards' });
            expect(await nav.count()).toBe(0);
            await page.getByRole('button', { name: 'Menu' }).click();
            expect(await nav.getByRole('link').allTextContents()).toEqual(['Sales overview', 'Products', 'Customers', 'Live monitor', 'Shared links', 'Admin']);
            await nav.getByRole('link', { name: shot.link }).click();
            await page.waitForURL((url) => url.pathname === shot.url);
            expect(await nav.count()).toBe(0);
          } else {
            await page.goto(shot.url);
          }
          await page.getByRole('heading', { level: 1, name: shot.heading }).waitFor();
          // the current page is marked in the navigation
          const current = page.getByRole('navigation', { name: 'Dashboards' }).locator('[aria-current="page"]');
          if (!phone) expect(await current.allTextContents()).toEqual([shot.name === 'audit' ? 'Admin' : (shot.link ?? 'Products')]);
          if (shot.charts > 0) await waitForCharts(page, shot.charts);
          // every tile streamed in: no skeleton left
          await page.waitForFunction(() => !document.querySelector('main div.animate-pulse'), undefined, { timeout: 30_000 });
          const widths = await page.evaluate(() => ({ page: document.scrollingElement!.scrollWidth, screen: window.innerWidth }));
          expect({ name, ...widths }).toEqual({ name, page: viewport.width, screen: viewport.width });
          expect({ name, clipped: await clippedCells(page) }).toEqual({ name, clipped: [] });
          expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(theme === 'dark');
          // Cards and headings in the theme's colours: dark cards with light text, or the reverse.
          const card = await luminanceOf(page, 'main .rounded-xl.border', 'backgroundColor');
          const text = await luminanceOf(page, 'main h1', 'color');
          expect({ name, darkCard: card < 0.1, lightText: text > 0.6 }).toEqual({ name, darkCard: theme === 'dark', lightText: theme === 'dark' });
          // Twelve columns of "45.5%" in a phone's width overlap into noise: there the values are left to hover.
          if (shot.name === 'customers') expect((await retentionValues(page)) > 0).toBe(!phone);
          await page.mouse.move(0, 0);
          await screenshot(page, name);
        }
        await context.close();
      });
    }
  }

  it('the header toggle switches to dark, redraws the charts in dark and remembers the choice', async () => {
    const context = await signedInContext(browser, admin);
    const page = await context.newPage();
    await page.goto('/dashboards/products');
    await waitForCharts(page, 2);
    const tickColor = () => tile(page, 'Top categories').locator('.ytick text').first().evaluate((t) => getComputedStyle(t).fill);
    const lightTicks = await tickColor();

    await page.getByRole('button', { name: 'Toggle dark mode' }).click();
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true);
    await waitUntil(tickColor, (c) => c !== lightTicks, 'the chart to redraw in the dark theme');
    expect(await page.evaluate(() => localStorage.getItem('rw-theme'))).toBe('dark');

    await page.reload();
    await waitForCharts(page, 2);
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true);
    await context.close();
  });
});
