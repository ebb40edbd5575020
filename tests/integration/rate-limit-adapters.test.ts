// The rate limiter on every backend this run has: counters in Postgres (PGlite, and the real server when
// TEST_DATABASE_URL is set), and @upstash/ratelimit's Lua (EVALSHA, then EVAL on NOSCRIPT) through the bridge
// to the real Redis when REDIS_URL is set.
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, installDatabaseHandle, type DatabaseHandle } from '@/db/client';
import { UpstashConnection } from '@/lib/upstash/connection';
import type { LimitRule, RateLimiter } from '@/lib/rate-limit/limiter';
import { PostgresRateLimiter } from '@/lib/rate-limit/postgres-limiter';
import { UpstashRateLimiter } from '@/lib/rate-limit/upstash-limiter';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';
import { openTestBackend, testKeyNamespace, type TestBackend } from '../helpers/upstash-bridge';

// Upstash's sliding window weighs the previous fixed window, aligned to multiples of the window: an hour
// keeps a test run from straddling a boundary, where the count would legitimately drop.
const HOUR = 3_600_000;

const backends = [
  ...testEngines().map((engine) => ({ name: `postgres limiter on ${engine}`, engine, upstash: false })),
  ...(process.env.REDIS_URL ? [{ name: 'upstash', engine: 'pglite' as const, upstash: true }] : []),
];

describe.each(backends)('rate limiter: $name', ({ engine, upstash }) => {
  const namespace = testKeyNamespace();
  const log = jest.fn();
  let handle: TestDatabase;
  let backend: TestBackend | null = null;
  let names = 0;
  /** A limiter under a rule name of its own, so tests never share counters. */
  const limiter = (rule: Omit<LimitRule, 'name'> & { name?: string }): RateLimiter => {
    const full = { name: rule.name ?? `rule-${++names}`, limit: rule.limit, windowMs: rule.windowMs };
    const postgres = new PostgresRateLimiter(full, async () => handle.db);
    return backend?.upstash ? new UpstashRateLimiter(full, backend.upstash, { namespace, fallback: postgres, log }) : postgres;
  };

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    if (upstash) backend = await openTestBackend('upstash', namespace);
  });
  afterAll(async () => {
    await backend?.close();
    await handle.destroy();
  });
  // Upstash limiters fall back to Postgres silently but for this log: it proves Redis answered every call.
  afterEach(() => expect(log).not.toHaveBeenCalled());

  it('allows the limit, then refuses with a retry time, per key and per rule', async () => {
    const exports = limiter({ name: 'export', limit: 3, windowMs: HOUR });
    const taken = [];
    for (let i = 0; i < 3; i++) taken.push(await exports.take('user-1'));
    expect(taken).toEqual([
      { allowed: true, remaining: 2, retryAfter: 0 },
      { allowed: true, remaining: 1, retryAfter: 0 },
      { allowed: true, remaining: 0, retryAfter: 0 },
    ]);
    const refused = await exports.take('user-1');
    expect(refused).toEqual({ allowed: false, remaining: 0, retryAfter: expect.any(Number) });
    expect(refused.retryAfter).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfter).toBeLessThanOrEqual(HOUR / 1000);
    expect((await exports.take('user-2')).allowed).toBe(true);
    expect((await limiter({ name: 'ingest', limit: 3, windowMs: HOUR }).take('user-1')).allowed).toBe(true);
  });

  it('refund gives back what take counted, reset forgets', async () => {
    const attempts = limiter({ limit: 3, windowMs: HOUR });
    const email = 'viewer@retailwave.test';
    for (let i = 0; i < 3; i++) expect((await attempts.take(email)).allowed).toBe(true);
    expect((await attempts.take(email)).allowed).toBe(false);
    await attempts.refund(email);
    expect(await attempts.take(email)).toEqual({ allowed: true, remaining: 0, retryAfter: 0 });
    expect((await attempts.take(email)).allowed).toBe(false);
    expect((await attempts.take('analyst@retailwave.test')).allowed).toBe(true);

    await attempts.reset(email);
    expect(await attempts.take(email)).toEqual({ allowed: true, remaining: 2, retryAfter: 0 });
  });

  it('never lets concurrent takes past the limit', async () => {
    const burst = limiter({ limit: 7, windowMs: HOUR });
    const results = await Promise.all(Array.from({ length: 60 }, () => burst.take('one-key')));
    expect(results.filter((r) => r.allowed)).toHaveLength(7);
    expect(results.filter((r) => !r.allowed).every((r) => r.retryAfter >= 1)).toBe(true);
  });

  if (upstash) {
    it('keeps its counters in Redis under the namespace, with keys hashed', async () => {
      await limiter({ limit: 10, windowMs: HOUR }).take('someone@retailwave.test');
      const keys = await backend!.upstash!.redis.keys(`${namespace}:rl:*`);
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.every((k) => !k.includes('@'))).toBe(true);
    });
  } else {
    it('stores keys hashed, starts a new window when one ends, and sweeps expired windows', async () => {
      const hourly = limiter({ name: 'hourly', limit: 2, windowMs: HOUR });
      expect((await hourly.take('someone@retailwave.test')).allowed).toBe(true);
      expect((await hourly.take('someone@retailwave.test')).allowed).toBe(true);
      const refused = await hourly.take('someone@retailwave.test');
      expect(refused).toEqual({ allowed: false, remaining: 0, retryAfter: expect.any(Number) });
      const [{ seconds }] = await queryRows<{ seconds: number }>(handle.db, sql`
        select ceil(extract(epoch from to_timestamp((floor(extract(epoch from now()) / 3600) + 1) * 3600) - now()))::int as seconds`);
      expect(Math.abs(refused.retryAfter - seconds)).toBeLessThanOrEqual(1);
      const stored = await queryRows<{ key_hash: string }>(handle.db, sql`select key_hash from app.rate_limit_counters where rule = 'hourly'`);
      expect(stored.length).toBe(1);
      expect(stored[0].key_hash).not.toContain('@');

      // The window ends: moved an hour back in the database (windows follow its clock) instead of waited for.
      await handle.db.execute(sql`update app.rate_limit_counters
        set window_start = window_start - interval '1 hour', expires_at = expires_at - interval '1 hour' where rule = 'hourly'`);
      (globalThis as { __rwRateLimitSweptAt?: number }).__rwRateLimitSweptAt = 0;
      expect(await hourly.take('someone@retailwave.test')).toEqual({ allowed: true, remaining: 1, retryAfter: 0 });
      const windows = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from app.rate_limit_counters where rule = 'hourly'`);
      expect(windows[0].n).toBe(1);
    });
  }
});

describe.each(testEngines())('rate limiter shared by two processes on %s', (engine) => {
  let first: TestDatabase;
  let second: DatabaseHandle;
  beforeAll(async () => {
    first = await createTestDatabase(engine);
    // A second connection pool to the same database stands for another server process (PGlite has one).
    second = first.url ? await openDatabase({ url: first.url }) : first;
  });
  afterAll(async () => {
    if (second !== first) await second.close();
    await first.destroy();
  });

  it('counts the events of both together', async () => {
    const rule = { name: 'shared', limit: 10, windowMs: HOUR };
    const a = new PostgresRateLimiter(rule, async () => first.db);
    const b = new PostgresRateLimiter(rule, async () => second.db);
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).take('key')));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
    expect((await a.take('key')).allowed).toBe(false);
    expect((await b.take('key')).allowed).toBe(false);
  });
});

describe('rate limiter with Upstash configured but unreachable', () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDatabase('pglite');
  });
  afterAll(() => handle.destroy());

  it('keeps limiting in Postgres and logs once', async () => {
    const log = jest.fn();
    const rule = { name: 'export', limit: 2, windowMs: HOUR };
    const dead = new UpstashConnection({ url: 'http://127.0.0.1:1', token: 'unused' });
    const fallback = new PostgresRateLimiter(rule, async () => handle.db);
    const limiter = new UpstashRateLimiter(rule, dead, { namespace: testKeyNamespace(), fallback, log });
    expect((await limiter.take('k')).allowed).toBe(true);
    expect((await limiter.take('k')).allowed).toBe(true);
    const refused = await limiter.take('k');
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfter).toBeGreaterThanOrEqual(1);
    expect((await fallback.take('k')).allowed).toBe(false);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0][0]).toMatch(/rate limiter "export": Upstash unavailable/);
  });
});

describe('process rate limiters', () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDatabase('pglite');
    installDatabaseHandle(handle);
  });
  afterAll(() => handle.destroy());

  it('are chosen on first use (Postgres without Upstash) and one name means one rule', async () => {
    const { rateLimiter } = await import('@/lib/rate-limit/process-limiters');
    const rule = { name: 'process-export', limit: 1, windowMs: HOUR };
    expect((await rateLimiter(rule).take('k')).allowed).toBe(true);
    expect((await rateLimiter(rule).take('k')).allowed).toBe(false);
    const rows = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from app.rate_limit_counters where rule = 'process-export'`);
    expect(rows[0].n).toBe(1);
    await expect(rateLimiter({ ...rule, limit: 5 }).take('k')).rejects.toThrow(/defined twice/);
  });
});
