// The Server-Timing header of API answers: how many of the request's query cache reads the cache answered
// (hits) and how many waited for the database (misses), e.g. `cache;desc="hits=3 misses=1"`. Browser
// devtools show it next to the request; the bench counts it. The cache reports each read
// (recordCacheRead); the route wrappers run each request in its own count (withServerTiming).
import { AsyncLocalStorage } from 'node:async_hooks';

interface CacheReads {
  hits: number;
  misses: number;
}

// One store per process, even when the bundler loads this module once per server layer.
const stores = globalThis as unknown as { [key: symbol]: AsyncLocalStorage<CacheReads> | undefined };
const STORE_KEY = Symbol.for('retailwave.request-cache-reads');
const requestReads = (stores[STORE_KEY] ??= new AsyncLocalStorage<CacheReads>());

/** Counts one query cache read in the request being answered (none outside withServerTiming). */
export function recordCacheRead(hit: boolean): void {
  const reads = requestReads.getStore();
  if (reads) reads[hit ? 'hits' : 'misses']++;
}

/** Answers with `answer`, adding the cache reads it made (across its awaits) as a Server-Timing metric. */
export async function withServerTiming(answer: () => Promise<Response>): Promise<Response> {
  const reads: CacheReads = { hits: 0, misses: 0 };
  const response = await requestReads.run(reads, answer);
  response.headers.append('server-timing', `cache;desc="hits=${reads.hits} misses=${reads.misses}"`);
  return response;
}
