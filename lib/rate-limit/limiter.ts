// The one rate-limiter interface, for sign-in attempts (per address and email), ingest (per API key) and
// export. Adapters: @upstash/ratelimit on the shared Upstash connection when configured (upstash-limiter.ts),
// counters in Postgres otherwise (postgres-limiter.ts); either way every server process and machine counts
// together. Pick one with rateLimiter() (process-limiters.ts).

export interface LimitRule {
  /** Names the counter: lowercase letters, digits and dashes, e.g. `sign-in-address`. */
  name: string;
  /** Events allowed per key within the window. */
  limit: number;
  windowMs: number;
}

export interface LimitCheck {
  allowed: boolean;
  /** Events still allowed in the window (after this one, for take). */
  remaining: number;
  /** Seconds until one more event would be allowed: 0 when allowed, else at least 1 (for Retry-After). */
  retryAfter: number;
}

export interface RateLimiter {
  readonly rule: LimitRule;
  /** Counts one event when the limit allows it, atomically: the gate for requests (ingest, export, sign-in). */
  take(key: string): Promise<LimitCheck>;
  /** Gives back one event taken in the current window (a sign-in that turned out to succeed). */
  refund(key: string): Promise<void>;
  /** Forgets the key's events. */
  reset(key: string): Promise<void>;
}
