// CSV export of the detail table: what downloads is exactly what the table totals, and a viewer can
// neither see the link nor call the endpoint.
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, screenshot } from './helpers/browser';
import { bars, openDashboard, tableColumn, tile, transactionTotals, waitForCharts, waitUntil } from './helpers/dashboard';
import { storeByCode, tick } from './helpers/filters';
import { signedInContext, signInOnce } from './helpers/session';

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function daysBefore(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

describe('CSV export', () => {
  let browser: Browser;
  let analyst: BrowserContext;
  let viewer: BrowserContext;

  beforeAll(async () => {
    browser = await launchBrowser();
    analyst = await signedInContext(browser, await signInOnce(browser, 'analyst@retailwave.test'));
    viewer = await signedInContext(browser, await signInOnce(browser, 'viewer@retailwave.test'));
  });
  afterAll(() => browser?.close());

  it('an analyst exports a few days of one store: the file has the rows and net total of the table', async () => {
    const page = await analyst.newPage();
    await openDashboard(page, '/dashboards/sales');

    await page.locator('#date-preset').selectOption({ label: 'Custom range' });
    await page.waitForURL((url) => url.searchParams.has('from') && url.searchParams.has('to'));
    const to = new URL(page.url()).searchParams.get('to')!;
    const from = daysBefore(to, 4);
    await page.getByLabel('From').fill(from);
    await page.waitForURL((url) => url.searchParams.get('from') === from);
    await waitUntil(() => page.getByTestId('view-summary').textContent(), (s) => s?.startsWith(`${from} to ${to}`) ?? false, 'the five-day range in the header');

    // The store that sold most in those days, so the export has lines.
    await waitForCharts(page, 6);
    const [best] = await waitUntil(() => bars(tile(page, 'Top 10 stores')), (b) => b.length > 0, 'the top stores of the five days');
    const store = await storeByCode(page, best.key);
    await tick(page, 'Stores', store.checkbox, (url) => url.searchParams.get('stores') === store.code);
    await waitUntil(() => tableColumn(page, 'Store'), (cells) => cells.length > 0 && cells.every((c) => c === store.name), 'the table of one store');
    const totals = await transactionTotals(page);
    expect(totals.lines).toBeGreaterThan(0);
    await screenshot(page, 'export-narrowed-view');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toBe(`retailwave-transactions-${from}-to-${to}.csv`);
    const [header, ...rows] = parseCsv(await readFile((await download.path())!, 'utf8'));
    const column = (name: string) => {
      const index = header.indexOf(name);
      if (index < 0) throw new Error(`no ${name} column in ${header.join(',')}`);
      return rows.map((r) => r[index]);
    };
    expect(rows.length).toBe(totals.lines);
    expect(new Set(column('store_code'))).toEqual(new Set([store.code]));
    const netCents = column('net').reduce((sum, v) => sum + Math.round(Number(v) * 100), 0);
    expect(netCents).toBe(Math.round(totals.net * 100));
    await page.close();
  });

  it('a viewer sees no Export CSV link, and the endpoint answers 403', async () => {
    const page = await viewer.newPage();
    await openDashboard(page, '/dashboards/sales');
    await page.getByTestId('transactions-total').waitFor();
    expect(await page.getByTestId('export-csv').count()).toBe(0);
    const response = await viewer.request.get('/api/export?format=csv');
    expect(response.status()).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: expect.any(String) } });
    await page.close();
  });
});
