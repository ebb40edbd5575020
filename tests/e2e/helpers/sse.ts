// An SSE client for tests: reads a text/event-stream body in the background and parses its messages,
// as a browser's EventSource would (id, event, JSON data; comment lines kept apart).
import { takeSseMessages } from '../../../lib/realtime/sse-format';

export interface SseMessage {
  id?: string;
  event?: string;
  data?: unknown;
  comment?: string;
  /** Date.now() when the message was parsed. */
  receivedAt: number;
}

export function readSse(body: ReadableStream<Uint8Array>) {
  const decoder = new TextDecoder();
  const messages: SseMessage[] = [];
  let buffer = '';
  const reader = body.getReader();
  const done = (async () => {
    for (;;) {
      const { done: ended, value } = await reader.read();
      if (ended) return;
      const taken = takeSseMessages(buffer + decoder.decode(value, { stream: true }));
      buffer = taken.rest;
      for (const { data, ...fields } of taken.messages) {
        messages.push({ ...fields, ...(data === undefined ? {} : { data: JSON.parse(data) }), receivedAt: Date.now() });
      }
    }
  })().catch(() => undefined);
  return {
    messages,
    done,
    events: (name: string) => messages.filter((m) => m.event === name),
    async waitFor(predicate: (all: SseMessage[]) => boolean, what: string, timeoutMs = 15_000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(messages)) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(messages)}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
  };
}
