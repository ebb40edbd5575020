// The process's rate limiters, one per rule name: on Upstash when it is configured, in Postgres otherwise
// (and as Upstash's fallback); either way shared by every server process and machine. Kept on globalThis
// so dev reloads and the server's several bundles see one limiter per rule.
import { getDatabase } from '@/db/client';
import { KEY_NAMESPACE, processUpstash } from '@/lib/upstash/process-upstash';
import type { LimitCheck, LimitRule, RateLimiter } from './limiter';
import { PostgresRateLimiter } from './postgres-limiter';
import { UpstashRateLimiter } from './upstash-limiter';

const globalForLimiters = globalThis as unknown as { __rwRateLimiters?: Map<string, RateLimiter> };
const limiters = (globalForLimiters.__rwRateLimiters ??= new Map<string, RateLimiter>());

function build(rule: LimitRule): RateLimiter {
  const postgres = new PostgresRateLimiter(rule, getDatabase);
  const upstash = processUpstash();
  return upstash ? new UpstashRateLimiter(rule, upstash, { namespace: KEY_NAMESPACE, fallback: postgres }) : postgres;
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
    refund: async (key: string): Promise<void> => get().refund(key),
    reset: async (key: string): Promise<void> => get().reset(key),
  };
}
