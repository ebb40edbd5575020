// The rendered-page store: whole dashboard pages as a server process sent them, by page key (see
// page-key.ts), so a user refreshing a view nothing has changed in is answered without rendering it again.
// Bounded by bytes (least recently used out first) and by age. Held by the server process itself, or by
// the primary for all the processes of one `npm start` (page-cache.ts).

/** A page as sent: status, the headers that describe the body, and the body bytes (maybe gzip). */
export interface RenderedPage {
  status: number;
  headers: [string, string][];
  body: Buffer;
  storedAt: number;
}

export interface PageStoreStats {
  pages: number;
  bytes: number;
  maxBytes: number;
  hits: number;
  misses: number;
  stored: number;
}

export class PageStore {
  private readonly pages = new Map<string, RenderedPage>();
  /** When a render under a key last reported an error: pages rendered across that moment are not kept. */
  private readonly failedAt = new Map<string, number>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;
  private stored = 0;

  constructor(readonly maxBytes: number, readonly maxAgeMs: number) {}

  get(key: string, now = Date.now()): RenderedPage | undefined {
    const page = this.pages.get(key);
    if (!page || now - page.storedAt > this.maxAgeMs) {
      if (page) this.remove(key, page);
      this.misses++;
      return undefined;
    }
    // Map order is insertion order: re-inserting makes this the most recently used.
    this.pages.delete(key);
    this.pages.set(key, page);
    this.hits++;
    return page;
  }

  /**
   * Keeps a page rendered since `renderStartedAt`, unless a render under its key reported an error since
   * then (the page may show that error) or it alone exceeds a quarter of the budget.
   */
  put(key: string, page: RenderedPage, renderStartedAt: number): boolean {
    const failedAt = this.failedAt.get(key);
    if (failedAt !== undefined && failedAt >= renderStartedAt) return false;
    const size = pageBytes(page);
    if (size > this.maxBytes / 4) return false;
    const previous = this.pages.get(key);
    if (previous) this.remove(key, previous);
    this.pages.set(key, page);
    this.bytes += size;
    this.stored++;
    for (const [oldest, old] of this.pages) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest, old);
    }
    return true;
  }

  /** A render under this key reported an error: what it sends must not be kept. */
  markFailed(key: string, now = Date.now()): void {
    this.failedAt.set(key, now);
    // Marks only matter to renders in flight; drop the old ones so they cannot pile up.
    if (this.failedAt.size > 1_000) {
      for (const [k, at] of this.failedAt) if (now - at > this.maxAgeMs) this.failedAt.delete(k);
    }
  }

  stats(): PageStoreStats {
    return { pages: this.pages.size, bytes: this.bytes, maxBytes: this.maxBytes, hits: this.hits, misses: this.misses, stored: this.stored };
  }

  private remove(key: string, page: RenderedPage): void {
    this.pages.delete(key);
    this.bytes -= pageBytes(page);
  }
}

function pageBytes(page: RenderedPage): number {
  return page.body.byteLength + page.headers.reduce((n, [k, v]) => n + k.length + v.length, 0) + 64;
}

/** Pages are kept at most this long even when no data changed (the "as of" time they show ages). */
export const PAGE_MAX_AGE_MS = 60_000;
