// npm start – the whole portal on one machine: migrate, seed the demo data if the database is empty (or,
// with DEMO_LIVE on, add the demo's sales since it last ran), build if the sources changed since the last
// build, then serve with `next start` (one process per CPU on Postgres, see lib/cli/serve-cluster.ts; each
// keeps the demo selling, lib/seed/live-demo.ts) and print how to sign in.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { needsBuild } from '@/lib/cli/build-freshness';
import { openConfiguredDatabase } from '@/lib/cli/open-database';
import { progressBar, type Progress } from '@/lib/cli/progress';
import { serveCluster, serverProcessCount } from '@/lib/cli/serve-cluster';
import { ensureDemoUsers, DEMO_USERS } from '@/lib/auth/demo-users';
import type { Database } from '@/db/client';
import { env } from '@/lib/env';
import { DEFAULT_DEMO_LINES, DEFAULT_DEMO_SEED, describeDemoData, hasDemoData, seedDemoData } from '@/lib/seed';
import { extendDemoData } from '@/lib/seed/live-demo';

/** A gap shorter than this is left to the server's live stream. */
const CATCH_UP_AFTER_MS = 60_000;

async function prepareDatabase(): Promise<void> {
  const settings = env();
  const handle = await openConfiguredDatabase();
  try {
    if (!(await hasDemoData(handle.db))) {
      console.log(`Seeding the demo dataset (${DEFAULT_DEMO_LINES.toLocaleString('en-US')} sale lines over two years)…`);
      let bar: Progress | undefined;
      const result = await seedDemoData(handle.db, {
        lines: DEFAULT_DEMO_LINES,
        seed: DEFAULT_DEMO_SEED,
        now: new Date(),
        timeZone: settings.REPORTING_TIME_ZONE,
        onProgress: (done, total, note) => {
          bar ??= progressBar('seed', total);
          bar.update(done, note);
        },
      });
      bar?.finish(`${result.lines.toLocaleString('en-US')} lines`);
    } else if (settings.DEMO_LIVE) {
      await catchUpDemoSales(handle.db, settings.REPORTING_TIME_ZONE);
    }
    const demo = await ensureDemoUsers(handle.db, { password: settings.DEMO_PASSWORD });
    if (demo.generatedPassword) {
      const file = path.resolve(settings.DATA_DIR, 'demo-password');
      writeFileSync(file, `${demo.generatedPassword}\n`, { mode: 0o600 });
      console.log(`\nDemo password (generated once, also saved in ${file}): ${demo.generatedPassword}`);
    }
  } finally {
    await handle.close();
  }
}

/** The demo's sales since it last ran (the portal was stopped), through ingest and the ETL, before serving. */
async function catchUpDemoSales(db: Database, timeZone: string): Promise<void> {
  const dataset = await describeDemoData(db);
  const now = new Date();
  if (!dataset || now.getTime() - dataset.salesUntil.getTime() < CATCH_UP_AFTER_MS) return;
  const hours = (now.getTime() - dataset.salesUntil.getTime()) / 3_600_000;
  const gap = hours >= 48 ? `${Math.round(hours / 24)} days` : `${Math.max(1, Math.round(hours))} hour${Math.round(hours) === 1 ? '' : 's'}`;
  console.log(`Adding the demo's sales since it last ran (${gap} ago, ${dataset.salesUntil.toISOString()}); DEMO_LIVE=0 skips this…`);
  const bar = progressBar('catch-up', 100);
  const extended = await extendDemoData(db, { now, timeZone, onProgress: (done, _total, note) => bar.update(done, note) });
  bar.finish(extended && extended !== 'busy' ? `${extended.added.events.toLocaleString('en-US')} sale lines` : 'left to the running portal');
}

async function waitUntilHealthy(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

async function main() {
  const settings = env();
  await prepareDatabase();
  if (needsBuild()) {
    console.log('Building the portal (first start or sources changed)…');
    const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const url = `http://localhost:${settings.PORT}`;
  const processes = serverProcessCount(settings);
  const served = serveCluster({
    port: settings.PORT,
    processes,
    env: { ...process.env, NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? url },
  });
  served.then((code) => process.exit(code));
  if (await waitUntilHealthy(url, 120_000)) {
    const password = settings.DEMO_PASSWORD ? 'DEMO_PASSWORD' : `the demo password (see ${path.resolve(settings.DATA_DIR, 'demo-password')})`;
    console.log(`\nRetailWave is running at ${url} (${processes} server process${processes === 1 ? '' : 'es'})`);
    console.log(`Sign in with ${password} as:`);
    for (const u of DEMO_USERS) console.log(`  ${u.email.padEnd(32)} ${u.role.padEnd(8)} ${u.regions.join(', ')}`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
