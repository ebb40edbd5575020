// One SSE connection's outgoing side: a ReadableStream fed from a bounded queue. Messages wait in the
// queue while the client reads slowly; when it is full, push() refuses and the caller replaces the
// backlog with one message (a reset), so a slow client costs a fixed amount of memory and never delays
// the feed or other connections. Heartbeat comments keep idle connections open through proxies.
import 'server-only';
import { sseComment } from './sse-format';

export interface SseChannelOptions {
  /** Most messages waiting for a slow client. */
  queueLimit: number;
  heartbeatMs: number;
  /** Runs once, when the client goes away or the channel is closed. */
  onClose: () => void;
}

export interface SseChannel {
  readonly stream: ReadableStream<Uint8Array>;
  /** Queues a message; false when the queue is full (nothing was queued) or the channel is closed. */
  push(text: string): boolean;
  /** Empties the queue (messages already handed to the stream stay). */
  drop(): void;
  close(): void;
  readonly closed: boolean;
}

// Chunks the stream itself may hold beyond our queue; small, so the queue limit is what counts.
const STREAM_HIGH_WATER_MARK = 4;

export function openSseChannel(options: SseChannelOptions): SseChannel {
  const encoder = new TextEncoder();
  let queue: string[] = [];
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  let closed = false;
  let heartbeat: ReturnType<typeof setInterval> | undefined;

  const flush = () => {
    while (controller && !closed && queue.length > 0 && (controller.desiredSize ?? 0) > 0) {
      controller.enqueue(encoder.encode(queue.shift()));
    }
  };
  const cleanUp = () => {
    if (closed) return false;
    closed = true;
    queue = [];
    if (heartbeat) clearInterval(heartbeat);
    options.onClose();
    return true;
  };

  const stream = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        heartbeat = setInterval(() => {
          if (queue.length === 0) channel.push(sseComment('heartbeat'));
        }, options.heartbeatMs);
        heartbeat.unref?.();
      },
      pull() {
        flush();
      },
      cancel() {
        cleanUp();
      },
    },
    { highWaterMark: STREAM_HIGH_WATER_MARK },
  );

  const channel: SseChannel = {
    stream,
    push(text) {
      if (closed || queue.length >= options.queueLimit) return false;
      queue.push(text);
      flush();
      return true;
    },
    drop() {
      queue = [];
    },
    close() {
      if (!cleanUp()) return;
      try {
        controller?.close();
      } catch {
        // already closed or errored by the consumer
      }
    },
    get closed() {
      return closed;
    },
  };
  return channel;
}
