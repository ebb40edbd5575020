// The one rate-limiter interface, for sign-in failures (per email), ingest (per API key) and export.
// Adapters: @upstash/ratelimit on the shared Upstash connection when configured (upstash-limiter.ts),
// the primary process's sliding windows for the workers of a multi-process `npm start` (cluster-limiter.ts),
// the in-process sliding window otherwise (memory-limiter.ts). Pick one with rateLimiter() (process-limiters.ts).

export interface LimitRule {
  /** Names the counter: lowercase letters, digits and dashes, e.g. `sign-in-failures`. */
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
  /** Counts one event when the limit allows it: the gate for requests (ingest, export). */
  take(key: string): Promise<LimitCheck>;
  /** Whether one more event would be allowed, without counting one (sign-in asks before the password). */
  check(key: string): Promise<LimitCheck>;
  /** Counts one event that already happened (a failed sign-in). */
  record(key: string): Promise<void>;
  /** Forgets the key's events (a successful sign-in). */
  reset(key: string): Promise<void>;
}
