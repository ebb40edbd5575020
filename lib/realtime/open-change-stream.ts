// GET /api/stream's body: the caller's share of the change feed as Server-Sent Events. It subscribes
// first, then replays what a reconnecting client missed from app.change_log (or sends a reset when that
// is no longer possible), then forwards live changes — each scoped, each with its change id as `id:`.
import type { Database } from '@/db/client';
import { assertScope, type Scope } from '@/lib/auth/scope';
import { changeLogBounds, listChangesAfter, type GoldChange } from './change-log';
import type { ChangeFeed } from './change-feed';
import { scopeChange } from './scoped-change';
import { openSseChannel } from './sse-channel';
import { sseMessage } from './sse-format';

export interface ChangeStreamOptions {
  queueLimit: number;
  heartbeatMs: number;
  /** How long a client waits before reconnecting (sent as `retry:`). */
  retryMs: number;
  /** How often the caller's session is checked again (see scope-still-valid.ts). */
  revalidateMs: number;
}

export const DEFAULT_STREAM_OPTIONS: ChangeStreamOptions = { queueLimit: 100, heartbeatMs: 15_000, retryMs: 3_000, revalidateMs: 30_000 };

export type ResetReason = 'overflow' | 'expired';

const RESET_MESSAGES: Record<ResetReason, string> = {
  overflow: 'Too many changes arrived while this connection lagged behind; please refresh.',
  expired: 'The changes since your last update are no longer available; please refresh.',
};

export async function openChangeStream(input: {
  db: Database;
  feed: ChangeFeed;
  scope: Scope;
  /** From Last-Event-ID: resume after this change; 'invalid' is treated like an id out of the window. */
  lastEventId?: number | 'invalid';
  signal: AbortSignal;
  /** Whether the caller may still see `scope`; the stream ends when this answers false. */
  stillValid?: (scope: Scope) => Promise<boolean>;
  options?: Partial<ChangeStreamOptions>;
}): Promise<ReadableStream<Uint8Array>> {
  const { db, feed, scope } = input;
  assertScope(scope);
  const options = { ...DEFAULT_STREAM_OPTIONS, ...input.options };
  const regionIds = scope.regionIds;

  let lastId = 0;
  let replaying = true;
  const held: GoldChange[] = [];

  const reset = (id: number, reason: ResetReason) => {
    channel.drop();
    channel.push(sseMessage({ id, event: 'reset', data: { reason, message: RESET_MESSAGES[reason] } }));
  };
  const forward = (change: GoldChange) => {
    if (change.id <= lastId) return;
    lastId = change.id;
    const scoped = scopeChange(change, regionIds);
    if (scoped && !channel.push(sseMessage({ id: change.id, event: 'change', data: scoped }))) reset(change.id, 'overflow');
  };

  const subscription = await feed.subscribe((change) => (replaying ? held.push(change) : forward(change)));
  let revalidation: ReturnType<typeof setInterval> | undefined;
  const channel = openSseChannel({
    queueLimit: options.queueLimit,
    heartbeatMs: options.heartbeatMs,
    onClose: () => {
      subscription.unsubscribe();
      if (revalidation) clearInterval(revalidation);
    },
  });
  try {
    const position = subscription.position;
    const from = input.lastEventId;
    if (from === undefined) {
      lastId = position;
    } else {
      // Room for the replay and the ready message; a longer backlog would overflow anyway.
      const missed = from === 'invalid' ? null : await missedChanges(db, from, position, regionIds, options.queueLimit - 1);
      if (missed === null) {
        reset(position, 'expired');
      } else {
        for (const change of missed) forward(change);
      }
      lastId = Math.max(lastId, position, from === 'invalid' ? 0 : from);
    }
    channel.push(sseMessage({ id: lastId, event: 'ready', data: { regions: scope.regions }, retryMs: options.retryMs }));
    replaying = false;
    for (const change of held.splice(0)) forward(change);
  } catch (error) {
    channel.close();
    throw error;
  }

  if (input.stillValid) {
    const stillValid = input.stillValid;
    revalidation = setInterval(() => {
      stillValid(scope).then(
        (valid) => valid || channel.close(),
        () => undefined, // a failed check (database hiccup) is retried at the next interval
      );
    }, options.revalidateMs);
    revalidation.unref?.();
  }
  if (input.signal.aborted) channel.close();
  else input.signal.addEventListener('abort', () => channel.close(), { once: true });
  return channel.stream;
}

/**
 * The in-scope changes after `afterId` up to the feed's position, or null when they cannot all be
 * replayed: the id is older than the retained window, is not one this database handed out, or more
 * changes are missing than the connection would queue.
 */
async function missedChanges(
  db: Database,
  afterId: number,
  position: number,
  regionIds: readonly number[],
  limit: number,
): Promise<GoldChange[] | null> {
  if (afterId >= position) {
    // Ahead of the feed: fine if the database has it (the feed has not read it yet), else a foreign id.
    const { newest } = await changeLogBounds(db);
    return afterId === 0 || (newest !== null && afterId <= newest) ? [] : null;
  }
  const { oldest } = await changeLogBounds(db);
  if (oldest === null || afterId < oldest - 1) return null;
  const changes = await listChangesAfter(db, afterId, { regionIds, throughId: position, limit: limit + 1 });
  return changes.length > limit ? null : changes;
}
