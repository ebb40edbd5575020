// A worker's channel to the primary process of `npm start` (node:cluster IPC): numbered requests, replies
// matched by number and parsed (an IPC message is a boundary like any other), and a deadline, so a primary
// that is gone fails a request instead of hanging it. The rate-limit counters and the page cache, when
// several workers share them, live in the primary and are reached through one of these each.
import type { z } from 'zod';

/** A request as its sender writes it: the channel numbers it. Distributes over unions of requests. */
export type Unnumbered<T> = T extends unknown ? Omit<T, 'id'> : never;

interface Pending<T> {
  resolve: (reply: T) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** Replies carry the request's `id`; `replySchema` tells this channel's replies from other messages. */
export class PrimaryChannel<Request extends { id: number }, Reply extends { id: number }> {
  private nextId = 0;
  private readonly pending = new Map<number, Pending<Reply>>();

  constructor(private readonly name: string, private readonly replySchema: z.ZodType<Reply>, private readonly timeoutMs: number) {
    process.on('message', (message: unknown) => {
      const reply = this.replySchema.safeParse(message);
      if (!reply.success) return;
      const waiting = this.pending.get(reply.data.id);
      if (!waiting) return;
      this.pending.delete(reply.data.id);
      clearTimeout(waiting.timer);
      waiting.resolve(reply.data);
    });
  }

  /** Sends a request (its id is filled in here) and resolves with the primary's reply. */
  ask(request: Unnumbered<Request>): Promise<Reply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${this.name} did not answer within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      timer.unref();
      this.pending.set(id, { resolve, reject, timer });
      this.send({ ...request, id }, (error) => {
        this.pending.delete(id);
        clearTimeout(timer);
        reject(error);
      });
    });
  }

  /** Sends a request that needs no reply. */
  tell(request: Unnumbered<Request>): void {
    this.send({ ...request, id: this.nextId++ }, () => {});
  }

  private send(request: Unnumbered<Request> & { id: number }, failed: (error: Error) => void): void {
    if (typeof process.send !== 'function') return failed(new Error(`${this.name}: this process has no primary`));
    process.send(request, undefined, undefined, (error: Error | null) => {
      if (error) failed(error);
    });
  }
}
