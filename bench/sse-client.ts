// A minimal Server-Sent Events client for the benchmarks: one HTTP connection per client, messages parsed
// as they arrive and handed over with the moment they arrived. (EventSource is not in Node 20.)
import http from 'node:http';
import { takeSseMessages } from '@/lib/realtime/sse-format';

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
      const taken = takeSseMessages(buffer + chunk);
      buffer = taken.rest;
      for (const fields of taken.messages) {
        if (fields.event === 'ready') resolveReady();
        if (fields.data !== undefined) onMessage({ event: fields.event ?? 'message', id: fields.id ?? '', data: fields.data, receivedAt });
      }
    });
  });
  req.on('error', (e) => rejectReady(e));
  return { ready, close: () => req.destroy() };
}
