// The random-view section's figures: per endpoint latency, ours ÷ the obvious way, query cache hits,
// answers other than 200, throughput, the floor, ingest → SSE latency and server memory; as JSON for
// bench/results/latest.json and as the bench's table.
import type { Exploration } from './explore';
import type { ExploreSample } from './explore-load';
import { ENDPOINT_KINDS, type EndpointKind } from './random-views';
import { summarize, type Stats } from './stats';

export interface EndpointFigures {
  /** Complete answers (status 200): for pages the whole streamed body. */
  complete: Stats;
  /** Pages only: the first byte. */
  firstByte?: Stats;
  /** A sample of the same views after the exploration, one at a time: ours (HTTP) and the obvious way (SQL). */
  alone?: { ours: Stats; obvious: Stats; oursNotOk: number; oursCacheHits: number };
  /** p50 ours ÷ p50 obvious, on that sample. */
  oursOverObvious?: number;
  /** API answers only: query cache reads that their Server-Timing header reports. */
  cache?: { hits: number; misses: number };
}

export interface ExploreSummary {
  seed: number;
  users: number;
  seconds: number;
  answers: number;
  answersPerSecond: number;
  floor: { selectOne: Stats; health: Stats };
  endpoints: Record<string, EndpointFigures>;
  /** Answers other than 200, and pages that answered 200 but streamed a failed tile. */
  notOk: { endpoint: string; status: number; count: number; example: string; refusal?: string }[];
  /** Over API answers: pages stream, so their headers leave before their tiles read the cache. */
  cache: { hits: number; misses: number; hitRatio: number | null };
  live: { latency: Stats; offeredPerSecond: number; acceptedPerSecond: number; refusedBatches: number } | { error: string };
  serverRssMb: { idle: number; min: number; max: number; mean: number };
}

export function endpointLabel(kind: EndpointKind): string {
  if (kind === 'kpis') return 'GET /api/metrics/kpis';
  if (kind === 'transactions') return 'GET /api/transactions';
  if (kind.startsWith('page:')) return `GET /dashboards/${kind.slice(5)}`;
  return `GET /api/metrics/breakdown?dimension=${kind.slice('breakdown:'.length)}`;
}

const round = (n: number, places = 3) => Math.round(n * 10 ** places) / 10 ** places;

export function summarizeExploration(e: Exploration): ExploreSummary {
  const byKind = new Map<EndpointKind, ExploreSample[]>(ENDPOINT_KINDS.map((k) => [k, []]));
  for (const sample of e.run.samples) byKind.get(sample.request.kind)!.push(sample);
  const endpoints: Record<string, EndpointFigures> = {};
  const notOk: ExploreSummary['notOk'] = [];
  for (const [kind, samples] of byKind) {
    const ok = samples.filter((s) => s.status === 200);
    const complete = summarize(ok.map((s) => s.totalMs));
    const figures: EndpointFigures = { complete };
    if (kind.startsWith('page:')) figures.firstByte = summarize(ok.map((s) => s.firstByteMs));
    const compared = e.comparison.get(kind);
    if (compared?.obviousMs.length && compared.oursMs.length) {
      figures.alone = { ours: summarize(compared.oursMs), obvious: summarize(compared.obviousMs), oursNotOk: compared.oursNotOk, oursCacheHits: compared.oursCacheHits };
      figures.oursOverObvious = round(figures.alone.ours.p50 / figures.alone.obvious.p50);
    }
    const counted = samples.flatMap((s) => (s.cache ? [s.cache] : []));
    if (!kind.startsWith('page:')) {
      figures.cache = { hits: counted.reduce((n, c) => n + c.hits, 0), misses: counted.reduce((n, c) => n + c.misses, 0) };
    }
    endpoints[endpointLabel(kind)] = figures;
    const statuses = new Map<number, ExploreSample[]>();
    for (const s of samples.filter((x) => x.status !== 200)) statuses.set(s.status, [...(statuses.get(s.status) ?? []), s]);
    for (const [status, list] of statuses) {
      notOk.push({ endpoint: endpointLabel(kind), status, count: list.length, example: list[0]!.request.path, refusal: list[0]!.refusal });
    }
    const failedTiles = ok.filter((s) => s.failedTiles > 0);
    if (failedTiles.length) {
      notOk.push({ endpoint: endpointLabel(kind), status: 200, count: failedTiles.length, example: failedTiles[0]!.request.path, refusal: 'a tile failed to render' });
    }
  }
  const hits = Object.values(endpoints).reduce((n, f) => n + (f.cache?.hits ?? 0), 0);
  const misses = Object.values(endpoints).reduce((n, f) => n + (f.cache?.misses ?? 0), 0);
  const during = e.rssMb.during.length ? e.rssMb.during : [e.rssMb.idle];
  return {
    seed: e.settings.seed,
    users: e.settings.users,
    seconds: round(e.run.seconds, 1),
    answers: e.run.samples.length,
    answersPerSecond: round(e.run.samples.length / e.run.seconds, 1),
    floor: { selectOne: summarize(e.floor.selectOneMs), health: summarize(e.floor.healthMs) },
    endpoints,
    notOk,
    cache: { hits, misses, hitRatio: hits + misses > 0 ? round(hits / (hits + misses), 4) : null },
    live: 'error' in e.live
      ? e.live
      : { latency: summarize(e.live.latenciesMs), offeredPerSecond: e.live.offeredPerSecond, acceptedPerSecond: round(e.live.acceptedPerSecond, 1), refusedBatches: e.live.refusedBatches },
    serverRssMb: {
      idle: round(e.rssMb.idle, 1), min: round(Math.min(...during), 1), max: round(Math.max(...during), 1),
      mean: round(during.reduce((a, b) => a + b, 0) / during.length, 1),
    },
  };
}

const ms = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '' : n.toFixed(2));

function row(label: string, s: Stats, extra: string[] = []): string {
  return [label.padEnd(52), String(s.n).padStart(5), ms(s.p50).padStart(9), ms(s.p95).padStart(9), ms(s.p99).padStart(9), ...extra].join(' ');
}

export function printExploreSummary(s: ExploreSummary, print: (line: string) => void = console.log): void {
  print(`\nRandom views: ${s.users} explorers, seed ${s.seed}, ${s.seconds} s, ${s.answers} answers (${s.answersPerSecond}/s), sales arriving throughout`);
  const versusHeader = ['alone: ours p50'.padStart(16), 'obvious p50'.padStart(12), '÷ obvious'.padStart(10), 'cache hits'.padStart(11)];
  print([`${'endpoint (under the exploration)'.padEnd(52)} ${'n'.padStart(5)} ${'p50 ms'.padStart(9)} ${'p95 ms'.padStart(9)} ${'p99 ms'.padStart(9)}`, ...versusHeader].join(' '));
  print(row('floor: select 1', s.floor.selectOne));
  print(row('floor: GET /api/health', s.floor.health));
  for (const [label, f] of Object.entries(s.endpoints)) {
    const cache = f.cache ? `${f.cache.hits}/${f.cache.hits + f.cache.misses}` : '';
    const versus = [ms(f.alone?.ours.p50).padStart(16), ms(f.alone?.obvious.p50).padStart(12), (f.oursOverObvious?.toFixed(3) ?? '').padStart(10), cache.padStart(11)];
    if (f.firstByte) print(row(`${label}, first byte`, f.firstByte));
    print(row(f.firstByte ? `${label}, complete` : label, f.complete, versus));
  }
  if ('error' in s.live) print(`live: ingest → SSE during the exploration failed: ${s.live.error}`);
  else print(row(`live: ingest → SSE @ ${s.live.offeredPerSecond}/s (accepted ${s.live.acceptedPerSecond}/s)`, s.live.latency));
  const ratio = s.cache.hitRatio === null ? 'no reads' : `${(s.cache.hitRatio * 100).toFixed(1)} %`;
  print(`query cache hit ratio over API answers: ${ratio} (${s.cache.hits} hits, ${s.cache.misses} misses); pages are not counted: they stream, so their headers leave before their tiles read`);
  print(`server RSS, all processes: ${s.serverRssMb.idle} MB idle, ${s.serverRssMb.min}–${s.serverRssMb.max} MB (mean ${s.serverRssMb.mean}) while exploring`);
  print('alone: a sample of the same views after the exploration, one at a time on the idle portal: ours over HTTP, the obvious way as direct SQL; answers our cache served are left out of both');
  const aloneIssues = Object.entries(s.endpoints).filter(([, f]) => f.alone && (f.alone.oursNotOk || f.alone.oursCacheHits));
  for (const [label, f] of aloneIssues) print(`alone: ${label}: ${f.alone!.oursNotOk} not 200 or with a failed tile, ${f.alone!.oursCacheHits} served from the cache`);
  if (s.notOk.length === 0) print('answers other than 200 (or pages with a failed tile) under the exploration: none');
  for (const n of s.notOk) {
    const what = n.status === 200 ? 'FAILED TILE' : `NOT 200: answered ${n.status || 'nothing'}`;
    print(`${what}: ${n.endpoint} ${n.count}× (e.g. ${n.example}${n.refusal ? `: ${n.refusal}` : ''})`);
  }
}
