// GET /api/stream's body: the caller's share of the change feed as Server-Sent Events. It subscribes
// first, then replays what a reconnecting client missed from app.change_log (or sends a reset when that
// is no longer possible), then forwards live changes — each scoped, each with an opaque id that only this
// scope can turn back into its change-log position (event-ids.ts).
import 'server-only';
import type { Database } from '@/db/client';
import { assertScope, type Scope } from '@/lib/auth/scope';
import { changeLogBounds, listChangesAfter, type GoldChange } from './change-log';
import type { ChangeFeed } from './change-feed';
import { decodeEventId, encodeEventId } from './event-ids';
import { scopeChange } from './scoped-change';
import { openSseChannel } from './sse-channel';
import { sseMessage } from './sse-format';

export interface ChangeStreamOptions {
  queueLimit: number;
  heartbeatMs: number;
  /** How long a client waits before reconnecting (sent as `retry:`). */
  retryMs: number;
  /**
   * How often the caller's scope is checked again (see scope-still-valid.ts) in case a notification was
   * missed; changes to the user or link are normally heard at once (`watch`).
   */
  revalidateMs: number;
}

export const DEFAULT_STREAM_OPTIONS: ChangeStreamOptions = { queueLimit: 100, heartbeatMs: 15_000, retryMs: 3_000, revalidateMs: 10_000 };

export type ResetReason = 'overflow' | 'expired';

const RESET_MESSAGES: Record<ResetReason, string> = {
  overflow: 'Too many changes arrived while this connection lagged behind; please refresh.',
  expired: 'The changes since your last update are no longer available; please refresh.',
};

export async function openChangeStream(input: {
  db: Database;
  feed: ChangeFeed;
  scope: Scope;
  /**
   * Last-Event-ID as the client sent it: resume after the position it stands for. One that does not
   * decode for this scope (forged, another scope's, a past session's) is treated like one out of the window.
   */
  lastEventId?: string;
  signal: AbortSignal;
  /** Whether the caller may still see `scope`; the stream ends when this answers false. */
  stillValid?: (scope: Scope) => Promise<boolean>;
  /** Calls back whenever what `scope` was made from may have changed; resolves to the function that stops it. */
  watch?: (onChange: () => void) => Promise<() => void>;
  /** When the scope lapses by itself (a share link's expiry): the stream ends then. */
  endsAt?: Date | null;
  /** Runs once when the stream ends, however it ends. */
  onClose?: () => void;
  options?: Partial<ChangeStreamOptions>;
}): Promise<ReadableStream<Uint8Array>> {
  const { db, feed, scope } = input;
  assertScope(scope);
  const options = { ...DEFAULT_STREAM_OPTIONS, ...input.options };
  const regionIds = scope.regionIds;
  const id = (position: number) => encodeEventId(scope, position);

  let lastId = 0;
  let replaying = true;
  const held: GoldChange[] = [];

  const reset = (position: number, reason: ResetReason) => {
    channel.drop();
    channel.push(sseMessage({ id: id(position), event: 'reset', data: { reason, message: RESET_MESSAGES[reason] } }));
  };
  const forward = (change: GoldChange) => {
    if (change.id <= lastId) return;
    lastId = change.id;
    const scoped = scopeChange(change, regionIds);
    if (scoped && !channel.push(sseMessage({ id: id(change.id), event: 'change', data: scoped }))) reset(change.id, 'overflow');
  };

  const subscription = await feed.subscribe((change) => (replaying ? held.push(change) : forward(change)));
  // What to undo when the stream ends; registered after it ended (a client gone during setup), undone at once.
  const stops: (() => void)[] = [];
  const onEnd = (stop: () => void) => (channel.closed ? stop() : void stops.push(stop));
  const channel = openSseChannel({
    queueLimit: options.queueLimit,
    heartbeatMs: options.heartbeatMs,
    onClose: () => {
      subscription.unsubscribe();
      for (const stop of stops.splice(0)) stop();
      input.onClose?.();
    },
  });
  try {
    const position = subscription.position;
    const from = input.lastEventId === undefined ? undefined : decodeEventId(scope, input.lastEventId);
    if (from === undefined) {
      lastId = position;
    } else {
      // Room for the replay and the ready message; a longer backlog would overflow anyway.
      const missed = from === null ? null : await missedChanges(db, from, position, regionIds, options.queueLimit - 1);
      if (missed === null) {
        reset(position, 'expired');
      } else {
        for (const change of missed) forward(change);
      }
      lastId = Math.max(lastId, position, from ?? 0);
    }
    channel.push(sseMessage({ id: id(lastId), event: 'ready', data: { regions: scope.regions }, retryMs: options.retryMs }));
    replaying = false;
    for (const change of held.splice(0)) forward(change);
    if (input.stillValid) await endWhenInvalid(scope, input.stillValid, input.watch, options.revalidateMs, () => channel.close(), onEnd);
  } catch (error) {
    channel.close();
    throw error;
  }

  if (input.endsAt) {
    // Beyond setTimeout's range (about 24 days) the periodic check ends it instead.
    const ms = input.endsAt.getTime() - Date.now();
    if (ms <= 2 ** 31 - 1) {
      const timer = setTimeout(() => channel.close(), Math.max(0, ms));
      timer.unref?.();
      onEnd(() => clearTimeout(timer));
    }
  }
  const onAbort = () => channel.close();
  if (input.signal.aborted) channel.close();
  else {
    input.signal.addEventListener('abort', onAbort, { once: true });
    onEnd(() => input.signal.removeEventListener('abort', onAbort));
  }
  return channel.stream;
}

/**
 * Ends the stream (`close`) once `stillValid` answers false: checked whenever `watch` reports a change,
 * and every `intervalMs` in case a report was lost. Checks never overlap; a failed one (a database
 * hiccup) is retried at the next report or interval.
 */
async function endWhenInvalid(
  scope: Scope,
  stillValid: (scope: Scope) => Promise<boolean>,
  watch: ((onChange: () => void) => Promise<() => void>) | undefined,
  intervalMs: number,
  close: () => void,
  onEnd: (stop: () => void) => void,
): Promise<void> {
  let checking = false;
  let again = false;
  const check = async () => {
    if (checking) {
      again = true;
      return;
    }
    checking = true;
    try {
      do {
        again = false;
        if (!(await stillValid(scope).catch(() => true))) return close();
      } while (again);
    } finally {
      checking = false;
    }
  };
  const timer = setInterval(() => void check(), intervalMs);
  timer.unref?.();
  onEnd(() => clearInterval(timer));
  if (watch) onEnd(await watch(() => void check()));
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
