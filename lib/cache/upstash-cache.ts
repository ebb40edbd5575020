// The Upstash adapter: JSON text under plain string keys with an expiry (SET … EX). Commands issued in
// the same tick travel in one /pipeline request (the client's auto-pipelining).
import type { Cache } from './cache';
import type { UpstashConnection } from '@/lib/upstash/connection';

export class UpstashCache implements Cache {
  readonly backend = 'upstash' as const;

  constructor(private readonly connection: UpstashConnection) {}

  async get(key: string): Promise<string | undefined> {
    const value = await this.connection.run((redis) => redis.get<string>(key));
    return value ?? undefined;
  }

  async set(key: string, json: string, ttlSeconds: number): Promise<void> {
    await this.connection.run((redis) => redis.set(key, json, { ex: Math.max(1, Math.round(ttlSeconds)) }));
  }

  async delete(key: string): Promise<void> {
    await this.connection.run((redis) => redis.del(key));
  }

  ping(): Promise<void> {
    return this.connection.ping();
  }
}
