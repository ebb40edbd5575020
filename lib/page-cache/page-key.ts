// Which requests may be answered with a page rendered earlier, and under which key. A dashboard page is a
// function of what its viewer may see (their role and regions), not of who they are: it carries nothing
// personal (the account menu asks GET /api/me for the name once the page is up). With the exact URL, the
// data versions of those regions (advanced by every ETL batch that changes a region), the reporting day
// ("last 30 days" moves at midnight) and the body's encoding, that is the whole key, so users with the same
// role and regions share a page, and a new sale in one of their regions, an admin changing someone's role
// or regions, or another view all mean another key. Who asks is still checked on every request, before
// the lookup (lookup.ts): only a valid session gets a key at all.
import { createHash } from 'node:crypto';
import type { Principal } from '@/lib/auth/principal';
import type { RegionVersion } from '@/lib/cache/data-versions';

/**
 * Dashboards whose page depends on nothing but the key's parts. The live monitor is not one of them: its
 * windows ("last 15 minutes") move with the clock.
 */
export const CACHEABLE_PAGE_PATHS: readonly string[] = ['/dashboards/sales', '/dashboards/products', '/dashboards/customers'];

/** Request headers that make Next.js answer something other than the full HTML document. */
const NON_DOCUMENT_HEADERS = ['rsc', 'next-router-prefetch', 'next-router-state-tree', 'next-action', 'purpose', 'sec-purpose'];

export interface PageRequest {
  method: string;
  pathname: string;
  headers: { get(name: string): string | null };
}

/** A GET of a whole dashboard document (not a client navigation's RSC payload, not a prefetch). */
export function isCacheablePageRequest(req: PageRequest): boolean {
  if (req.method !== 'GET' || !CACHEABLE_PAGE_PATHS.includes(req.pathname)) return false;
  return NON_DOCUMENT_HEADERS.every((name) => req.headers.get(name) === null);
}

/**
 * The body encoding to expect for this request: Next.js compresses with gzip when the client accepts it.
 * Only part of the key; a stored page whose actual encoding differs is never served (the lookup checks).
 */
export function pageEncoding(acceptEncoding: string | null): 'gzip' | 'identity' {
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (name !== 'gzip') continue;
    const q = params.find((p) => p.startsWith('q='));
    return q && Number(q.slice(2)) === 0 ? 'identity' : 'gzip';
  }
  return 'identity';
}

export interface PageKeyParts {
  /** What the viewer may see; nothing else about them enters the key. */
  viewer: Pick<Principal, 'role' | 'regionIds'>;
  pathname: string;
  /** The query string as sent, with its `?` (or ''): the same view written differently is another key. */
  search: string;
  versions: readonly RegionVersion[];
  day: string;
  encoding: 'gzip' | 'identity';
}

export function pageCacheKey(parts: PageKeyParts): string {
  const { role, regionIds } = parts.viewer;
  const view = [role, [...regionIds].sort((a, b) => a - b).join(',')];
  const data = parts.versions.map((v) => `${v.regionId}:${v.version}`).join(',');
  const material = JSON.stringify([view, parts.pathname, parts.search, data, parts.day, parts.encoding]);
  return `page:${createHash('sha256').update(material).digest('base64url')}`;
}
