// The adapter for one of several server processes of `npm start` without Upstash: the primary process holds
// the counters (cluster-host.ts), so a limit counts the events of every worker, not each worker's own
// (connections are spread over the workers, so per-worker counters would multiply every limit).
import type { LimitCheck, LimitRule, RateLimiter } from './limiter';
import { CLUSTER_LIMITS_ENV, limitReplySchema, type LimitRequest } from './cluster-protocol';

/** A reply this late means the primary is gone; the request fails rather than hangs. */
const REPLY_TIMEOUT_MS = 5_000;

/** Whether this process is a worker whose primary hosts the rate-limit counters. */
export function clusterLimitsHosted(): boolean {
  return process.env[CLUSTER_LIMITS_ENV] === '1' && typeof process.send === 'function';
}

interface Pending {
  resolve: (result: LimitCheck | null) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** The process's one channel to the primary: numbered requests, replies matched by number. */
class PrimaryChannel {
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();

  constructor() {
    process.on('message', (message: unknown) => {
      const reply = limitReplySchema.safeParse(message);
      if (!reply.success) return;
      const waiting = this.pending.get(reply.data.id);
      if (!waiting) return;
      this.pending.delete(reply.data.id);
      clearTimeout(waiting.timer);
      if (reply.data.error) waiting.reject(new Error(`rate limit host: ${reply.data.error}`));
      else waiting.resolve(reply.data.result);
    });
  }

  ask(op: LimitRequest['op'], rule: LimitRule, key: string): Promise<LimitCheck | null> {
    const id = this.nextId++;
    const request: LimitRequest = { type: 'rw:rate-limit', id, op, rule: { ...rule }, key };
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`rate limit host did not answer within ${REPLY_TIMEOUT_MS} ms`));
      }, REPLY_TIMEOUT_MS);
      timer.unref();
      this.pending.set(id, { resolve, reject, timer });
      process.send!(request, undefined, undefined, (error: Error | null) => {
        if (!error) return;
        this.pending.delete(id);
        clearTimeout(timer);
        reject(error);
      });
    });
  }
}

const globalForChannel = globalThis as unknown as { __rwPrimaryChannel?: PrimaryChannel };

export class ClusterRateLimiter implements RateLimiter {
  constructor(readonly rule: LimitRule) {}

  private get channel(): PrimaryChannel {
    return (globalForChannel.__rwPrimaryChannel ??= new PrimaryChannel());
  }

  async take(key: string): Promise<LimitCheck> {
    return expectCheck(await this.channel.ask('take', this.rule, key));
  }

  async check(key: string): Promise<LimitCheck> {
    return expectCheck(await this.channel.ask('check', this.rule, key));
  }

  async record(key: string): Promise<void> {
    await this.channel.ask('record', this.rule, key);
  }

  async reset(key: string): Promise<void> {
    await this.channel.ask('reset', this.rule, key);
  }
}

function expectCheck(result: LimitCheck | null): LimitCheck {
  if (!result) throw new Error('rate limit host answered without a result');
  return result;
}
