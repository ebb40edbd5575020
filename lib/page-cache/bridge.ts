// How a server process's HTTP front (lib/cli/portal-server.ts) reaches the page cache, which lives with
// the rest of the app inside the Next.js server bundle: instrumentation.ts installs the bridge on
// globalThis when the server starts. Sessions, the database and the store are used only from that side, so
// they are the same module instances that middleware and the pages use.
import type { IncomingHttpHeaders } from 'node:http';
import type { PageCache } from './page-cache';
import type { RenderedPage } from './page-store';

export interface PageRequestHead {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
}

/** key null: nothing to keep (not a signed-in user's document). page: the stored page for the key. */
export interface PageLookup {
  key: string | null;
  page?: RenderedPage;
}

export interface PageCacheBridge {
  cache: PageCache;
  lookUp(req: PageRequestHead): Promise<PageLookup>;
  /** Runs a render under its key, so that renderFailed() from inside it knows which page not to keep. */
  whileRendering<T>(key: string, render: () => T): T;
  renderFailed(): void;
}

const globalForBridge = globalThis as unknown as { __rwPageCacheBridge?: PageCacheBridge };

export function installPageCacheBridge(bridge: PageCacheBridge): void {
  globalForBridge.__rwPageCacheBridge = bridge;
}

/** The bridge, once the server has started with the page cache on. */
export function pageCacheBridge(): PageCacheBridge | undefined {
  return globalForBridge.__rwPageCacheBridge;
}
