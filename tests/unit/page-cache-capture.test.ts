// The page cache's HTTP end against a real Node HTTP server and client: what a response must be to be
// kept, that it reaches the client unchanged while kept, and that the gate's mark never leaves.
import http, { type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { capturePage, PAGE_CACHE_STATUS_HEADER, PAGE_GATE_HEADER, sendStoredPage } from '@/lib/page-cache/capture';
import { LocalPageCache } from '@/lib/page-cache/page-cache';
import { PageStore } from '@/lib/page-cache/page-store';

type Respond = (res: ServerResponse) => void | Promise<void>;

async function withServer(key: string | null, respond: Respond, store = new PageStore(1_000_000, 60_000)) {
  const server = http.createServer((_req, res) => {
    capturePage(res, new LocalPageCache(store), key);
    void respond(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/dashboards/sales`;
  const get = () =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http.get(url, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      }).on('error', reject);
    });
  return { store, url, get, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A streamed page the way Next.js sends one: headers, then chunks over time. */
const streamedPage = (extra: (res: ServerResponse) => void = () => {}): Respond => async (res) => {
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader(PAGE_GATE_HEADER, 'passed');
  extra(res);
  res.write('<html><body><div id="shell">');
  await new Promise((r) => setTimeout(r, 20));
  res.write(Buffer.from('<div id="tile">€ 1,234</div>'));
  res.end('</body></html>');
};

describe('keeping a page while it is sent', () => {
  it('keeps a full page the gate let through, and sends it unchanged both times', async () => {
    const server = await withServer('k1', streamedPage());
    try {
      const first = await server.get();
      expect(first.headers[PAGE_CACHE_STATUS_HEADER]).toBe('miss');
      expect(first.headers[PAGE_GATE_HEADER]).toBeUndefined();
      await new Promise((r) => setTimeout(r, 10)); // 'finish' fires after the last byte left
      const kept = server.store.get('k1');
      expect(kept?.body.toString()).toBe(first.body.toString());
      expect(kept?.body.toString()).toContain('€ 1,234');
      expect(kept?.headers.map(([name]) => name)).toEqual(['content-type']);
    } finally {
      await server.close();
    }
  });

  it.each<[string, Respond, string | null]>([
    ['a page the gate did not mark', async (res) => { res.setHeader('content-type', 'text/html'); res.end('<html></html>'); }, 'k'],
    ['a redirect', async (res) => { res.setHeader(PAGE_GATE_HEADER, 'passed'); res.writeHead(307, { location: '/login' }); res.end(); }, 'k'],
    ['a response that sets a cookie', streamedPage((res) => res.setHeader('set-cookie', 'a=1')), 'k'],
    ['a JSON answer', async (res) => { res.setHeader(PAGE_GATE_HEADER, 'passed'); res.setHeader('content-type', 'application/json'); res.end('{}'); }, 'k'],
    ['a request without a signed-in user (no key)', streamedPage(), null],
  ])('keeps nothing for %s, and removes the mark', async (_what, respond, key) => {
    const server = await withServer(key, respond);
    try {
      const answer = await server.get();
      expect(answer.headers[PAGE_GATE_HEADER]).toBeUndefined();
      expect(answer.headers[PAGE_CACHE_STATUS_HEADER]).toBeUndefined();
      await new Promise((r) => setTimeout(r, 10));
      expect(server.store.stats().pages).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('keeps nothing when the client goes away before the end', async () => {
    let release = () => {};
    const server = await withServer('k2', async (res) => {
      res.setHeader('content-type', 'text/html');
      res.setHeader(PAGE_GATE_HEADER, 'passed');
      res.write('<html>');
      await new Promise<void>((r) => (release = r));
      res.end('</html>');
    });
    try {
      await new Promise<void>((resolve) => {
        const req = http.get(server.url, (res) => {
          res.once('data', () => {
            req.destroy();
            setTimeout(resolve, 20);
          });
        });
        req.on('error', () => {});
      });
      release();
      await new Promise((r) => setTimeout(r, 20));
      expect(server.store.stats().pages).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('sends a stored gzip page with its encoding and says it was a hit', async () => {
    const body = gzipSync('<html>kept</html>');
    const server = await withServer(null, (res) => sendStoredPage(res, { status: 200, headers: [['content-type', 'text/html'], ['content-encoding', 'gzip']], body, storedAt: Date.now() }));
    try {
      const answer = await server.get();
      expect(answer.headers[PAGE_CACHE_STATUS_HEADER]).toBe('hit');
      expect(answer.headers['content-encoding']).toBe('gzip');
      expect(answer.body.equals(body)).toBe(true);
    } finally {
      await server.close();
    }
  });
});
