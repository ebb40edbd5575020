// The bench's page client: it tells a page that answered 200 but streamed a failed tile, however the
// stream's chunks cut React's marker of a failed boundary, and counts each failure once.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { getPage } from '@/bench/http-load';

function serve(chunks: string[]): Promise<{ url: string; close: () => void }> {
  const server = http.createServer(async (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'server-timing': 'cache;desc="hits=0 misses=0"' });
    for (const chunk of chunks) {
      res.write(chunk);
      // Separate writes so the client is likely to read separate chunks (merged ones must count the same).
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    res.end();
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() })),
  );
}

describe('bench getPage', () => {
  it('counts failed boundaries whole, split across chunks, and at a chunk’s end', async () => {
    const page = await serve([
      '<html>' + 'x'.repeat(40) + '$RX("B:1","11")<div>', // whole
      'ok</div>$R', 'X("B:2","22")<template data-dg', 'st="33"></template>', // split twice
      'zz$RX("', 'B:4","44")</html>', // whole at the end of a chunk
    ]);
    try {
      const answer = await getPage(page.url, '');
      expect(answer.status).toBe(200);
      expect(answer.failedBoundaries).toBe(4);
      expect(answer.serverTiming).toBe('cache;desc="hits=0 misses=0"');
    } finally {
      page.close();
    }
  });

  it('reports none on a page whose tiles all rendered', async () => {
    const page = await serve(['<html><script>$RC("B:1","S:1")</script>', '<p>$RX is only a name here</p></html>']);
    try {
      expect((await getPage(page.url, '')).failedBoundaries).toBeUndefined();
    } finally {
      page.close();
    }
  });
});
