// npm run bench – the benchmark suite on real Postgres (BENCH_DATABASE_URL, default the local server's
// `retailwave_bench` database). Seeds the chosen size if needed, then measures side by side: the overview's
// data through our query layer (cold and warm), the same numbers the obvious way, the floor (a select 1
// round trip and a cache hit), the overview's time to first byte as served, and 50 users refreshing it
// at once, every page rendered by `next start` (also while sales arrive, and on one process as well as
// on the production count); and the live path: ingest → SSE latency under load, ingest throughput, SSE
// clients one server holds; and explorers on seeded random views (bench/explore.ts) with the same views the
// obvious way. Prints a table and writes bench/results/latest.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';

const BENCH_SECRET = 'bench-secret-bench-secret-bench-secret-01';
process.env.AUTH_SECRET ??= BENCH_SECRET;

async function main() {
  const { values } = parseArgs({
    options: {
      lines: { type: 'string', default: '1000000' },
      iterations: { type: 'string', default: '20' },
      users: { type: 'string', default: '50' },
      rounds: { type: 'string', default: '4' },
      'skip-http': { type: 'boolean', default: false },
      'skip-live': { type: 'boolean', default: false },
      'sse-clients': { type: 'string', default: '5000' },
      'live-seconds': { type: 'string', default: '15' },
      'skip-explore': { type: 'boolean', default: false },
      'explore-users': { type: 'string', default: '20' },
      'explore-seconds': { type: 'string', default: '60' },
      'explore-seed': { type: 'string', default: '1' },
      // The obvious way is slow at millions of lines: computed for a sample of each endpoint's views.
      'explore-obvious': { type: 'string', default: '10' },
      // Server processes for the HTTP measurements; default as in production (one per CPU on Postgres).
      processes: { type: 'string' },
    },
  });
  const lines = Number(values.lines);
  const iterations = Number(values.iterations);
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/retailwave_bench';

  const { sql } = await import('drizzle-orm');
  const { openDatabase, queryRows, installDatabaseHandle } = await import('@/db/client');
  const { ensureDemoUsers } = await import('@/lib/auth/demo-users');
  const { scopeFromSession } = await import('@/lib/auth/scope');
  const { newSessionClaims } = await import('@/lib/auth/session');
  const { addDays, todayIn } = await import('@/lib/calendar/days');
  const { progressBar } = await import('@/lib/cli/progress');
  const { needsBuild } = await import('@/lib/cli/build-freshness');
  const { serverProcessCount } = await import('@/lib/cli/serve-cluster');
  const { parseDashboardState } = await import('@/lib/filters/dashboard-state');
  const { scopeFilters } = await import('@/lib/auth/scoped-filters');
  const { processQueryCache } = await import('@/lib/cache/process-cache');
  const { describeDemoData, seedDemoData, DEFAULT_DEMO_SEED } = await import('@/lib/seed');
  const { summarize, time } = await import('../bench/stats');
  const { OVERVIEW_TILES, overviewTheObviousWay, overviewThroughQueryLayer } = await import('../bench/overview-data');
  const { benchUserCookies, fanoutUserCookies, getPage, sessionCookie, measureConcurrentUsers, startServer, stopServer } = await import('../bench/http-load');
  const { loadLiveWorld, measureIngestThroughput, measureLiveLatency, measureSseFanout, whileSalesArrive } = await import('../bench/live-path');
  const { timePageInBrowser } = await import('../bench/page-in-browser');
  const { runExploration } = await import('../bench/explore');
  const { printExploreSummary, summarizeExploration } = await import('../bench/explore-report');

  // The database: create it if missing, migrate, seed the requested size if it differs.
  const target = new URL(url);
  const admin = await openDatabase({ url: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  const name = target.pathname.slice(1);
  const exists = await queryRows(admin.db, sql`select 1 from pg_database where datname = ${name}`);
  if (exists.length === 0) await admin.db.execute(sql.raw(`create database "${name.replace(/"/g, '')}"`));
  await admin.close();
  const handle = await openDatabase({ url });
  await handle.migrate();
  installDatabaseHandle(handle);
  const db = handle.db;
  const today = todayIn('UTC');
  const dataset = await describeDemoData(db);
  let seedSeconds: number | null = null;
  if (!dataset || dataset.lines !== lines) {
    console.log(`Seeding ${lines.toLocaleString('en-US')} lines into ${name}…`);
    const started = performance.now();
    let bar: ReturnType<typeof progressBar> | undefined;
    await seedDemoData(db, {
      lines, seed: DEFAULT_DEMO_SEED, now: new Date(), timeZone: 'UTC',
      onProgress: (done, total, note) => { bar ??= progressBar('seed', total); bar.update(done, note); },
    });
    bar?.finish();
    seedSeconds = (performance.now() - started) / 1000;
  }
  // Earlier runs' live path leaves dead rows (claimed bronze events, upserted rollups). Autovacuum clears
  // them on a server that runs it (it may be off, as on the bench machine); measure a maintained database.
  const { ROLLUP_TABLES } = await import('@/lib/etl/rollups/maintain-rollups');
  const churned = ['bronze.events', 'bronze.ingest_batches', 'app.change_log', 'app.data_versions', ...ROLLUP_TABLES.map((t) => `gold.${t}`)];
  const vacuumStarted = performance.now();
  await db.execute(sql.raw(`vacuum (analyze) ${churned.join(', ')}`));
  console.log(`Vacuumed ${churned.length} tables in ${((performance.now() - vacuumStarted) / 1000).toFixed(1)} s.`);
  const [{ n: facts }] = await queryRows<{ n: number }>(db, sql`select count(*)::float8 as n from gold.fact_sales`);
  await ensureDemoUsers(db, { password: 'bench-password' });
  const [adminUser] = await queryRows<{ id: string; session_version: number }>(db, sql`select id, session_version from app.users where email = 'admin@retailwave.test'`);
  const scoped = await scopeFromSession(newSessionClaims({ sub: adminUser.id, sv: adminUser.session_version }));
  if (!scoped.ok) throw new Error('no admin scope');
  const scope = scoped.scope;

  // Each cold iteration asks for a different window (30 days unless said), so our cache is never reused.
  const filtersFor = (i: number, days = 30) => {
    const to = addDays(today, -i * 3);
    return scopeFilters(parseDashboardState(new URLSearchParams({ from: addDays(to, -(days - 1)), to })), scope, { timeZone: 'UTC' });
  };
  console.log(`Measuring on ${facts.toLocaleString('en-US')} sale lines (${iterations} iterations each)…`);
  const results: Record<string, ReturnType<typeof summarize>> = {};
  const details: Record<string, unknown> = {};
  let explore: ReturnType<typeof summarizeExploration> | null = null;
  let exploreAnswers: unknown[] = [];
  results['floor: select 1'] = summarize(await time(iterations * 5, () => db.execute(sql`select 1`)));
  const cache = processQueryCache();
  await cache.cache.set('bench:probe', '{"ok":true}', 60);
  results['floor: cache hit'] = summarize(await time(iterations * 5, () => cache.cache.get('bench:probe')));
  // A running server's pool is open and each connection has read every table once (Postgres caches the
  // catalog per connection): warm it so, on windows measured nowhere below, not to time connecting.
  await Promise.all(Array.from({ length: 10 }, (_, i) => overviewThroughQueryLayer(db, scope, filtersFor(200 + i))));
  results['ours, cold (all tiles)'] = summarize(await time(iterations, (i) => overviewThroughQueryLayer(db, scope, filtersFor(i))));
  results['ours, cold (all tiles, 365 days)'] = summarize(await time(iterations, (i) => overviewThroughQueryLayer(db, scope, filtersFor(100 + i, 365))));
  // Warm reads cost a fraction of a millisecond: ten times the samples, so one scheduling hiccup is not the p95.
  results['ours, warm (all tiles)'] = summarize(await time(iterations * 10, (i) => overviewThroughQueryLayer(db, scope, filtersFor(i % iterations))));
  // Which tile the cold figure waits for: each alone, cold, on windows the runs above did not ask for.
  const coldTiles: Record<string, number> = {};
  for (const [tile, read] of Object.entries(OVERVIEW_TILES)) {
    coldTiles[tile] = summarize(await time(iterations, (i) => read(db, scope, filtersFor(i + 2 * iterations)))).p50;
  }
  details['cold p50 ms per tile, alone'] = coldTiles;
  results['obvious (all tiles)'] = summarize(await time(Math.max(3, Math.ceil(iterations / 4)), (i) => overviewTheObviousWay(db, filtersFor(i + iterations))));

  if (!values['skip-http']) {
    if (needsBuild()) {
      console.log('Building the portal for the HTTP measurements…');
      const build = spawnSync('node_modules/.bin/next', ['build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' } });
      if (build.status !== 0) throw new Error('build failed');
    }
    const port = 3900 + Math.floor(Math.random() * 90);
    // Several ingest keys: the per-key rate limit (600 requests/min) would otherwise cap the load we offer.
    const keys = Array.from({ length: 8 }, (_, k) => `bench-ingest-key-${k}-0123456789`);
    const processes = values.processes ? Number(values.processes) : serverProcessCount({ DATABASE_URL: url, WEB_CONCURRENCY: undefined });
    details.serverProcesses = processes;
    const cookie = await sessionCookie(adminUser, process.env.AUTH_SECRET!);
    const users = Number(values.users);
    const rounds = Number(values.rounds);
    const userCookies = await benchUserCookies(db, users, process.env.AUTH_SECRET!);
    const serverEnv = (at: number, extra: Record<string, string>) => ({
      DATABASE_URL: url, AUTH_SECRET: process.env.AUTH_SECRET, NEXTAUTH_URL: `http://127.0.0.1:${at}`, INGEST_API_KEYS: keys.join(','),
      // the bench offers its own sales at known rates: the demo's live stream would add some and evict cached pages
      WEB_CONCURRENCY: String(processes), DEMO_LIVE: '0', ...extra,
    });
    const pageOn = (at: number) => `http://127.0.0.1:${at}/dashboards/sales`;
    /** The same user loading the overview again and again, one request at a time. */
    const warmPage = async (page: string) => {
      await getPage(page, cookie); // warms the server's own caches
      const warm = [];
      for (let i = 0; i < iterations; i++) warm.push(await getPage(page, cookie));
      if (warm.some((t) => t.status !== 200)) throw new Error(`overview answered ${warm.find((t) => t.status !== 200)?.status}`);
      return warm;
    };
    const usersLoad = async (label: string, page: string, pacing: { rounds: number; pauseMs: number } = { rounds, pauseMs: 0 }) => {
      console.log(`${users} users refreshing the overview: ${label}…`);
      const load = await measureConcurrentUsers(page, userCookies, pacing.rounds, { pauseMs: pacing.pauseMs });
      results[`${users} users, ${label}`] = summarize(load.map((t) => t.totalMs));
    };

    // As served: `next start` on the production number of processes.
    const server = await startServer(port, serverEnv(port, {}));
    try {
      const page = pageOn(port);
      const warm = await warmPage(page);
      results['overview page, first byte (warm)'] = summarize(warm.map((t) => t.firstByteMs));
      results['overview page, complete (warm)'] = summarize(warm.map((t) => t.totalMs));
      // In Chromium: first byte and all six charts drawn, for views never asked before and for a repeated one.
      const sessionToken = { name: 'next-auth.session-token', value: cookie.slice('next-auth.session-token='.length) };
      const base = `http://127.0.0.1:${port}`;
      const coldView = (i: number) => {
        const to = addDays(today, -200 - i * 3);
        return `/dashboards/sales?from=${addDays(to, -29)}&to=${to}`;
      };
      console.log('Opening the overview in Chromium…');
      const cold = await timePageInBrowser(base, sessionToken, coldView, { iterations: Math.min(iterations, 10), charts: 6 });
      const warmView = await timePageInBrowser(base, sessionToken, () => '/dashboards/sales', { iterations: Math.min(iterations, 10), charts: 6 });
      results['overview in Chromium, first byte (cold)'] = summarize(cold.firstByteMs);
      results['overview in Chromium, charts drawn (cold)'] = summarize(cold.chartsVisibleMs);
      results['overview in Chromium, first byte (warm)'] = summarize(warmView.firstByteMs);
      results['overview in Chromium, charts drawn (warm)'] = summarize(warmView.chartsVisibleMs);
      details.overviewJavaScript = cold.script;

      await usersLoad('every page rendered', page);

      if (!values['skip-explore']) {
        const exploration = await runExploration(db, {
          baseUrl: `http://127.0.0.1:${port}`, serverPid: server.pid!, secret: process.env.AUTH_SECRET!, ingestKeys: keys, adminCookie: cookie,
          users: Number(values['explore-users']), seconds: Number(values['explore-seconds']), seed: Number(values['explore-seed']),
          obviousPerKind: Number(values['explore-obvious']),
        });
        explore = summarizeExploration(exploration);
        exploreAnswers = exploration.run.samples;
      }

      if (!values['skip-live']) {
        const world = await loadLiveWorld(db, { baseUrl: `http://127.0.0.1:${port}`, cookie, keys });
        // Every sale changes one region: the cached query answers of that region's teams go stale.
        // Each user refreshes once a second for ten seconds, so the load outlasts ten sales.
        await whileSalesArrive(world, 1_000, () => usersLoad('every page rendered, a sale every second', page, { rounds: 10, pauseMs: 1_000 }));
        const seconds = Number(values['live-seconds']);
        for (const rate of [100, 2_000]) {
          console.log(`Live: ingest → SSE latency under ${rate} events/s for ${seconds} s…`);
          const run = await measureLiveLatency(world, rate, seconds);
          results[`live: ingest → SSE @ ${rate}/s`] = summarize(run.latenciesMs);
          details[`latency@${rate}`] = { offeredPerSecond: run.offeredPerSecond, acceptedPerSecond: run.acceptedPerSecond, refusedBatches: run.refusedBatches };
        }
        console.log('Live: ingest throughput (4 producers, batches of 1,000)…');
        details.throughput = await measureIngestThroughput(db, world, { seconds, concurrency: 4, batchSize: 1_000 });
        const clients = Number(values['sse-clients']);
        console.log(`Live: ${clients.toLocaleString('en-US')} SSE clients on one server…`);
        const { STREAMS_PER_HOLDER } = await import('@/lib/realtime/stream-leases');
        const people = await fanoutUserCookies(db, Math.ceil(clients / STREAMS_PER_HOLDER), process.env.AUTH_SECRET!);
        const fanout = await measureSseFanout(world, server.pid!, clients, people, STREAMS_PER_HOLDER);
        results[`live: one change to ${clients} SSE clients`] = summarize(fanout.deliveryMs);
        details.fanout = { clients: fanout.clients, connectSeconds: fanout.connectSeconds, rssMbIdle: fanout.rssMbIdle, rssMbConnected: fanout.rssMbConnected };
      }
    } finally {
      stopServer(server);
    }

    // The same load on one process: what a core renders.
    if (processes > 1) {
      const at = port + 1;
      const single = await startServer(at, serverEnv(at, { WEB_CONCURRENCY: '1' }));
      try {
        await usersLoad('every page rendered, 1 process', pageOn(at));
      } finally {
        stopServer(single);
      }
    }
  }
  await handle.close();

  const floor = results['floor: select 1'].p95;
  const obvious = results['obvious (all tiles)'].p95;
  console.log(`\n${'measurement'.padEnd(42)} ${'n'.padStart(5)} ${'p50 ms'.padStart(9)} ${'p95 ms'.padStart(9)} ${'p99 ms'.padStart(9)} ${'÷ obvious'.padStart(10)} ${'÷ floor'.padStart(9)}`);
  for (const [label, s] of Object.entries(results)) {
    const ratio = (d: number) => (label.startsWith('ours') ? (s.p95 / d).toFixed(3) : '');
    console.log(`${label.padEnd(42)} ${String(s.n).padStart(5)} ${s.p50.toFixed(2).padStart(9)} ${s.p95.toFixed(2).padStart(9)} ${s.p99.toFixed(2).padStart(9)} ${ratio(obvious).padStart(10)} ${ratio(floor).padStart(9)}`);
  }
  const out = path.join(process.cwd(), 'bench', 'results', 'latest.json');
  mkdirSync(path.dirname(out), { recursive: true });
  for (const [label, figures] of Object.entries(details)) console.log(`${label.padEnd(42)} ${JSON.stringify(figures, (_k, v) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v))}`);
  if (explore) {
    printExploreSummary(explore);
    // Every answer of the exploration, to see which views were slow.
    writeFileSync(path.join(path.dirname(out), 'explore-answers.json'), JSON.stringify(exploreAnswers));
  }
  writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), database: name, lines: facts, seedSeconds, results, details, explore }, null, 2));
  console.log(`\nWritten to ${path.relative(process.cwd(), out)}${seedSeconds ? `; seeding took ${seedSeconds.toFixed(1)} s` : ''}.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
