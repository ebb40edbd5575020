// Server-Sent Events wire format (WHATWG HTML §9.2): `field: value` lines, a blank line ends a message.

export const SSE_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  'X-Accel-Buffering': 'no',
} as const;

/** One message; `data` is sent as one line of JSON (JSON never contains a raw newline). */
export function sseMessage(message: { id: string; event: string; data: unknown; retryMs?: number }): string {
  const retry = message.retryMs === undefined ? '' : `retry: ${Math.round(message.retryMs)}\n`;
  return `${retry}id: ${message.id}\nevent: ${message.event}\ndata: ${JSON.stringify(message.data)}\n\n`;
}

/** A comment line: ignored by clients, keeps proxies and load balancers from closing an idle stream. */
export function sseComment(text: string): string {
  return `: ${text.replace(/[\r\n]+/g, ' ')}\n\n`;
}

/**
 * The Last-Event-ID to resume after: the header EventSource sends on reconnect, else `?lastEventId=`
 * (for a first connection that wants to resume). undefined when absent; otherwise the text as sent, for
 * the stream to decode (event-ids.ts), cut short: no id this server hands out is longer.
 */
export function parseLastEventId(header: string | null, query: string | null): string | undefined {
  const raw = (header ?? query ?? '').trim();
  return raw === '' ? undefined : raw.slice(0, 100);
}

/** One parsed message: its fields as sent (`data` lines joined with newlines), or a comment line. */
export interface SseFields {
  id?: string;
  event?: string;
  data?: string;
  comment?: string;
}

/**
 * The complete messages at the start of `buffer` (text of a stream received so far) and the unfinished
 * rest, parsed as EventSource does: `field: value` lines, one leading space dropped, blank line ends one.
 * For clients outside a browser (tests, benchmarks).
 */
export function takeSseMessages(buffer: string): { messages: SseFields[]; rest: string } {
  const messages: SseFields[] = [];
  let rest = buffer;
  for (let end = rest.indexOf('\n\n'); end >= 0; end = rest.indexOf('\n\n')) {
    const message: SseFields = {};
    for (const line of rest.slice(0, end).split('\n')) {
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === '') message.comment = value;
      else if (field === 'id') message.id = value;
      else if (field === 'event') message.event = value;
      else if (field === 'data') message.data = message.data === undefined ? value : `${message.data}\n${value}`;
    }
    messages.push(message);
    rest = rest.slice(end + 2);
  }
  return { messages, rest };
}
