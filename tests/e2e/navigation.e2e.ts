// Getting around with a keyboard and on a phone: "Skip to content" first, the current page marked, the
// phone's Menu (Escape and a click outside close it, focus where a person expects it), every chart's
// click-to-filter also from its "View data" table, and chart toolbars out of the tab order until the
// chart is focused.
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './helpers/browser';
import { bars, openDashboard, param, tile, waitForCharts, waitUntil } from './helpers/dashboard';
import { PHONE, signedInContext, signInOnce, type SignedInState } from './helpers/session';

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName ?? '', text: el?.textContent?.trim() ?? '', id: el?.id ?? '', label: el?.getAttribute('aria-label') ?? '' };
  });

describe('navigation and keyboard', () => {
  let browser: Browser;
  let admin: SignedInState;

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await signInOnce(browser, 'admin@retailwave.test');
  });
  afterAll(() => browser?.close());

  it('"Skip to content" is the first Tab stop and moves focus past the navigation', async () => {
    for (const url of ['/dashboards/products', '/shares', '/admin/audit']) {
      const context = await signedInContext(browser, admin, { viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await openDashboard(page, url);
      await page.keyboard.press('Tab');
      expect({ url, ...(await focused(page)) }).toEqual({ url, tag: 'A', text: 'Skip to content', id: '', label: '' });
      expect(await page.getByRole('link', { name: 'Skip to content' }).isVisible()).toBe(true);
      await page.keyboard.press('Enter');
      expect({ url, focus: (await focused(page)).id }).toEqual({ url, focus: 'main-content' });
      await context.close();
    }
  });

  it('marks the page being shown, and only it, with aria-current', async () => {
    const context = await signedInContext(browser, admin, { viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const current = () => page.getByRole('navigation', { name: 'Dashboards' }).locator('[aria-current="page"]').allTextContents();
    for (const [url, label] of [['/dashboards/sales', 'Sales overview'], ['/dashboards/customers', 'Customers'], ['/shares', 'Shared links'], ['/admin/audit', 'Admin']]) {
      await openDashboard(page, url);
      expect({ url, current: await current() }).toEqual({ url, current: [label] });
    }
    // followed client-side too, not only on a fresh load
    await page.getByRole('navigation', { name: 'Dashboards' }).getByRole('link', { name: 'Live monitor' }).click();
    await page.waitForURL((u) => u.pathname === '/dashboards/live');
    await waitUntil(current, (c) => c.join() === 'Live monitor', 'Live monitor to be marked current');
    await context.close();
  });

  it('on a phone the navigation is a Menu that Escape and an outside click close, with focus managed', async () => {
    const context = await signedInContext(browser, admin, { viewport: PHONE });
    const page = await context.newPage();
    await openDashboard(page, '/dashboards/sales');
    const menu = page.getByRole('button', { name: 'Menu' });
    const nav = page.getByRole('navigation', { name: 'Dashboards' });
    expect({ navs: await nav.count(), expanded: await menu.getAttribute('aria-expanded') }).toEqual({ navs: 0, expanded: 'false' });

    // opens from the keyboard, lands on the first link, the current page marked
    await menu.focus();
    await page.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    expect(await focused(page)).toEqual(expect.objectContaining({ tag: 'A', text: 'Sales overview' }));
    expect(await nav.locator('[aria-current="page"]').allTextContents()).toEqual(['Sales overview']);
    // Escape closes it and gives focus back to the button
    await page.keyboard.press('Escape');
    expect({ navs: await nav.count(), expanded: await menu.getAttribute('aria-expanded'), focus: (await focused(page)).text }).toEqual({ navs: 0, expanded: 'false', focus: 'Menu' });

    // a tap outside closes it
    await menu.click();
    expect(await nav.count()).toBe(1);
    // (the open panel covers the top of the page; the bottom of the screen is outside it)
    await page.mouse.click(PHONE.width / 2, PHONE.height - 20);
    expect(await nav.count()).toBe(0);

    // Tab past the last link leaves the menu closed behind it
    await menu.click();
    const links = await nav.getByRole('link').count();
    for (let i = 0; i < links; i++) await page.keyboard.press('Tab');
    expect(await nav.count()).toBe(0);

    // the menu never widens the page
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= innerWidth)).toBe(true);
    await context.close();
  });

  it('every bar of "Revenue by category" filters the dashboard from its "View data" table by keyboard, as a click does', async () => {
    const context = await signedInContext(browser, admin, { viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await openDashboard(page, '/dashboards/sales');
    await waitForCharts(page, 6);
    const chart = tile(page, 'Revenue by category');
    const drawn = await bars(chart);
    await chart.getByRole('button', { name: 'View data' }).click();
    const buttons = chart.getByRole('table').getByRole('button');
    // one button per bar, in the chart's order, each naming what it shows
    expect(await buttons.allTextContents()).toEqual(drawn.map((b) => b.label));

    const target = drawn[1];
    await buttons.nth(1).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('sel') === `category:${target.key}`);
    // …and Shift adds, as shift-click does
    const second = drawn[2];
    await waitUntil(() => chart.getByRole('table').getByRole('button', { pressed: true }).allTextContents(), (t) => t.join() === target.label, 'the chosen row to show as pressed');
    await chart.getByRole('table').getByRole('button', { name: second.label }).focus();
    await page.keyboard.press('Shift+Enter');
    await page.waitForURL((u) => (u.searchParams.get('sel') ?? '').split(',').length === 2);
    expect(param(page, 'sel').split(',').sort()).toEqual([`category:${target.key}`, `category:${second.key}`].sort());
    await context.close();
  });

  it('the weekday × hour table filters by a cell, the key a click on that cell reports', async () => {
    const context = await signedInContext(browser, admin, { viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await openDashboard(page, '/dashboards/sales');
    await waitForCharts(page, 6);
    const chart = tile(page, 'Weekday × hour');
    const plotKeys = await chart.locator('.js-plotly-plot').evaluate((gd) => {
      const customdata = (gd as unknown as { data: { customdata: [string | null, string][][] }[] }).data[0].customdata;
      return customdata.map((row) => row.map((cell) => cell[0]));
    });
    await chart.getByRole('button', { name: 'View data' }).click();
    const cell = chart.getByRole('table').getByRole('button').first();
    await cell.focus();
    await page.keyboard.press('Enter');
    const firstKey = plotKeys.flat().find((k) => k !== null);
    await page.waitForURL((u) => u.searchParams.get('sel') === `weekday:${firstKey}`);
    await context.close();
  });

  it("keeps chart toolbars out of the tab order until the chart is focused", async () => {
    const context = await signedInContext(browser, admin, { viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await openDashboard(page, '/dashboards/sales');
    await waitForCharts(page, 6);
    const tabbable = () => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.modebar-btn')].filter((b) => b.tabIndex >= 0).length);
    expect(await page.locator('.modebar-btn').count()).toBeGreaterThan(0);
    expect(await tabbable()).toBe(0);

    const figure = tile(page, 'Revenue by category').getByRole('figure');
    await figure.focus();
    const own = () => figure.locator('.modebar-btn').evaluateAll((bs) => bs.map((b) => (b as HTMLElement).tabIndex));
    await waitUntil(own, (t) => t.length > 0 && t.every((i) => i === 0), 'the focused chart\'s toolbar to be tabbable');
    expect(await tabbable()).toBe((await own()).length);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('modebar-btn'))).toBe(true);

    // leaving the chart takes its toolbar out again
    await page.getByRole('heading', { level: 1 }).click();
    await waitUntil(tabbable, (n) => n === 0, 'the toolbar to leave the tab order');
    await context.close();
  });
});
