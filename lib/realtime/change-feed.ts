// One change feed per process: a single LISTEN on CHANGES_CHANNEL, fanned out to in-process subscribers
// (the SSE connections). A notification only says "something new": the feed reads every change after the
// last one it delivered from app.change_log, so subscribers get each change once, in id order, and a
// notification missed during a reconnect is caught up by the next one or by the periodic poll.
import 'server-only';
import type { DatabaseHandle } from '@/db/client';
import { CHANGES_CHANNEL, changeLogBounds, listChangesAfter, type GoldChange } from './change-log';

export type ChangeListener = (change: GoldChange) => void;

export interface ChangeSubscription {
  /** The last change id before this subscription: the subscriber receives every change after it. */
  position: number;
  unsubscribe(): void;
}

export interface ChangeFeedOptions {
  /** Catch-up read while subscribers exist, for notifications lost while the listen connection was down. */
  pollMs?: number;
  log?: (message: string, error?: unknown) => void;
}

const FETCH_LIMIT = 500;

export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();
  private position = 0;
  private starting?: Promise<void>;
  private stopListening?: () => Promise<void>;
  private poller?: ReturnType<typeof setInterval>;
  private fetching = false;
  private fetchAgain = false;
  private closed = false;
  private readonly log: (message: string, error?: unknown) => void;

  constructor(
    private readonly handle: Pick<DatabaseHandle, 'db' | 'listen'>,
    private readonly options: ChangeFeedOptions = {},
  ) {
    this.log = options.log ?? ((message, error) => console.error(`[change-feed] ${message}`, error ?? ''));
  }

  async subscribe(listener: ChangeListener): Promise<ChangeSubscription> {
    if (this.closed) throw new Error('the change feed is closed');
    this.starting ??= this.start().catch((error: unknown) => {
      this.starting = undefined; // the next subscriber tries again
      throw error;
    });
    await this.starting;
    this.listeners.add(listener);
    return { position: this.position, unsubscribe: () => void this.listeners.delete(listener) };
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }

  /** Reads and delivers whatever is new; concurrent calls coalesce into one more read. */
  async catchUp(): Promise<void> {
    if (this.fetching) {
      this.fetchAgain = true;
      return;
    }
    this.fetching = true;
    try {
      do {
        this.fetchAgain = false;
        for (;;) {
          const changes = await listChangesAfter(this.handle.db, this.position, { limit: FETCH_LIMIT });
          for (const change of changes) this.deliver(change);
          if (changes.length < FETCH_LIMIT || this.closed) break;
        }
      } while (this.fetchAgain && !this.closed);
    } catch (error) {
      this.log('reading app.change_log failed; the next notification or poll retries', error);
    } finally {
      this.fetching = false;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    if (this.poller) clearInterval(this.poller);
    await this.starting?.catch(() => undefined);
    await this.stopListening?.().catch((error: unknown) => this.log('unlisten failed', error));
  }

  private async start(): Promise<void> {
    let ready = false;
    let missed = false;
    // Listen first, then read where the log stands: a change committed in between is then either in
    // the position or announced by a notification, never lost.
    this.stopListening = await this.handle.listen(CHANGES_CHANNEL, () => {
      if (ready) void this.catchUp();
      else missed = true;
    });
    this.position = (await changeLogBounds(this.handle.db)).newest ?? 0;
    ready = true;
    if (missed) void this.catchUp();
    this.poller = setInterval(() => {
      if (this.listeners.size > 0) void this.catchUp();
    }, this.options.pollMs ?? 15_000);
    this.poller.unref?.();
  }

  private deliver(change: GoldChange): void {
    if (change.id <= this.position) return;
    this.position = change.id;
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        this.log('a subscriber failed on a change', error);
      }
    }
  }
}

// One feed per database handle, kept on globalThis so dev reloads and bundler layers share it.
const registry = globalThis as unknown as { __retailwaveChangeFeeds?: WeakMap<object, ChangeFeed> };
const feeds = (registry.__retailwaveChangeFeeds ??= new WeakMap<object, ChangeFeed>());

/** The process's feed for a handle (created on first use; it starts listening on first subscribe). */
export function changeFeedFor(handle: Pick<DatabaseHandle, 'db' | 'listen'>): ChangeFeed {
  let feed = feeds.get(handle);
  if (!feed) {
    feed = new ChangeFeed(handle);
    feeds.set(handle, feed);
  }
  return feed;
}

/** Stops and forgets a handle's feed (before closing the handle: tests, shutdown). */
export async function closeChangeFeed(handle: Pick<DatabaseHandle, 'db' | 'listen'>): Promise<void> {
  const feed = feeds.get(handle);
  feeds.delete(handle);
  await feed?.close();
}
