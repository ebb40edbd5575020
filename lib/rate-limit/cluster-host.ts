// The primary's side of cluster-limiter.ts: in-memory sliding windows for every worker, one per rule name.
import type { Cluster } from 'node:cluster';
import { limitRequestSchema, type LimitReply } from './cluster-protocol';
import { MemoryRateLimiter } from './memory-limiter';

/** Answers the rate-limit requests of the cluster's workers until the primary exits. */
export function hostClusterRateLimits(cluster: Cluster): void {
  const limiters = new Map<string, MemoryRateLimiter>();
  cluster.on('message', (worker, message: unknown) => {
    const request = limitRequestSchema.safeParse(message);
    if (!request.success) return;
    const { id, op, rule, key } = request.data;
    const reply = (fields: Omit<LimitReply, 'type' | 'id'>) => {
      if (worker.isConnected()) worker.send({ type: 'rw:rate-limit-reply', id, ...fields } satisfies LimitReply);
    };
    let limiter = limiters.get(rule.name);
    if (!limiter) {
      limiter = new MemoryRateLimiter(rule);
      limiters.set(rule.name, limiter);
    } else if (limiter.rule.limit !== rule.limit || limiter.rule.windowMs !== rule.windowMs) {
      reply({ result: null, error: `rule "${rule.name}" is defined with different limits in two workers` });
      return;
    }
    limiter[op](key).then(
      (result) => reply({ result: result ?? null }),
      (error: unknown) => reply({ result: null, error: error instanceof Error ? error.message : 'failed' }),
    );
  });
}
