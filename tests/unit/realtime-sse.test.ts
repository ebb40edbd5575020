import { openSseChannel } from '@/lib/realtime/sse-channel';
import { parseLastEventId, sseComment, sseMessage } from '@/lib/realtime/sse-format';
import { sseParser, type SseFields } from '../helpers/sse-reader';

const decoder = new TextDecoder();

/** What an EventSource-grade parser (not ours) reads from `text`, fed in pieces of `pieceLength` characters. */
function parse(text: string, pieceLength = text.length) {
  const messages: SseFields[] = [];
  const retries: number[] = [];
  const feed = sseParser((m) => messages.push(m), (ms) => retries.push(ms));
  for (let at = 0; at < text.length; at += pieceLength) feed(text.slice(at, at + pieceLength));
  return { messages, retries };
}

describe('SSE format', () => {
  it('writes messages a standard parser reads back field for field, JSON data intact', () => {
    // Line breaks inside strings, colons, and characters SSE does not treat as line breaks.
    const data = { regions: ['East'], note: 'line\nbreak\r\n and: colons, \u2028 \u0085', empty: '', nested: { n: 1.5, none: null } };
    const wire = sseMessage({ id: 'x4', event: 'change', data }) + sseMessage({ id: 'x5', event: 'ready', data: {}, retryMs: 2999.6 });
    for (const pieceLength of [wire.length, 7, 1]) {
      const { messages, retries } = parse(wire, pieceLength);
      expect(messages).toEqual([
        { id: 'x4', event: 'change', data: expect.any(String) },
        { id: 'x5', event: 'ready', data: '{}' },
      ]);
      expect(JSON.parse(messages[0].data!)).toEqual(data);
      expect(retries).toEqual([3000]);
    }
  });

  it('writes one line of data per message and ends each with a blank line', () => {
    expect(sseMessage({ id: 'x4', event: 'change', data: { a: 'line\nbreak' } })).toBe('id: x4\nevent: change\ndata: {"a":"line\\nbreak"}\n\n');
  });

  it('writes comments a standard parser reads as one comment, whatever line breaks they held', () => {
    expect(parse(sseComment('heart\nbeat\r\nnow') + sseMessage({ id: 'x6', event: 'change', data: 1 })).messages).toEqual([
      { comment: 'heart beat now' },
      { id: 'x6', event: 'change', data: '1' },
    ]);
  });

  it('reads Last-Event-ID from the header first, then the query, as sent (the stream decodes it)', () => {
    expect(parseLastEventId('12', '3')).toBe('12');
    expect(parseLastEventId(null, ' abc ')).toBe('abc');
    expect(parseLastEventId(null, null)).toBeUndefined();
    expect(parseLastEventId(' ', null)).toBeUndefined();
    expect(parseLastEventId('1'.repeat(500), null)).toHaveLength(100);
  });
});

describe('openSseChannel', () => {
  it('bounds the queue of a client that does not read, and lets the caller replace the backlog', async () => {
    let closed = 0;
    const channel = openSseChannel({ queueLimit: 3, heartbeatMs: 60_000, onClose: () => (closed += 1) });
    // The stream itself takes a few chunks before our queue starts to fill.
    let accepted = 0;
    for (let i = 0; i < 20; i++) if (channel.push(`m${i}\n`)) accepted += 1;
    expect(accepted).toBeLessThan(20);
    expect(accepted).toBeGreaterThanOrEqual(3);
    channel.drop();
    expect(channel.push('reset\n')).toBe(true);
    const reader = channel.stream.getReader();
    let text = '';
    while (!text.endsWith('reset\n')) text += decoder.decode((await reader.read()).value);
    // What the stream already held, then the reset: the dropped backlog never arrives.
    expect(text.split('\n').filter(Boolean).length).toBeLessThan(accepted + 1);
    expect(text).not.toContain(`m${accepted - 1}\n`);
    channel.close();
    expect(await reader.read()).toEqual({ done: true, value: undefined });
    expect(closed).toBe(1);
    expect(channel.push('late')).toBe(false);
  });

  it('sends heartbeats while idle and cleans up when the reader cancels', async () => {
    let closed = 0;
    const channel = openSseChannel({ queueLimit: 10, heartbeatMs: 20, onClose: () => (closed += 1) });
    const reader = channel.stream.getReader();
    const { value } = await reader.read();
    expect(decoder.decode(value)).toBe(': heartbeat\n\n');
    await reader.cancel();
    expect(closed).toBe(1);
    expect(channel.closed).toBe(true);
  });
});
