// The page cache's HTTP end, in each server process in front of Next.js (lib/cli/portal-server.ts): sends
// a stored page, or keeps a copy of the page Next.js sends. A copy is kept only when middleware marked the
// response as one its gate let through (PAGE_GATE_HEADER), it answered 200 with HTML, set no cookie, was
// sent in full and no render error was reported for it meanwhile. The chunks still go to the client as
// they are written (the page streams as before); the mark never leaves the server.
import type { ServerResponse } from 'node:http';
import type { PageCache } from './page-cache';
import type { RenderedPage } from './page-store';

/** Set by middleware on a dashboard response it let through; removed here before the headers go out. */
export const PAGE_GATE_HEADER = 'x-retailwave-gate';
/** Tells operators (and tests) whether a page came from the store: hit, or miss (rendered and kept). */
export const PAGE_CACHE_STATUS_HEADER = 'x-page-cache';

/** Headers that belong to one delivery, not to the page. */
const PER_DELIVERY_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', PAGE_GATE_HEADER, PAGE_CACHE_STATUS_HEADER]);

export function sendStoredPage(res: ServerResponse, page: RenderedPage): void {
  for (const [name, value] of page.headers) res.setHeader(name, value);
  res.setHeader(PAGE_CACHE_STATUS_HEADER, 'hit');
  res.setHeader('content-length', page.body.byteLength);
  res.writeHead(page.status);
  res.end(page.body);
}

/**
 * Watches one response of a cacheable path; call before the request handler writes anything. With a key,
 * keeps the page under it (see above); without one (no signed-in user), only removes the gate's mark.
 */
export function capturePage(res: ServerResponse, cache: PageCache, key: string | null, renderStartedAt = Date.now()): void {
  let headers: [string, string][] | undefined;
  const chunks: Buffer[] = [];

  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const passed = res.getHeader(PAGE_GATE_HEADER) === 'passed';
    res.removeHeader(PAGE_GATE_HEADER);
    const status = typeof args[0] === 'number' ? args[0] : res.statusCode;
    const html = String(res.getHeader('content-type') ?? '').startsWith('text/html');
    if (key && passed && status === 200 && html && res.getHeader('set-cookie') === undefined) {
      headers = Object.entries(res.getHeaders())
        .filter(([name]) => !PER_DELIVERY_HEADERS.has(name))
        .map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value)]);
      res.setHeader(PAGE_CACHE_STATUS_HEADER, 'miss');
    }
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse['writeHead'];
  if (!key) return;

  const write = res.write;
  // Kept after the call: the first write sends the headers (writeHead above decides whether to keep).
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    const written = (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
    if (headers) keep(chunk, rest[0]);
    return written;
  } as ServerResponse['write'];

  const end = res.end;
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    const ended = (end as (...a: unknown[]) => ServerResponse).call(this, chunk, ...rest);
    if (headers && chunk !== undefined && typeof chunk !== 'function') keep(chunk, rest[0]); // 'finish' comes later
    return ended;
  } as ServerResponse['end'];

  function keep(chunk: unknown, encoding: unknown) {
    if (typeof chunk === 'string') chunks.push(Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  }

  // 'finish': every byte was handed to the OS. A client that went away first gives 'close' only.
  res.once('finish', () => {
    if (headers) cache.put(key, { status: 200, headers, body: Buffer.concat(chunks), storedAt: Date.now() }, renderStartedAt);
  });
}
