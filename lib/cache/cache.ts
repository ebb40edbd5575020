// The one cache interface. Values are JSON text with a time to live; lib/cache/read-through.ts turns query
// results into that text and back, builds the keys (keys.ts) and decides what a failing cache means.
// Adapters: Upstash Redis when configured (upstash-cache.ts), an in-process LRU otherwise (memory-cache.ts).

export type CacheBackend = 'upstash' | 'memory';

export interface Cache {
  readonly backend: CacheBackend;
  /** The stored JSON text, or undefined when absent or expired. Rejects when the cache cannot answer. */
  get(key: string): Promise<string | undefined>;
  /** Stores JSON text for ttlSeconds (a whole number, at least 1). */
  set(key: string, json: string, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Resolves when the cache answers; rejects otherwise. */
  ping(): Promise<void>;
}

/** checks.cache of GET /api/health. */
export interface CacheHealth {
  ok: boolean;
  latencyMs: number;
  backend: CacheBackend;
}

export async function probeCache(cache: Cache): Promise<CacheHealth> {
  const started = performance.now();
  const ok = await cache.ping().then(
    () => true,
    () => false,
  );
  return { ok, latencyMs: Math.round(performance.now() - started), backend: cache.backend };
}
