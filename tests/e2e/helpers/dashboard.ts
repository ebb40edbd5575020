// Reading and driving the dashboards the way a person does: tiles found by their titles, Plotly bars
// and treemap tiles found by what they show and clicked where they are drawn, figures read as numbers.
import type { Locator, Page, Response } from 'playwright-core';
import { screenshot } from './browser';

/** A chart or table card, found by its heading. */
export function tile(page: Page, title: string | RegExp): Locator {
  return page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: title, exact: typeof title === 'string' }) });
}

/**
 * Opens a dashboard and waits until its heading shows. React reveals streamed content a moment after
 * the load event (it arrives in a hidden container first), so "loaded" is not yet "visible".
 */
export async function openDashboard(page: Page, url: string): Promise<Response | null> {
  const response = await page.goto(url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return response;
}

/** Polls `read` until `accept` holds, failing with the last value seen (Plotly and streamed tiles settle on their own time). */
export async function waitUntil<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}

/**
 * Waits until `count` Plotly charts have drawn (each has its SVG), i.e. the lazy islands have loaded.
 * On a timeout it saves a screenshot and says what the page showed instead (a skeleton, an error tile).
 */
export async function waitForCharts(page: Page, count: number): Promise<void> {
  try {
    // Charts draw when they come near the screen: scroll to the first one not drawn yet, as a reader would.
    await page.waitForFunction(
      (n) => {
        const waiting = [...document.querySelectorAll('[data-chart-box]')].find((box) => !box.querySelector('svg.main-svg'));
        waiting?.scrollIntoView({ block: 'center' });
        const plots = [...document.querySelectorAll('.js-plotly-plot')];
        return plots.length >= n && plots.every((p) => p.querySelector('svg.main-svg'));
      },
      count,
      { timeout: 30_000 },
    );
  } catch (error) {
    const name = `failed-charts-${new URL(page.url()).pathname.replaceAll('/', '-')}-${Date.now()}`;
    await screenshot(page, name).catch(() => undefined);
    const shown = await page
      .evaluate(() => ({
        url: location.href,
        plots: document.querySelectorAll('.js-plotly-plot').length,
        headings: [...document.querySelectorAll('h1, h2')].map((h) => h.textContent),
        alerts: [...document.querySelectorAll('[role="alert"]')].map((a) => a.textContent).filter(Boolean),
      }))
      .catch(() => null);
    throw new Error(`${count} charts did not draw (screenshot ${name}.png); the page showed ${JSON.stringify(shown)}`, { cause: error });
  }
}

/** Titles of the cards that hold a drawn Plotly chart, top to bottom. */
export function chartTitles(page: Page): Promise<string[]> {
  return page.locator('.js-plotly-plot').evaluateAll((plots) => plots.map((p) => p.closest('section')?.querySelector('h2')?.textContent ?? ''));
}

/** "$45,795.87", "1,392", "33.8%" → the number shown. */
export function parseFigure(text: string | null): number {
  const cleaned = (text ?? '').replace(/[$,%\s]/g, '');
  const value = Number(cleaned);
  if (cleaned === '' || !Number.isFinite(value)) throw new Error(`not a number: ${JSON.stringify(text)}`);
  return value;
}

export async function kpiValue(page: Page, kpi: string): Promise<number> {
  return parseFigure(await page.getByTestId(`kpi-${kpi}`).getByTestId('kpi-value').textContent());
}

/** The detail table's title count and its total row (lines and net). */
export async function transactionTotals(page: Page): Promise<{ titleCount: number; lines: number; net: number }> {
  const title = await tile(page, /^Transaction lines/).getByRole('heading', { level: 2 }).textContent();
  const total = page.getByTestId('transactions-total');
  const label = await total.locator('td').first().textContent();
  return {
    titleCount: parseFigure(title?.match(/\(([\d,]+)\)/)?.[1] ?? null),
    lines: parseFigure(label?.match(/all ([\d,]+) lines/)?.[1] ?? null),
    net: parseFigure(await total.locator('td').last().textContent()),
  };
}

/** One column of the detail table's visible page, by its header. */
export async function tableColumn(page: Page, header: string): Promise<string[]> {
  const table = page.getByTestId('transactions-table');
  const headers = (await table.locator('thead th').allTextContents()).map((h) => h.replace(/[↑↓]/g, '').trim());
  const index = headers.indexOf(header);
  if (index < 0) throw new Error(`no column ${header} in ${headers.join(', ')}`);
  return table.locator(`tbody tr td:nth-child(${index + 1})`).allTextContents();
}

export interface PlotItem {
  /** What a click reports (the figure's customdata): a category, a store code, a drill path. */
  key: string;
  /** What the chart shows for it. */
  label: string;
  /** The legend entry it belongs to (a store's region), when the chart has one. */
  group?: string;
}

/** The bars of a tile's bar chart, in drawing order, with their keys and labels. */
export function bars(chart: Locator): Promise<PlotItem[]> {
  return chart.locator('.barlayer .point path').evaluateAll((paths) =>
    paths.map((path) => {
      type Trace = { index: number };
      type Plot = HTMLElement & { data: { customdata: string[]; text: string[]; name?: string; showlegend?: boolean }[] };
      const point = (path as unknown as { __data__: { i: number } }).__data__;
      const trace = (path.closest('.trace') as unknown as { __data__: { trace: Trace }[] }).__data__[0].trace;
      const data = (path.closest('.js-plotly-plot') as Plot).data[trace.index];
      return { key: String(data.customdata[point.i]), label: String(data.text[point.i]), group: data.showlegend ? data.name : undefined };
    }),
  );
}

/** The tiles of a tile's treemap, in drawing order (the frame around them first). */
export function treemapTiles(chart: Locator): Promise<PlotItem[]> {
  return chart.locator('.treemaplayer .slice').evaluateAll((slices) =>
    slices.map((slice) => {
      type Plot = HTMLElement & { data: { customdata: (string | null)[]; labels: string[] }[] };
      const i = (slice as unknown as { __data__: { data: { data: { i: number } } } }).__data__.data.data.i;
      const data = (slice.closest('.js-plotly-plot') as Plot).data[0];
      return { key: String(data.customdata[i] ?? ''), label: data.labels[i] };
    }),
  );
}

/**
 * Clicks the bar with this key where it is drawn on screen. Plotly listens on the drag layer above the
 * bars, so the click goes to that point (force) rather than to the path element itself.
 */
export async function clickBar(chart: Locator, key: string, options: { additive?: boolean } = {}): Promise<void> {
  const index = (await bars(chart)).findIndex((b) => b.key === key);
  if (index < 0) throw new Error(`no bar with key ${key}`);
  await chart.locator('.barlayer .point path').nth(index).click({ force: true, modifiers: options.additive ? ['Shift'] : [] });
}

export async function clickTreemapTile(chart: Locator, label: string): Promise<void> {
  const index = (await treemapTiles(chart)).findIndex((t) => t.label === label);
  if (index < 0) throw new Error(`no treemap tile ${label}`);
  await chart.locator('.treemaplayer .slice').nth(index).click({ force: true });
}

/** The query parameter of the page's URL, decoded ('' when absent). */
export function param(page: Page, name: string): string {
  return new URL(page.url()).searchParams.get(name) ?? '';
}
