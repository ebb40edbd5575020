// A minimal Server-Sent Events client for the benchmarks: one HTTP connection per client, messages parsed
// as they arrive (with the tests' parser, tests/helpers/sse-reader.ts) and handed over with the moment
// they arrived. (EventSource is not in Node 20.)
import http from 'node:http';
import { sseParser } from '@/tests/helpers/sse-reader';

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
    // Every message parsed from one chunk arrived when the chunk did.
    let receivedAt = 0;
    const feed = sseParser((fields) => {
      if (fields.event === 'ready') resolveReady();
      if (fields.data !== undefined) onMessage({ event: fields.event ?? 'message', id: fields.id ?? '', data: fields.data, receivedAt });
    });
    res.on('data', (chunk: string) => {
      receivedAt = performance.now();
      feed(chunk);
    });
  });
  req.on('error', (e) => rejectReady(e));
  return { ready, close: () => req.destroy() };
}
