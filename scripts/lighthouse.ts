// npm run lighthouse -- [--url http://127.0.0.1:3000] [--email admin@retailwave.test] [--password P]
// Lighthouse (desktop preset) on every dashboard of a running portal, signed in: prints the performance,
// accessibility and best-practices scores per dashboard with the audits that cost points, and exits 1 when
// a score is under its bar (performance 0.90, accessibility 0.98, best practices 1.0). Drives the system
// Chromium (CHROMIUM_PATH, default /usr/bin/chromium); the session cookie travels as an extra header.
// Not part of `npm test`: scores depend on the machine it runs on.
// Lighthouse runs as its own command under plain Node: it sends functions to the page as source text,
// and the TypeScript loader this script runs under would add helpers to them that the page lacks.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { env } from '@/lib/env';
import { signInToPortal } from '@/lib/cli/portal-sign-in';

const DASHBOARDS = ['/dashboards/sales', '/dashboards/products', '/dashboards/customers', '/dashboards/live'];
const BARS = { performance: 0.9, accessibility: 0.98, 'best-practices': 1 } as const;
type Category = keyof typeof BARS;
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const LIGHTHOUSE = path.join(process.cwd(), 'node_modules', 'lighthouse', 'cli', 'index.js');

interface Report {
  runtimeError?: { code: string; message: string };
  categories: Record<Category, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, Audit>;
}

async function runLighthouse(url: string, cookie: string): Promise<Report> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      LIGHTHOUSE, url, '--preset=desktop', `--only-categories=${Object.keys(BARS).join(',')}`, '--output=json', '--output-path=stdout',
      '--quiet', `--chrome-flags=${CHROMIUM_FLAGS.join(' ')}`, `--extra-headers=${JSON.stringify({ Cookie: cookie })}`,
    ],
    { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH || '/usr/bin/chromium' }, maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as Report;
}

interface Audit {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  displayValue?: string;
}

/** The audits of a category that cost points: failed ones, and for performance the metrics under full marks. */
function costs(lhr: Report, category: Category): string[] {
  return lhr.categories[category].auditRefs
    .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
    .filter(({ ref, audit }) => ref.weight > 0 && audit.score !== null && audit.score < (category === 'performance' ? 0.9 : 1))
    .map(({ audit }) => `${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''} [${audit.score}]`);
}

async function main() {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: 'http://127.0.0.1:3000' },
      email: { type: 'string', default: 'admin@retailwave.test' },
      password: { type: 'string' },
    },
  });
  const settings = env();
  const password = values.password ?? settings.DEMO_PASSWORD ?? readFileSync(path.resolve(settings.DATA_DIR, 'demo-password'), 'utf8').trim();
  const cookie = await signInToPortal(values.url, values.email, password);
  let short = false;
  console.log(`Lighthouse (desktop preset) at ${values.url} as ${values.email}`);
  console.log(`${'dashboard'.padEnd(24)} ${'performance'.padStart(12)} ${'accessibility'.padStart(14)} ${'best practices'.padStart(15)}   TBT / LCP`);
  for (const dashboard of DASHBOARDS) {
    const lhr = await runLighthouse(new URL(dashboard, values.url).href, `${cookie.name}=${cookie.value}`);
    if (lhr.runtimeError) throw new Error(`${dashboard}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const score = (c: Category) => lhr.categories[c].score ?? 0;
    const timing = `${lhr.audits['total-blocking-time'].displayValue} / ${lhr.audits['largest-contentful-paint'].displayValue}`;
    console.log(
      `${dashboard.padEnd(24)} ${score('performance').toFixed(2).padStart(12)} ${score('accessibility').toFixed(2).padStart(14)} ${score('best-practices').toFixed(2).padStart(15)}   ${timing}`,
    );
    for (const category of Object.keys(BARS) as Category[]) {
      if (score(category) >= BARS[category]) continue;
      short = true;
      for (const line of costs(lhr, category)) console.log(`    ${category}: ${line}`);
    }
  }
  if (short) {
    console.log(`Under the bar (performance ${BARS.performance}, accessibility ${BARS.accessibility}, best practices ${BARS['best-practices']}).`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
