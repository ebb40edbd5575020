// A minimal Server-Sent Events client for the benchmarks: one HTTP connection per client, messages parsed
// as they arrive and handed over with the moment they arrived. (EventSource is not in Node 20.)
import http from 'node:http';

export interface SseMessage {
  event: string;
  id: string;
  data: string;
  receivedAt: number;
}

export interface SseConnection {
  /** Resolves on the first `ready` message. */
  ready: Promise<void>;
  close(): void;
}

export function connectSse(url: string, cookie: string, onMessage: (message: SseMessage) => void): SseConnection {
  let resolveReady!: () => void;
  let rejectReady!: (e: Error) => void;
  const ready = new Promise<void>((res, rej) => ((resolveReady = res), (rejectReady = rej)));
  const req = http.get(url, { headers: { cookie, accept: 'text/event-stream' }, agent: false }, (res) => {
    if (res.statusCode !== 200) {
      rejectReady(new Error(`stream answered ${res.statusCode}`));
      res.resume();
      return;
    }
    res.setEncoding('utf8');
    let buffer = '';
    res.on('data', (chunk: string) => {
      const receivedAt = performance.now();
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const message: SseMessage = { event: 'message', id: '', data: '', receivedAt };
        for (const line of block.split('\n')) {
          const colon = line.indexOf(':');
          if (colon <= 0) continue;
          const field = line.slice(0, colon);
          const value = line.slice(colon + 1).replace(/^ /, '');
          if (field === 'event') message.event = value;
          else if (field === 'id') message.id = value;
          else if (field === 'data') message.data += value;
        }
        if (message.event === 'ready') resolveReady();
        if (message.data) onMessage(message);
      }
    });
  });
  req.on('error', (e) => rejectReady(e));
  return { ready, close: () => req.destroy() };
}
