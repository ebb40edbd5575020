// The process's rate limiters, one per rule name: on Upstash when it is configured (shared by every
// server process); in the primary process's memory when this is one of several workers of `npm start`;
// in this process's memory otherwise. Kept on globalThis so dev reloads keep their counts.
import { KEY_NAMESPACE, processUpstash } from '@/lib/cache/process-upstash';
import { ClusterRateLimiter, clusterLimitsHosted } from './cluster-limiter';
import type { LimitCheck, LimitRule, RateLimiter } from './limiter';
import { MemoryRateLimiter } from './memory-limiter';
import { UpstashRateLimiter } from './upstash-limiter';

const globalForLimiters = globalThis as unknown as { __rwRateLimiters?: Map<string, RateLimiter> };
const limiters = (globalForLimiters.__rwRateLimiters ??= new Map<string, RateLimiter>());

function build(rule: LimitRule): RateLimiter {
  const upstash = processUpstash();
  if (upstash) return new UpstashRateLimiter(rule, upstash, { namespace: KEY_NAMESPACE });
  return clusterLimitsHosted() ? new ClusterRateLimiter(rule) : new MemoryRateLimiter(rule);
}

function limiterFor(rule: LimitRule): RateLimiter {
  let limiter = limiters.get(rule.name);
  if (!limiter) {
    limiter = build(rule);
    limiters.set(rule.name, limiter);
  } else if (limiter.rule.limit !== rule.limit || limiter.rule.windowMs !== rule.windowMs) {
    throw new Error(`rate limit "${rule.name}" is defined twice with different limits`);
  }
  return limiter;
}

/**
 * The limiter for a rule. Safe to call at module load: the backend is chosen (and the environment read)
 * on first use.
 */
export function rateLimiter(rule: LimitRule): RateLimiter {
  const get = () => limiterFor(rule);
  return {
    rule,
    take: async (key: string): Promise<LimitCheck> => get().take(key),
    check: async (key: string): Promise<LimitCheck> => get().check(key),
    record: async (key: string): Promise<void> => get().record(key),
    reset: async (key: string): Promise<void> => get().reset(key),
  };
}
