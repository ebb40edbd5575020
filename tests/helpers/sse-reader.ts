// Server-Sent Events read outside a browser (tests and the bench; Node 20 has no EventSource): the parsing
// is eventsource-parser's, field by field as EventSource does it, so our server's output is checked by a
// parser that is not ours.
import { createParser } from 'eventsource-parser';

/** One message as sent: its fields (`data` lines joined with newlines), or a comment line. */
export interface SseFields {
  id?: string;
  event?: string;
  data?: string;
  comment?: string;
}

/**
 * A parser to feed the stream's text as it arrives (chunks may split a message anywhere): calls
 * `onMessage` once per complete message and per comment line, and `onRetry` for a `retry:` field.
 */
export function sseParser(onMessage: (message: SseFields) => void, onRetry?: (ms: number) => void): (text: string) => void {
  const parser = createParser({
    onEvent: ({ id, event, data }) => onMessage({ ...(id === undefined ? {} : { id }), ...(event === undefined ? {} : { event }), data }),
    // The parser keeps the space after the colon; fields lose it, and comments read the same way.
    onComment: (comment) => onMessage({ comment: comment.replace(/^ /, '') }),
    onRetry,
  });
  return (text) => parser.feed(text);
}

/** A message of our streams: `data` parsed from its JSON, and the moment it was parsed. */
export interface SseMessage extends Omit<SseFields, 'data'> {
  data?: unknown;
  /** Date.now() when the message was parsed. */
  receivedAt: number;
}

/**
 * Reads a text/event-stream body in the background. `waitFor` resolves as soon as the messages so far
 * satisfy `predicate` (checked on every message, no polling), and fails when the stream ends first or
 * after `timeoutMs`.
 */
export function readSse(body: ReadableStream<Uint8Array>) {
  const messages: SseMessage[] = [];
  const checks = new Set<() => void>();
  let raw = '';
  let ended = false;
  const settle = () => [...checks].forEach((check) => check());
  const feed = sseParser(({ data, ...fields }) => {
    messages.push({ ...fields, ...(data === undefined ? {} : { data: JSON.parse(data) }), receivedAt: Date.now() });
    settle();
  });
  const decoder = new TextDecoder();
  const reader = body.getReader();
  const done = (async () => {
    for (;;) {
      const { done: finished, value } = await reader.read();
      if (finished) return;
      const text = decoder.decode(value, { stream: true });
      raw += text;
      feed(text);
    }
  })()
    .catch(() => undefined)
    .finally(() => {
      ended = true;
      settle();
    });
  return {
    messages,
    /** Resolves when the stream has ended (closed by the server, aborted or cancelled). */
    done,
    /** Everything received so far, as sent. */
    raw: () => raw,
    events: (name: string) => messages.filter((m) => m.event === name),
    waitFor(predicate: (all: SseMessage[]) => boolean, what = 'the expected messages', timeoutMs = 15_000): Promise<void> {
      return new Promise((resolve, reject) => {
        const finish = (error?: Error) => {
          clearTimeout(timer);
          checks.delete(check);
          if (error) reject(error);
          else resolve();
        };
        const got = () => `; got ${JSON.stringify(messages)}`;
        const check = () => {
          if (predicate(messages)) finish();
          else if (ended) finish(new Error(`the stream ended before ${what}${got()}`));
        };
        const timer = setTimeout(() => finish(new Error(`timed out waiting for ${what}${got()}`)), timeoutMs);
        checks.add(check);
        check();
      });
    },
  };
}

export type SseReader = ReturnType<typeof readSse>;
