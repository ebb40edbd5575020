// The process's Upstash connection, shared by the cache and the rate limiters: built once from
// UPSTASH_REDIS_REST_URL and _TOKEN, or null when they are unset. Kept on globalThis so dev reloads and
// bundler layers share one (and one cool-down).
import { env } from '@/lib/env';
import { UpstashConnection } from './connection';

/** Prefix of every Redis key this deployment writes. */
export const KEY_NAMESPACE = 'rw';

const globalForUpstash = globalThis as unknown as { __rwUpstash?: { connection: UpstashConnection | null } };

export function processUpstash(): UpstashConnection | null {
  if (!globalForUpstash.__rwUpstash) {
    const { UPSTASH_REDIS_REST_URL: url, UPSTASH_REDIS_REST_TOKEN: token } = env();
    globalForUpstash.__rwUpstash = { connection: url && token ? new UpstashConnection({ url, token }) : null };
  }
  return globalForUpstash.__rwUpstash.connection;
}
