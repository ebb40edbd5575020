// The page cache's lookup, on the Next.js side of the bridge: who is asking (the same session check as
// middleware's), which key their request has, and whether a page is stored under it.
import { AsyncLocalStorage } from 'node:async_hooks';
import { getDatabase } from '@/db/client';
import { principalOfSession, type CookieReader } from '@/lib/auth/session';
import { currentDataVersions } from '@/lib/cache/process-cache';
import { todayIn } from '@/lib/calendar/days';
import { env } from '@/lib/env';
import type { PageCacheBridge, PageLookup, PageRequestHead } from './bridge';
import { isCacheablePageRequest, pageCacheKey, pageEncoding } from './page-key';
import type { PageCache } from './page-cache';

export async function lookUpPage(req: PageRequestHead, cache: PageCache): Promise<PageLookup> {
  const url = new URL(req.url ?? '/', 'http://portal.invalid');
  const headers = { get: (name: string) => headerValue(req.headers[name]) };
  if (!isCacheablePageRequest({ method: req.method ?? 'GET', pathname: url.pathname, headers })) return { key: null };
  const principal = await principalOfSession(cookieReader(headers.get('cookie')));
  if (!principal) return { key: null };
  const versions = await currentDataVersions(await getDatabase(), principal.regionIds);
  const encoding = pageEncoding(headers.get('accept-encoding'));
  const key = pageCacheKey({ viewer: principal, pathname: url.pathname, search: url.search, versions, day: todayIn(env().REPORTING_TIME_ZONE), encoding });
  const page = await cache.get(key);
  // A page stored in another encoding than this client accepts is not for it (the key expected the same).
  const storedEncoding = page?.headers.find(([name]) => name === 'content-encoding')?.[1] ?? 'identity';
  return page && storedEncoding === encoding ? { key, page } : { key };
}

export function createPageCacheBridge(cache: PageCache): PageCacheBridge {
  const renders = new AsyncLocalStorage<string>();
  return {
    cache,
    lookUp: (req) => lookUpPage(req, cache),
    whileRendering: (key, render) => renders.run(key, render),
    renderFailed: () => {
      const key = renders.getStore();
      if (key) cache.markFailed(key);
    },
  };
}

function headerValue(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The cookies of a Cookie header, read the way browsers send them (`a=1; b=2`). */
function cookieReader(header: string | null): CookieReader {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (cookies.has(name)) continue;
    try {
      cookies.set(name, decodeURIComponent(part.slice(eq + 1).trim()));
    } catch {
      cookies.set(name, part.slice(eq + 1).trim());
    }
  }
  return { getAll: () => [...cookies].map(([name, value]) => ({ name, value })) };
}
