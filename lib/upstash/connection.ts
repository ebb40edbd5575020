// The connection to Upstash Redis, shared by the cache and the rate limiters. Built to fail fast: a short
// timeout on every HTTP request, no retries, and after a failure a cool-down during which callers skip
// Upstash at once, so a dead or slow Upstash costs one timeout per cool-down rather than one per request.
import { Redis } from '@upstash/redis';

/** Per request; Upstash answers in a few milliseconds from the same region. */
export const UPSTASH_TIMEOUT_MS = 300;
export const UPSTASH_COOLDOWN_MS = 5_000;

export class UpstashUnavailable extends Error {
  constructor() {
    super('Upstash is skipped for a few seconds after a failed request');
    this.name = 'UpstashUnavailable';
  }
}

export interface UpstashSettings {
  url: string;
  token: string;
  timeoutMs?: number;
  cooldownMs?: number;
}

export class UpstashConnection {
  readonly redis: Redis;
  private readonly cooldownMs: number;
  private skipUntil = 0;

  constructor(settings: UpstashSettings) {
    const timeoutMs = settings.timeoutMs ?? UPSTASH_TIMEOUT_MS;
    this.cooldownMs = settings.cooldownMs ?? UPSTASH_COOLDOWN_MS;
    this.redis = new Redis({
      url: settings.url,
      token: settings.token,
      // A signal factory: a fresh timeout per request (a shared signal would expire once, for good).
      signal: () => AbortSignal.timeout(timeoutMs),
      // `retries: 0` is one attempt; `retry: false` would still make two.
      retry: { retries: 0 },
      // Values are our own JSON text and valid UTF-8: no base64 round trip, no automatic JSON.parse.
      responseEncoding: false,
      automaticDeserialization: false,
      enableTelemetry: false,
    });
  }

  /** Runs a call against Upstash, or rejects with UpstashUnavailable at once while cooling down. */
  async run<T>(call: (redis: Redis) => Promise<T>): Promise<T> {
    if (Date.now() < this.skipUntil) throw new UpstashUnavailable();
    try {
      return await call(this.redis);
    } catch (error) {
      this.skipUntil = Date.now() + this.cooldownMs;
      throw error;
    }
  }

  /** Health probe: ignores the cool-down, and a success ends it early. */
  async ping(): Promise<void> {
    try {
      await this.redis.ping();
      this.skipUntil = 0;
    } catch (error) {
      this.skipUntil = Date.now() + this.cooldownMs;
      throw error;
    }
  }
}
