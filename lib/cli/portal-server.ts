// One server process of the portal: Next.js's request handler behind a plain HTTP server — `next start`
// plus the page cache's front (lib/page-cache): a signed-in user's dashboard document is answered from the
// store when a page is kept under its key, waits for the render of that key already under way if there is
// one, and is otherwise rendered and kept as Next.js sends it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import next from 'next';
import { errorBody } from '@/lib/errors';
import { pageCacheBridge, type PageLookup } from '@/lib/page-cache/bridge';
import { capturePage, sendStoredPage } from '@/lib/page-cache/capture';
import { CACHEABLE_PAGE_PATHS } from '@/lib/page-cache/page-key';
import { RenderFlights } from '@/lib/page-cache/render-flights';

export async function servePortal(options: { port: number; dir?: string }): Promise<void> {
  const app = next({ dev: false, dir: options.dir ?? process.cwd(), port: options.port });
  const handle = app.getRequestHandler();
  const flights = new RenderFlights();
  await app.prepare();

  async function serve(req: IncomingMessage, res: ServerResponse) {
    const bridge = pageCacheBridge();
    if (!bridge || req.method !== 'GET' || !CACHEABLE_PAGE_PATHS.includes(pathOf(req.url))) return handle(req, res);
    const startedAt = Date.now();
    // A failed lookup (database unreachable, say) leaves the request to Next.js, which reports it properly.
    const lookUp = () =>
      bridge.lookUp(req).catch((error: unknown): PageLookup => {
        console.error(`[page-cache] lookup failed, rendering instead: ${error instanceof Error ? error.message : String(error)}`);
        return { key: null };
      });
    let lookup = await lookUp();
    const flight = lookup.key && !lookup.page ? flights.wait(lookup.key) : undefined;
    if (flight) {
      await flight;
      lookup = await lookUp();
    }
    if (lookup.page) return sendStoredPage(res, lookup.page);
    capturePage(res, bridge.cache, lookup.key, startedAt);
    if (!lookup.key) return handle(req, res);
    flights.lead(lookup.key, res);
    return bridge.whileRendering(lookup.key, () => handle(req, res));
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
