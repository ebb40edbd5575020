// The Sales overview as a person uses it: every tile drawn, the date range from the filter bar, and
// cross-filtering by clicking the bars of "Revenue by category".
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './helpers/browser';
import { bars, chartTitles, clickBar, kpiValue, openDashboard, param, parseFigure, tableColumn, tile, transactionTotals, waitForCharts, waitUntil } from './helpers/dashboard';
import { signedInContext, signInOnce } from './helpers/session';

const SALES_CHARTS = ['Revenue by day', 'Revenue by category', 'Top 10 stores', 'Sales by hour of day', 'Weekday × hour', 'Region comparison'];
const KPIS = ['revenue', 'transactions', 'units', 'avgOrderValue', 'unitsPerTransaction', 'discount', 'uniqueCustomers', 'grossMargin', 'marginAmount'];

function summaryDates(summary: string | null): { from: string; to: string } {
  const match = summary?.match(/^(\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})/);
  if (!match) throw new Error(`unexpected view summary ${JSON.stringify(summary)}`);
  return { from: match[1], to: match[2] };
}

function daysBefore(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

describe('Sales overview', () => {
  let browser: Browser;
  let admin: BrowserContext;

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await signedInContext(browser, await signInOnce(browser, 'admin@retailwave.test'));
  });
  afterAll(() => browser?.close());

  async function openSales(): Promise<Page> {
    const page = await admin.newPage();
    await openDashboard(page, '/dashboards/sales');
    await waitForCharts(page, SALES_CHARTS.length);
    return page;
  }

  it('draws the KPI cards, every chart and the detail table with its total row', async () => {
    const page = await openSales();
    await page.getByRole('heading', { level: 1, name: 'Sales overview' }).waitFor();
    expect(await page.getByTestId('view-summary').textContent()).toMatch(/^\d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2} · East, West, North, South, Central$/);

    for (const kpi of KPIS) {
      const card = page.getByTestId(`kpi-${kpi}`);
      expect(await card.getByTestId('kpi-value').textContent()).toMatch(/^\$?[\d,.]+%?$/);
      // the default last 30 days compare with the 30 days before them, named by their dates
      expect(await card.getByTestId('kpi-caption').textContent()).toMatch(/ vs \d{1,2} [A-Z][a-z]{2}( \d{4})? – \d{1,2} [A-Z][a-z]{2} \d{4}$|^no prior data$/);
    }
    expect(await kpiValue(page, 'revenue')).toBeGreaterThan(0);
    expect(await kpiValue(page, 'transactions')).toBeGreaterThan(0);

    // An admin sees all five regions, so the region comparison is there too.
    expect(await page.locator('.js-plotly-plot').count()).toBe(SALES_CHARTS.length);
    expect(await chartTitles(page)).toEqual(SALES_CHARTS);
    expect((await bars(tile(page, 'Top 10 stores'))).length).toBe(10);
    expect((await bars(tile(page, 'Region comparison'))).map((b) => b.key).sort()).toEqual(['Central', 'East', 'North', 'South', 'West']);
    expect((await bars(tile(page, 'Sales by hour of day'))).length).toBe(24);
    expect(await tile(page, 'Weekday × hour').locator('.heatmaplayer image, .hm image').count()).toBeGreaterThan(0);

    const totals = await transactionTotals(page);
    expect(totals.lines).toBeGreaterThan(25);
    expect(totals.titleCount).toBe(totals.lines);
    expect(await page.getByTestId('transactions-table').locator('tbody tr').count()).toBe(25);
    // The table's net total and the revenue KPI are the same money, rounded differently.
    expect(Math.abs(totals.net - (await kpiValue(page, 'revenue')))).toBeLessThanOrEqual(1);
    await page.close();
  });

  it('names under the title the regions and stores the tiles show, not every region the viewer may see', async () => {
    const page = await admin.newPage();
    await openDashboard(page, '/dashboards/sales?regions=West,East');
    expect(await page.getByTestId('view-summary').textContent()).toMatch(/ · East, West$/);
    await openDashboard(page, '/dashboards/sales?regions=East&stores=S001');
    expect(await page.getByTestId('view-summary').textContent()).toMatch(/ · East · store S001$/);
    await page.close();
  });

  it('filter drop-downs close on Escape, on a click outside and when another opens', async () => {
    const page = await openSales();
    const dropDown = (label: string) => page.locator(`details:has(> summary[aria-label="${label} filter"])`);
    const isOpen = async (label: string) => (await dropDown(label).getAttribute('open')) !== null;
    const openOne = async (label: string) => {
      await page.getByLabel(`${label} filter`).click();
      await waitUntil(() => isOpen(label), (open) => open, `the ${label} drop-down to open`);
    };

    await openOne('Categories');
    await page.keyboard.press('Escape');
    await waitUntil(() => isOpen('Categories'), (open) => !open, 'Escape to close it');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Categories filter');

    await openOne('Categories');
    await openOne('Segments');
    await waitUntil(() => isOpen('Categories'), (open) => !open, 'opening another to close it');

    await page.getByRole('heading', { level: 1, name: 'Sales overview' }).click();
    await waitUntil(() => isOpen('Segments'), (open) => !open, 'a click outside to close it');
    await page.close();
  });

  it('"Last 7 days" in the filter bar puts range=last7 in the URL and narrows the dates and figures', async () => {
    const page = await openSales();
    const before = summaryDates(await page.getByTestId('view-summary').textContent());
    const revenueBefore = await kpiValue(page, 'revenue');
    const linesBefore = (await transactionTotals(page)).lines;

    await page.locator('#date-preset').selectOption({ label: 'Last 7 days' });
    await page.waitForURL((url) => url.searchParams.get('range') === 'last7');
    const summary = await waitUntil(() => page.getByTestId('view-summary').textContent(), (s) => summaryDates(s).from !== before.from, 'the new dates in the header');
    expect(summaryDates(summary)).toEqual({ from: daysBefore(before.to, 6), to: before.to });
    const revenue = await waitUntil(() => kpiValue(page, 'revenue'), (r) => r !== revenueBefore, 'the revenue KPI to change');
    expect(revenue).toBeLessThan(revenueBefore);
    expect((await transactionTotals(page)).lines).toBeLessThan(linesBefore);
    expect(await page.locator('#date-preset').inputValue()).toBe('last7');
    await page.close();
  });

  it('clicking category bars cross-filters the other tiles; shift-click adds; removing the chips restores the view', async () => {
    const page = await openSales();
    const baseline = { revenue: await kpiValue(page, 'revenue'), totals: await transactionTotals(page) };
    const categories = tile(page, 'Revenue by category');
    const [, first, second] = await bars(categories);

    await clickBar(categories, first.key);
    await page.waitForURL((url) => url.searchParams.get('sel') === `category:${first.key}`);
    const firstChip = page.getByRole('button', { name: `Remove Selected category: ${first.key}` });
    await firstChip.waitFor();
    expect(await firstChip.textContent()).toContain(`Selected category: ${first.key}`);
    const firstRevenue = await waitUntil(() => kpiValue(page, 'revenue'), (r) => r < baseline.revenue, 'the revenue KPI to drop to one category');
    expect(new Set(await tableColumn(page, 'Category'))).toEqual(new Set([first.key]));
    const firstTotals = await transactionTotals(page);
    expect(firstTotals.lines).toBeLessThan(baseline.totals.lines);
    expect(Math.abs(firstTotals.net - firstRevenue)).toBeLessThanOrEqual(1);
    // The clicked chart highlights its selection rather than filtering itself away.
    expect((await bars(categories)).length).toBeGreaterThan(2);
    await page.mouse.move(0, 0);
    await screenshot(page, 'sales-category-selected');

    await clickBar(categories, second.key, { additive: true });
    await page.waitForURL((url) => url.searchParams.get('sel') === `category:${first.key},category:${second.key}`);
    await page.getByRole('button', { name: `Remove Selected category: ${second.key}` }).waitFor();
    const bothRevenue = await waitUntil(() => kpiValue(page, 'revenue'), (r) => r > firstRevenue, 'the revenue KPI to grow to two categories');
    expect(bothRevenue).toBeLessThan(baseline.revenue);
    await waitUntil(() => tableColumn(page, 'Category'), (cells) => cells.every((c) => c === first.key || c === second.key), 'table rows of the two categories');

    await page.getByRole('button', { name: `Remove Selected category: ${second.key}` }).click();
    await page.waitForURL((url) => url.searchParams.get('sel') === `category:${first.key}`);
    await waitUntil(() => kpiValue(page, 'revenue'), (r) => r === firstRevenue, 'the revenue KPI of one category again');

    await firstChip.click();
    await page.waitForURL((url) => !url.searchParams.has('sel'));
    await waitUntil(() => kpiValue(page, 'revenue'), (r) => r === baseline.revenue, 'the unfiltered revenue KPI');
    expect(await transactionTotals(page)).toEqual(baseline.totals);
    expect(await page.getByRole('list', { name: 'Active filters' }).count()).toBe(0);
    expect(param(page, 'sel')).toBe('');
    await page.close();
  });

  it('"vs same period last year" puts compare=year in the URL, and every card names what it compares with', async () => {
    const page = await admin.newPage();
    // last month, whole: it compares with the whole month before it, then with the same month a year earlier
    const to = daysBefore(`${new Date().toISOString().slice(0, 8)}01`, 1);
    const from = `${to.slice(0, 8)}01`;
    const monthBefore = daysBefore(from, 1);
    const monthName = new Date(`${monthBefore}T00:00:00Z`).toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
    const lastYear = Number(from.slice(0, 4)) - 1;
    await openDashboard(page, `/dashboards/sales?from=${from}&to=${to}`);
    const caption = (kpi: string) => page.getByTestId(`kpi-${kpi}`).getByTestId('kpi-caption').textContent();
    expect(await caption('revenue')).toMatch(new RegExp(` vs ${monthName} ${monthBefore.slice(0, 4)}$`));
    expect(await caption('yearOverYear')).toBe(`vs same days ${lastYear}`);
    expect(await page.getByTestId('kpi-likeForLike').getAttribute('title')).toMatch(/at least one sale/);
    expect(await page.getByTestId('kpi-yearOverYear').getByTestId('kpi-value').textContent()).toMatch(/^(▲ |▼ )?[\d.]+%$/);

    await page.locator('#compare-with').selectOption({ label: 'vs same period last year' });
    await page.waitForURL((url) => url.searchParams.get('compare') === 'year');
    await waitUntil(() => caption('revenue'), (c) => c?.endsWith(`vs same days ${lastYear}`) ?? false, 'the revenue card to compare with last year');
    for (const kpi of KPIS) expect(await caption(kpi)).toMatch(new RegExp(`vs same days ${lastYear}$|^no prior data$`));
    expect(await caption('likeForLike')).toBe(`vs same days ${lastYear}, stores open in both`);
    expect(await page.locator('#compare-with').inputValue()).toBe('year');
    // the choice travels with the other filters
    await page.locator('#date-preset').selectOption({ label: 'Last 7 days' });
    await page.waitForURL((url) => url.searchParams.get('range') === 'last7' && url.searchParams.get('compare') === 'year');
    await screenshot(page, 'sales-vs-last-year');
    await page.close();
  });

  it('pages the detail table with Next and Previous from where the page ended, and jumps to the last page', async () => {
    const page = await admin.newPage();
    // Closed days only, so the demo's live sales cannot move the rows between two clicks.
    const to = daysBefore(new Date().toISOString().slice(0, 10), 1);
    await openDashboard(page, `/dashboards/sales?from=${daysBefore(to, 29)}&to=${to}&sort=-net`);
    const table = page.getByTestId('transactions-table');
    const label = page.getByTestId('transactions-page');
    const rows = () => table.locator('tbody tr').allTextContents();
    const nets = async () => (await tableColumn(page, 'Net')).map(parseFigure);
    const go = async (link: 'First' | 'Previous' | 'Next' | 'Last', expected: RegExp) => {
      await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: link, exact: true }).click();
      return waitUntil(() => label.textContent(), (t) => expected.test(t ?? ''), `${link} to show ${expected}`);
    };
    await label.waitFor();
    const first = { rows: await rows(), nets: await nets() };
    expect(first.rows).toHaveLength(25);
    expect(first.nets).toEqual([...first.nets].sort((a, b) => b - a));

    await go('Next', /^Page 2 of /);
    expect(param(page, 'cursor')).not.toBe('');
    const second = { rows: await rows(), nets: await nets() };
    expect(Math.max(...second.nets)).toBeLessThanOrEqual(Math.min(...first.nets));
    expect(second.rows.some((r) => first.rows.includes(r))).toBe(false);

    await go('Next', /^Page 3 of /);
    expect(Math.max(...(await nets()))).toBeLessThanOrEqual(Math.min(...second.nets));
    await go('Previous', /^Page 2 of /);
    expect(await rows()).toEqual(second.rows);
    await go('Previous', /^Page 1 of /);
    expect(await rows()).toEqual(first.rows);
    expect(param(page, 'cursor')).toBe('');

    const pages = parseFigure(/of ([\d,]+)$/.exec((await label.textContent()) ?? '')?.[1] ?? null);
    const shown = (n: number) => n.toLocaleString('en-US');
    await go('Last', new RegExp(`^Page ${shown(pages)} of ${shown(pages)}$`));
    expect(await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Next', exact: true }).count()).toBe(0);
    expect(Math.min(...(await nets()))).toBeLessThanOrEqual(Math.min(...second.nets));
    await go('Previous', new RegExp(`^Page ${shown(pages - 1)} of `));
    await page.close();
  });
});
