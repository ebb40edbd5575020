// An SSE client for tests: reads a text/event-stream body in the background and parses its messages,
// as a browser's EventSource would (id, event, JSON data; comment lines kept apart).
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
      buffer += decoder.decode(value, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const message: SseMessage = { receivedAt: Date.now() };
        for (const line of buffer.slice(0, end).split('\n')) {
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === '') message.comment = value;
          else if (field === 'id') message.id = value;
          else if (field === 'event') message.event = value;
          else if (field === 'data') message.data = JSON.parse(value);
        }
        messages.push(message);
        buffer = buffer.slice(end + 2);
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
