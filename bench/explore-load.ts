// Explorers against a running portal: each loops for a while, one request at a time, on a seeded random
// view (random-views.ts), and every answer is timed (first byte and complete body) with the query cache
// reads its Server-Timing header reports.
import { getPage, type PageTiming } from './http-load';
import { explorerRandom, randomRequest, type EndpointKind, type ViewCatalog, type ViewRequest } from './random-views';

export interface Explorer {
  cookie: string;
  regions: readonly string[];
}

export interface ExploreSample {
  explorer: number;
  /** The explorer's n-th request (from 0). */
  seq: number;
  request: ViewRequest;
  status: number;
  firstByteMs: number;
  totalMs: number;
  /** Query cache reads of the request (API answers only; pages send headers before their tiles read). */
  cache: { hits: number; misses: number } | null;
  refusal?: string;
  /** Pages: tiles whose server render failed (the page itself answered 200). */
  failedTiles: number;
}

export interface ExploreRun {
  samples: ExploreSample[];
  seconds: number;
}

const CACHE_TIMING = /(?:^|,)\s*cache;desc="hits=(\d+) misses=(\d+)"/;

export function parseCacheTiming(header: string | undefined): { hits: number; misses: number } | null {
  const match = header ? CACHE_TIMING.exec(header) : null;
  return match ? { hits: Number(match[1]), misses: Number(match[2]) } : null;
}

/** One request, timed; a request that fails outright (no answer within a minute) is status 0 with the reason. */
export async function timeRequest(baseUrl: string, path: string, cookie: string): Promise<PageTiming> {
  const started = performance.now();
  try {
    return await getPage(new URL(path, baseUrl).toString(), cookie);
  } catch (error) {
    const totalMs = performance.now() - started;
    return { status: 0, firstByteMs: totalMs, totalMs, refusal: error instanceof Error ? error.message : String(error) };
  }
}

/** Runs every explorer for `seconds` (each finishes the request it is in); `onProgress` hears of each answer as it comes. */
export async function explore(
  baseUrl: string,
  explorers: readonly Explorer[],
  catalog: ViewCatalog,
  options: { seconds: number; seed: number; onProgress?: (samples: readonly ExploreSample[]) => void },
): Promise<ExploreRun> {
  const samples: ExploreSample[] = [];
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  await Promise.all(
    explorers.map(async (explorer, index) => {
      const random = explorerRandom(options.seed, index);
      for (let seq = 0; performance.now() < deadline; seq++) {
        const request = randomRequest(random, explorer.regions, catalog);
        const timing = await timeRequest(baseUrl, request.path, explorer.cookie);
        samples.push({
          explorer: index, seq, request, status: timing.status, firstByteMs: timing.firstByteMs, totalMs: timing.totalMs,
          cache: parseCacheTiming(timing.serverTiming), failedTiles: timing.failedBoundaries ?? 0, ...(timing.refusal ? { refusal: timing.refusal } : {}),
        });
        options.onProgress?.(samples);
      }
    }),
  );
  return { samples, seconds: (performance.now() - started) / 1000 };
}

/**
 * Up to `perKind` answered requests of each endpoint kind, the earliest of each explorer first: the same
 * seed picks the same ones whenever every explorer got that far, however fast the run went.
 */
export function sampleRequests(samples: readonly ExploreSample[], perKind: number): Map<EndpointKind, ExploreSample[]> {
  const ordered = samples.filter((s) => s.status === 200).sort((a, b) => a.seq - b.seq || a.explorer - b.explorer);
  const chosen = new Map<EndpointKind, ExploreSample[]>();
  for (const sample of ordered) {
    const list = chosen.get(sample.request.kind) ?? [];
    if (list.length < perKind) chosen.set(sample.request.kind, [...list, sample]);
  }
  return chosen;
}
