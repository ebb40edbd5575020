// The random-view section of `npm run bench`: explorers on seeded random views against the running portal
// while sales arrive at 500 events/s, with the floor before, the server's memory during, ingest → SSE
// latency alongside, and a sample of the same views computed the obvious way afterwards.
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { textArray } from '@/db/sql';
import { DEMO_USERS } from '@/lib/auth/demo-users';
import { progressBar } from '@/lib/cli/progress';
import type { BreakdownDimension } from '@/lib/queries/get-breakdown';
import { explore, parseCacheTiming, sampleRequests, timeRequest, type ExploreRun, type ExploreSample, type Explorer } from './explore-load';
import { getPage, sessionCookie } from './http-load';
import { loadLiveWorld, measureLiveLatency, processGroupRssMb, type LatencyRun } from './live-path';
import { obviousCustomersPage, obviousProductsPage, obviousSalesPage } from './obvious-pages';
import { obviousBreakdown, obviousKpis, obviousTransactions } from './obvious-views';
import { explorerAccount, loadViewCatalog, type EndpointKind } from './random-views';
import { time } from './stats';

export const EXPLORE_INGEST_PER_SECOND = 500;

export interface ExploreSettings {
  baseUrl: string;
  /** The server's process group: every process of the cluster. */
  serverPid: number;
  secret: string;
  ingestKeys: string[];
  /** A session that sees every region, for the SSE probe. */
  adminCookie: string;
  users: number;
  seconds: number;
  seed: number;
  obviousPerKind: number;
}

export interface Exploration {
  settings: Omit<ExploreSettings, 'secret' | 'ingestKeys' | 'adminCookie' | 'serverPid'>;
  floor: { selectOneMs: number[]; healthMs: number[] };
  run: ExploreRun;
  live: LatencyRun | { error: string };
  rssMb: { idle: number; during: number[] };
  comparison: Map<EndpointKind, Comparison>;
}

/** A sample of one endpoint's views, each asked of the portal alone and then computed the obvious way. */
export interface Comparison {
  oursMs: number[];
  obviousMs: number[];
  /** Our answers other than 200 or with a failed tile, and API answers the query cache served (a view asked during the exploration). */
  oursNotOk: number;
  oursCacheHits: number;
}

async function explorersFor(db: Database, count: number, secret: string): Promise<Explorer[]> {
  const accounts = await queryRows<{ email: string; id: string; session_version: number }>(
    db,
    sql`select email, id, session_version from app.users where email = any(${textArray(DEMO_USERS.map((u) => u.email))})`,
  );
  const cookies = new Map(await Promise.all(accounts.map(async (a) => [a.email, await sessionCookie(a, secret)] as const)));
  return Array.from({ length: count }, (_, i) => {
    const account = explorerAccount(i);
    return { cookie: cookies.get(account.email)!, regions: account.regions };
  });
}

function obviousAnswer(db: Database, sample: ExploreSample, regionsInScope: readonly string[]): Promise<unknown> {
  const { kind, view } = sample.request;
  const filter = { view, regionsInScope };
  if (kind === 'kpis') return obviousKpis(db, filter);
  if (kind === 'transactions') return obviousTransactions(db, filter, sample.request);
  if (kind === 'page:sales') return obviousSalesPage(db, filter);
  if (kind === 'page:products') return obviousProductsPage(db, filter);
  if (kind === 'page:customers') return obviousCustomersPage(db, filter);
  return obviousBreakdown(db, filter, kind.slice('breakdown:'.length) as BreakdownDimension);
}

/**
 * Ours and the obvious way on the same views, on an otherwise idle portal, one request at a time. The views
 * are the explorers' earliest. Sales that arrived since advanced the current month's data versions only,
 * so a view of earlier months may still be in our cache: such an answer (Server-Timing says so for the
 * APIs) is counted as a cache hit and left out of both timings, which compare computed answers only.
 */
async function compareWithObvious(
  db: Database, baseUrl: string, explorers: readonly Explorer[], chosen: Map<EndpointKind, ExploreSample[]>, perKind: number,
): Promise<Map<EndpointKind, Comparison>> {
  const total = [...chosen.values()].reduce((n, list) => n + list.length, 0);
  console.log(`Explore: ${total} of the same views alone, ours and the obvious way (up to ${perKind} per endpoint)…`);
  const bar = progressBar('obvious', total);
  const comparison = new Map<EndpointKind, Comparison>();
  let done = 0;
  for (const [kind, samples] of chosen) {
    const figures: Comparison = { oursMs: [], obviousMs: [], oursNotOk: 0, oursCacheHits: 0 };
    for (const sample of samples) {
      const explorer = explorers[sample.explorer]!;
      const ours = await timeRequest(baseUrl, sample.request.path, explorer.cookie);
      const hits = parseCacheTiming(ours.serverTiming)?.hits ?? 0;
      if (ours.status !== 200 || ours.failedBoundaries) figures.oursNotOk++;
      figures.oursCacheHits += hits;
      bar.update(++done, kind);
      if (ours.status !== 200 || hits > 0) continue;
      figures.oursMs.push(ours.totalMs);
      const started = performance.now();
      await obviousAnswer(db, sample, explorer.regions);
      figures.obviousMs.push(performance.now() - started);
    }
    comparison.set(kind, figures);
  }
  bar.finish();
  return comparison;
}

/** Waits until the ETL worker has loaded every event that arrived, so the comparison runs on an idle portal. */
async function drained(db: Database): Promise<void> {
  const deadline = performance.now() + 120_000;
  while (performance.now() < deadline) {
    const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from bronze.events where processed_at is null`);
    if (row!.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  console.log('Explore: the worker still had events to load after 2 minutes; comparing anyway.');
}

export async function runExploration(db: Database, settings: ExploreSettings): Promise<Exploration> {
  const { baseUrl, serverPid, users, seconds, seed, obviousPerKind } = settings;
  const catalog = await loadViewCatalog(db);
  const explorers = await explorersFor(db, users, settings.secret);

  console.log('Explore: the floor (select 1, GET /api/health)…');
  const selectOneMs = await time(50, () => db.execute(sql`select 1`));
  const healthMs = await time(50, async () => {
    const answer = await getPage(`${baseUrl}/api/health`, '');
    if (answer.status !== 200) throw new Error(`/api/health answered ${answer.status}`);
  });

  console.log(`Explore: ${users} explorers on random views (seed ${seed}) for ${seconds} s, sales arriving at ${EXPLORE_INGEST_PER_SECOND}/s…`);
  const world = await loadLiveWorld(db, { baseUrl, cookie: settings.adminCookie, keys: settings.ingestKeys });
  const rssMb = { idle: processGroupRssMb(serverPid), during: [] as number[] };
  const bar = progressBar('explore', seconds);
  let answers: readonly ExploreSample[] = [];
  const started = performance.now();
  const ticker = setInterval(() => {
    rssMb.during.push(processGroupRssMb(serverPid));
    const failed = answers.filter((s) => s.status !== 200).length;
    bar.update(Math.min(seconds, Math.floor((performance.now() - started) / 1000)), `${answers.length} answers${failed ? `, ${failed} not 200` : ''}`);
  }, 1_000);
  const [run, live] = await Promise.all([
    explore(baseUrl, explorers, catalog, { seconds, seed, onProgress: (samples) => (answers = samples) }),
    // Its first second lets the load settle; then it probes until the explorers are about done.
    measureLiveLatency(world, EXPLORE_INGEST_PER_SECOND, Math.max(1, seconds - 1)).catch((error: unknown) => ({
      error: error instanceof Error ? error.message : String(error),
    })),
  ]);
  clearInterval(ticker);
  bar.finish(`${run.samples.length} answers`);

  await drained(db);
  const comparison = await compareWithObvious(db, baseUrl, explorers, sampleRequests(run.samples, obviousPerKind), obviousPerKind);
  return { settings: { baseUrl, users, seconds, seed, obviousPerKind }, floor: { selectOneMs, healthMs }, run, live, rssMb, comparison };
}
