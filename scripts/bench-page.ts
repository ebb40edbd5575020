// npm run bench:page -- [--url http://127.0.0.1:3000] [--email admin@retailwave.test] [--password P] [--iterations N]
// Times the Sales overview in Chromium against a running portal (the demo on PGlite, or any deployment):
// first byte and all charts drawn, for views never asked before (cold) and for a repeated one (warm).
// Signs in through the credentials endpoint; the password defaults to DEMO_PASSWORD or DATA_DIR/demo-password.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { addDays, todayIn } from '@/lib/calendar/days';
import { env } from '@/lib/env';
import { signInToPortal } from '@/lib/cli/portal-sign-in';
import { summarize } from '../bench/stats';
import { timePageInBrowser } from '../bench/page-in-browser';

async function main() {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: 'http://127.0.0.1:3000' },
      email: { type: 'string', default: 'admin@retailwave.test' },
      password: { type: 'string' },
      iterations: { type: 'string', default: '10' },
      charts: { type: 'string', default: '6' },
    },
  });
  const settings = env();
  const password = values.password ?? settings.DEMO_PASSWORD ?? readFileSync(path.resolve(settings.DATA_DIR, 'demo-password'), 'utf8').trim();
  const cookie = await signInToPortal(values.url, values.email, password);
  const today = todayIn(settings.REPORTING_TIME_ZONE);
  const options = { iterations: Number(values.iterations), charts: Number(values.charts) };
  // Ranges this run has not asked before: offset by the clock, so a second run is cold too.
  const offset = Math.floor(Date.now() / 60_000) % 200;
  const cold = await timePageInBrowser(values.url, cookie, (i) => {
    const to = addDays(today, -offset - i * 2);
    return `/dashboards/sales?from=${addDays(to, -29)}&to=${to}`;
  }, options);
  const warm = await timePageInBrowser(values.url, cookie, () => '/dashboards/sales', options);
  const rows: [string, number[]][] = [
    ['first byte (cold)', cold.firstByteMs], ['charts drawn (cold)', cold.chartsVisibleMs],
    ['first byte (warm)', warm.firstByteMs], ['charts drawn (warm)', warm.chartsVisibleMs],
  ];
  console.log(`Sales overview at ${values.url} in Chromium, ${options.iterations} loads each`);
  console.log(`${'measurement'.padEnd(22)} ${'p50 ms'.padStart(9)} ${'p95 ms'.padStart(9)}`);
  for (const [label, samples] of rows) {
    const s = summarize(samples);
    console.log(`${label.padEnd(22)} ${s.p50.toFixed(0).padStart(9)} ${s.p95.toFixed(0).padStart(9)}`);
  }
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  console.log(`JavaScript of the page, charts included: ${kb(cold.script.sentBytes)} sent, ${kb(cold.script.runBytes)} uncompressed`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
