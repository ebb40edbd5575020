// The overview as a person gets it: Chromium opens the page and we read, from the browser's own
// navigation timing, the time to first byte and the time until every chart has drawn. "Cold" asks for a
// date range no one asked for before (no cached answer); "warm" reopens the same view.
import { chromium, type BrowserContext } from 'playwright-core';

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export interface PageInBrowser {
  firstByteMs: number[];
  chartsVisibleMs: number[];
  /** JavaScript the first load fetched (chart bundle included), as sent (compressed) and as run. */
  script: { sentBytes: number; runBytes: number };
}

/** Loads `pathFor(i)` `iterations` times in one browser and times each load; the overview draws `charts` charts. */
export async function timePageInBrowser(
  baseUrl: string,
  cookie: { name: string; value: string },
  pathFor: (i: number) => string,
  options: { iterations: number; charts: number },
): Promise<PageInBrowser> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const context: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ ...cookie, url: baseUrl }]);
    const page = await context.newPage();
    const result: PageInBrowser = { firstByteMs: [], chartsVisibleMs: [], script: { sentBytes: 0, runBytes: 0 } };
    // A first load fetches and compiles the chart bundle (not counted, and of a view not measured after):
    // the measured loads use the browser cache as a returning user's would.
    for (let i = -1; i < options.iterations; i++) {
      await page.goto(new URL(pathFor(i < 0 ? options.iterations : i), baseUrl).toString(), { waitUntil: 'commit' });
      await page.waitForFunction(
        (n) => {
          // charts draw as they come near the screen: scroll on to the first one not drawn, as a reader would
          [...document.querySelectorAll('[data-chart-box]')].find((box) => !box.querySelector('svg.main-svg'))?.scrollIntoView({ block: 'center' });
          const plots = [...document.querySelectorAll('.js-plotly-plot')];
          return plots.length >= n && plots.every((p) => p.querySelector('svg.main-svg'));
        },
        options.charts,
        { timeout: 60_000, polling: 16 },
      );
      const timing = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return { firstByte: nav.responseStart - nav.startTime, visible: performance.now() - nav.startTime };
      });
      if (i < 0) {
        result.script = await page.evaluate(() =>
          (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
            .filter((r) => new URL(r.name).pathname.endsWith('.js'))
            .reduce((sum, r) => ({ sentBytes: sum.sentBytes + r.encodedBodySize, runBytes: sum.runBytes + r.decodedBodySize }), { sentBytes: 0, runBytes: 0 }),
        );
        continue;
      }
      result.firstByteMs.push(timing.firstByte);
      result.chartsVisibleMs.push(timing.visible);
    }
    return result;
  } finally {
    await browser.close();
  }
}
