// The Upstash adapter: @upstash/ratelimit's sliding window (Lua run with EVALSHA, EVAL on NOSCRIPT), shared
// by every server process. When Upstash fails, the same rule is enforced per process in memory until it
// answers again (a cool-down, see upstash-connection.ts): limits loosen to per-process, never vanish.
import { createHash } from 'node:crypto';
import { Ratelimit } from '@upstash/ratelimit';
import { FailureLog } from '@/lib/cache/failure-log';
import type { UpstashConnection } from '@/lib/cache/upstash-connection';
import type { LimitCheck, LimitRule, RateLimiter } from './limiter';
import { MemoryRateLimiter } from './memory-limiter';

export class UpstashRateLimiter implements RateLimiter {
  private readonly ratelimit: Ratelimit;
  private readonly fallback: MemoryRateLimiter;
  private readonly failures: FailureLog;

  constructor(
    readonly rule: LimitRule,
    private readonly connection: UpstashConnection,
    options: { namespace: string; log?: (message: string, error: unknown) => void },
  ) {
    this.ratelimit = new Ratelimit({
      redis: connection.redis,
      limiter: Ratelimit.slidingWindow(rule.limit, `${rule.windowMs} ms`),
      prefix: `${options.namespace}:rl:${rule.name}`,
      // Its own timeout would answer "allowed"; the connection's timeout fails over to memory instead.
      timeout: 0,
      analytics: false,
    });
    this.fallback = new MemoryRateLimiter(rule);
    this.failures = new FailureLog(`rate limiter "${rule.name}": Upstash unavailable; limiting in memory`, 60_000, options.log);
  }

  take(key: string): Promise<LimitCheck> {
    return this.attempt(
      async () => {
        const { success, remaining, reset } = await this.ratelimit.limit(identifier(key));
        return { allowed: success, remaining, retryAfter: success ? 0 : secondsUntil(reset) };
      },
      () => this.fallback.take(key),
    );
  }

  check(key: string): Promise<LimitCheck> {
    return this.attempt(
      async () => {
        const { remaining, reset } = await this.ratelimit.getRemaining(identifier(key));
        return { allowed: remaining > 0, remaining, retryAfter: remaining > 0 ? 0 : secondsUntil(reset) };
      },
      () => this.fallback.check(key),
    );
  }

  record(key: string): Promise<void> {
    return this.attempt(
      async () => {
        await this.ratelimit.limit(identifier(key));
      },
      () => this.fallback.record(key),
    );
  }

  reset(key: string): Promise<void> {
    return this.attempt(
      async () => {
        // resetUsedTokens SCANs the keyspace for the key's windows: only pay for it when something was counted.
        const { remaining, limit } = await this.ratelimit.getRemaining(identifier(key));
        if (remaining < limit) await this.ratelimit.resetUsedTokens(identifier(key));
      },
      () => this.fallback.reset(key),
    );
  }

  private async attempt<T>(upstash: () => Promise<T>, memory: () => Promise<T>): Promise<T> {
    try {
      return await this.connection.run(upstash);
    } catch (error) {
      this.failures.report(error);
      return memory();
    }
  }
}

/**
 * Keys (emails, API keys) are hashed: no secret or address is stored in Redis, and no character of a key
 * can act as a SCAN pattern in resetUsedTokens.
 */
function identifier(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}

function secondsUntil(resetAt: number): number {
  return Math.max(1, Math.ceil((resetAt - Date.now()) / 1000));
}
