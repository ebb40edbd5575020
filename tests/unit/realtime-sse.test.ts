import { openSseChannel } from '@/lib/realtime/sse-channel';
import { parseLastEventId, sseComment, sseMessage } from '@/lib/realtime/sse-format';

const decoder = new TextDecoder();

describe('SSE format', () => {
  it('writes id, event and one line of JSON data, ending with a blank line', () => {
    expect(sseMessage({ id: 'x4', event: 'change', data: { a: 'line\nbreak' } })).toBe(
      'id: x4\nevent: change\ndata: {"a":"line\\nbreak"}\n\n',
    );
    expect(sseMessage({ id: 'x0', event: 'ready', data: {}, retryMs: 3000 })).toBe('retry: 3000\nid: x0\nevent: ready\ndata: {}\n\n');
    expect(sseComment('heart\nbeat')).toBe(': heart beat\n\n');
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
