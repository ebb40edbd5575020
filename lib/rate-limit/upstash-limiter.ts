// The Upstash adapter: @upstash/ratelimit's sliding window (Lua run with EVALSHA, EVAL on NOSCRIPT), shared
// by every server process. When Upstash fails, the same rule is enforced by the fallback (the Postgres
// counters, shared too) until it answers again (a cool-down, see upstash-connection.ts): limits never vanish.
import { createHash } from 'node:crypto';
import { Ratelimit } from '@upstash/ratelimit';
import { FailureLog } from '@/lib/upstash/failure-log';
import type { UpstashConnection } from '@/lib/upstash/connection';
import type { LimitCheck, LimitRule, RateLimiter } from './limiter';

export class UpstashRateLimiter implements RateLimiter {
  private readonly ratelimit: Ratelimit;
  private readonly fallback: RateLimiter;
  private readonly failures: FailureLog;

  constructor(
    readonly rule: LimitRule,
    private readonly connection: UpstashConnection,
    options: { namespace: string; fallback: RateLimiter; log?: (message: string, error: unknown) => void },
  ) {
    this.ratelimit = new Ratelimit({
      redis: connection.redis,
      limiter: Ratelimit.slidingWindow(rule.limit, `${rule.windowMs} ms`),
      prefix: `${options.namespace}:rl:${rule.name}`,
      // Its own timeout would answer "allowed"; the connection's timeout fails over to memory instead.
      timeout: 0,
      analytics: false,
    });
    this.fallback = options.fallback;
    this.failures = new FailureLog(`rate limiter "${rule.name}": Upstash unavailable; limiting in Postgres`, 60_000, options.log);
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

  refund(key: string): Promise<void> {
    return this.attempt(
      async () => {
        // A negative rate gives a token back to the current window (the script skips the limit check).
        await this.ratelimit.limit(identifier(key), { rate: -1 });
      },
      () => this.fallback.refund(key),
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

  private async attempt<T>(upstash: () => Promise<T>, fallback: () => Promise<T>): Promise<T> {
    try {
      return await this.connection.run(upstash);
    } catch (error) {
      this.failures.report(error);
      return fallback();
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
