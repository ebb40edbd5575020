// One server process of the portal: Next.js's request handler behind a plain HTTP server — `next start`
// plus the page cache's front (lib/page-cache): a signed-in user's dashboard document is answered from the
// store when this process sent the same page for the same key, and otherwise kept as Next.js sends it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import next from 'next';
import { errorBody } from '@/lib/errors';
import { pageCacheBridge, type PageLookup } from '@/lib/page-cache/bridge';
import { capturePage, sendStoredPage } from '@/lib/page-cache/capture';
import { CACHEABLE_PAGE_PATHS } from '@/lib/page-cache/page-key';

export async function servePortal(options: { port: number; dir?: string }): Promise<void> {
  const app = next({ dev: false, dir: options.dir ?? process.cwd(), port: options.port });
  const handle = app.getRequestHandler();
  await app.prepare();

  async function serve(req: IncomingMessage, res: ServerResponse) {
    const bridge = pageCacheBridge();
    if (!bridge || req.method !== 'GET' || !CACHEABLE_PAGE_PATHS.includes(pathOf(req.url))) return handle(req, res);
    const startedAt = Date.now();
    // A failed lookup (database unreachable, say) leaves the request to Next.js, which reports it properly.
    const lookup = await bridge.lookUp(req).catch((error: unknown): PageLookup => {
      console.error(`[page-cache] lookup failed, rendering instead: ${error instanceof Error ? error.message : String(error)}`);
      return { key: null };
    });
    if (lookup.page) return sendStoredPage(res, lookup.page);
    capturePage(res, bridge.cache, lookup.key, startedAt);
    return lookup.key ? bridge.whileRendering(lookup.key, () => handle(req, res)) : handle(req, res);
  }

  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      // Next.js answers its own errors; one of ours (the front itself) is logged by errorBody and answered
      // with the generic 500, or ends a response already under way.
      const { status, body } = errorBody(error);
      if (res.headersSent) return void res.destroy();
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, () => resolve());
  });
}

function pathOf(url: string | undefined): string {
  const path = url ?? '/';
  const q = path.indexOf('?');
  return q === -1 ? path : path.slice(0, q);
}
