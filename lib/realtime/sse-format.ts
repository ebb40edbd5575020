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
