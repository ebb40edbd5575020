// The page cache of one of several server processes of `npm start`: the pages live in the primary
// (cluster-host.ts), so each is rendered once for all processes, and each process keeps a copy of those it
// served, so a refresh that reaches it again costs no round trip. A key names one page for good (the key
// changes when anything in the page may), so the copies need no invalidation. A primary that does not
// answer quickly costs a render, never an error.
import { PrimaryChannel } from '@/lib/cluster/primary-channel';
import { CLUSTER_PAGES_ENV, pageReplySchema, type PageReply, type PageRequest } from './cluster-protocol';
import type { PageCache } from './page-cache';
import { PageStore, type RenderedPage } from './page-store';

/** Far above an IPC round trip (well under a millisecond), far below a render under load. */
const REPLY_TIMEOUT_MS = 250;

export function clusterPagesHosted(): boolean {
  return process.env[CLUSTER_PAGES_ENV] === '1' && typeof process.send === 'function';
}

export class ClusterPageCache implements PageCache {
  private readonly channel = new PrimaryChannel<PageRequest, PageReply>('page cache host', pageReplySchema, REPLY_TIMEOUT_MS);
  private readonly copies: PageStore;

  constructor(maxBytes: number, maxAgeMs: number) {
    this.copies = new PageStore(maxBytes, maxAgeMs);
  }

  async get(key: string): Promise<RenderedPage | undefined> {
    const copy = this.copies.get(key);
    if (copy) return copy;
    const reply = await this.channel.ask({ type: 'rw:page', op: 'get', key }).catch(() => undefined);
    if (!reply?.page) return undefined;
    const page = { ...reply.page, body: Buffer.from(reply.page.body.buffer, reply.page.body.byteOffset, reply.page.body.byteLength) };
    this.copies.put(key, page, page.storedAt);
    return page;
  }

  put(key: string, page: RenderedPage, renderStartedAt: number): void {
    this.copies.put(key, page, renderStartedAt);
    this.channel.tell({ type: 'rw:page', op: 'put', key, page, renderStartedAt });
  }

  markFailed(key: string): void {
    this.copies.markFailed(key);
    this.channel.tell({ type: 'rw:page', op: 'fail', key });
  }
}
