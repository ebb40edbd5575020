// The adapter for one of several server processes of `npm start` without Upstash: the primary process holds
// the counters (cluster-host.ts), so a limit counts the events of every worker, not each worker's own
// (connections are spread over the workers, so per-worker counters would multiply every limit).
import { PrimaryChannel } from '@/lib/cluster/primary-channel';
import type { LimitCheck, LimitRule, RateLimiter } from './limiter';
import { CLUSTER_LIMITS_ENV, limitReplySchema, type LimitReply, type LimitRequest } from './cluster-protocol';

/** A reply this late means the primary is gone; the request fails rather than hangs. */
const REPLY_TIMEOUT_MS = 5_000;

/** Whether this process is a worker whose primary hosts the rate-limit counters. */
export function clusterLimitsHosted(): boolean {
  return process.env[CLUSTER_LIMITS_ENV] === '1' && typeof process.send === 'function';
}

// The process's one channel for limits (on globalThis: several bundles of this module share it).
const globalForChannel = globalThis as unknown as { __rwPrimaryChannel?: PrimaryChannel<LimitRequest, LimitReply> };

async function ask(op: LimitRequest['op'], rule: LimitRule, key: string): Promise<LimitCheck | null> {
  const channel = (globalForChannel.__rwPrimaryChannel ??= new PrimaryChannel('rate limit host', limitReplySchema, REPLY_TIMEOUT_MS));
  const reply = await channel.ask({ type: 'rw:rate-limit', op, rule: { ...rule }, key });
  if (reply.error) throw new Error(`rate limit host: ${reply.error}`);
  return reply.result;
}

export class ClusterRateLimiter implements RateLimiter {
  constructor(readonly rule: LimitRule) {}

  async take(key: string): Promise<LimitCheck> {
    return expectCheck(await ask('take', this.rule, key));
  }

  async check(key: string): Promise<LimitCheck> {
    return expectCheck(await ask('check', this.rule, key));
  }

  async record(key: string): Promise<void> {
    await ask('record', this.rule, key);
  }

  async reset(key: string): Promise<void> {
    await ask('reset', this.rule, key);
  }
}

function expectCheck(result: LimitCheck | null): LimitCheck {
  if (!result) throw new Error('rate limit host answered without a result');
  return result;
}
