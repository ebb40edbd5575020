// The page cache as the server process uses it: one interface, two places the pages can live. A single
// server process keeps them itself; the several processes of one `npm start` share one store in the
// primary process (cluster-page-cache.ts), so a user's page is rendered once per change of data, not
// once per process their requests happen to reach.
import { env } from '@/lib/env';
import { ClusterPageCache, clusterPagesHosted } from './cluster-page-cache';
import { PAGE_MAX_AGE_MS, PageStore, type RenderedPage } from './page-store';

export interface PageCache {
  get(key: string): Promise<RenderedPage | undefined>;
  /** Keeps a page rendered since `renderStartedAt` (see PageStore.put); does not wait. */
  put(key: string, page: RenderedPage, renderStartedAt: number): void;
  /** A render under this key reported an error; does not wait. */
  markFailed(key: string): void;
}

export class LocalPageCache implements PageCache {
  constructor(readonly store: PageStore) {}

  async get(key: string): Promise<RenderedPage | undefined> {
    return this.store.get(key);
  }

  put(key: string, page: RenderedPage, renderStartedAt: number): void {
    this.store.put(key, page, renderStartedAt);
  }

  markFailed(key: string): void {
    this.store.markFailed(key);
  }
}

const globalForPages = globalThis as unknown as { __rwPageCache?: PageCache | null };

/** The process's page cache, or null when PAGE_CACHE_MB is 0. */
export function processPageCache(): PageCache | null {
  if (globalForPages.__rwPageCache === undefined) {
    const bytes = env().PAGE_CACHE_MB * 1024 * 1024;
    globalForPages.__rwPageCache =
      bytes === 0 ? null : clusterPagesHosted() ? new ClusterPageCache(bytes, PAGE_MAX_AGE_MS) : new LocalPageCache(new PageStore(bytes, PAGE_MAX_AGE_MS));
  }
  return globalForPages.__rwPageCache;
}
