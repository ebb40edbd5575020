// The primary's side of cluster-page-cache.ts: one page store for every server process.
import type { Cluster } from 'node:cluster';
import { pageRequestSchema, type PageReply } from './cluster-protocol';
import { PageStore } from './page-store';

export function hostClusterPageStore(cluster: Cluster, store: PageStore): void {
  cluster.on('message', (worker, message: unknown) => {
    const request = pageRequestSchema.safeParse(message);
    if (!request.success) return;
    const { id, key } = request.data;
    if (request.data.op === 'put') {
      const { page, renderStartedAt } = request.data;
      store.put(key, { ...page, body: Buffer.from(page.body.buffer, page.body.byteOffset, page.body.byteLength) }, renderStartedAt);
    } else if (request.data.op === 'fail') {
      store.markFailed(key);
    } else if (worker.isConnected()) {
      worker.send({ type: 'rw:page-reply', id, page: store.get(key) ?? null } satisfies PageReply);
    }
  });
}
