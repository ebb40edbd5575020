// The process's query cache, chosen once: on Upstash when it is configured, the in-process LRU otherwise.
// Kept on globalThis so dev reloads and bundler layers share one (and one single-flight map).
import { cache as perRender } from 'react';
import type { Database } from '@/db/client';
import type { CacheHealth } from './cache';
import { MemoryCache } from './memory-cache';
import { KEY_NAMESPACE, processUpstash } from '@/lib/upstash/process-upstash';
import type { RegionVersion } from './data-versions';
import { QueryCache, type CachedQuery } from './read-through';
import { UpstashCache } from './upstash-cache';

const globalForCache = globalThis as unknown as { __rwQueryCache?: QueryCache };

// One map per server-component render (React's per-request cache; outside a render, a new map per call):
// the tiles of a page read the data versions once and show one snapshot. Route handlers get no memo, so a
// long-lived request such as the change stream never holds on to old versions.
const versionsOfThisRender = perRender(() => new Map<string, Promise<RegionVersion[]>>());

export function processQueryCache(): QueryCache {
  if (!globalForCache.__rwQueryCache) {
    const upstash = processUpstash();
    const cache = upstash ? new UpstashCache(upstash) : new MemoryCache();
    globalForCache.__rwQueryCache = new QueryCache({ cache, namespace: KEY_NAMESPACE, versionsOfThisWork: versionsOfThisRender });
  }
  return globalForCache.__rwQueryCache;
}

/**
 * A cached gold read: `cached(db, { query: 'kpis', params: filters, scope }, () => readKpis(db, scope, filters))`.
 * Call it outside readInScope, with the database the query was given (see QueryCache.read).
 */
export function cached<T>(db: Database, request: CachedQuery, load: () => Promise<T>): Promise<T> {
  return processQueryCache().read(db, request, load);
}

/** checks.cache of GET /api/health: not ok when Upstash is configured but does not answer. */
export function cacheHealth(): Promise<CacheHealth> {
  return processQueryCache().health();
}
