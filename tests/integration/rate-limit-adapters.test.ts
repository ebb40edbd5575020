// The rate limiter on every backend this run has: in-process, and @upstash/ratelimit's Lua (EVALSHA, then
// EVAL on NOSCRIPT) through the bridge to the real Redis when REDIS_URL is set.
import { SIGN_IN_FAILURE_LIMIT } from '@/lib/auth/sign-in-limit';
import { UpstashConnection } from '@/lib/cache/upstash-connection';
import type { LimitRule, RateLimiter } from '@/lib/rate-limit/limiter';
import { MemoryRateLimiter } from '@/lib/rate-limit/memory-limiter';
import { UpstashRateLimiter } from '@/lib/rate-limit/upstash-limiter';
import { openTestBackend, testCacheBackends, testKeyNamespace, type TestBackend } from '../helpers/upstash-bridge';

// Upstash's sliding window weighs the previous fixed window, aligned to multiples of the window: an hour
// keeps a test run from straddling a boundary, where the count would legitimately drop.
const HOUR = 3_600_000;

describe.each(testCacheBackends())('rate limiter on the %s backend', (backendName) => {
  const namespace = testKeyNamespace();
  const log = jest.fn();
  let backend: TestBackend;
  const limiter = (rule: LimitRule): RateLimiter =>
    backend.upstash ? new UpstashRateLimiter(rule, backend.upstash, { namespace, log }) : new MemoryRateLimiter(rule);

  beforeAll(async () => {
    backend = await openTestBackend(backendName, namespace);
  });
  afterAll(() => backend.close());
  // Upstash limiters fall back to memory silently but for this log: it proves Redis answered every call.
  afterEach(() => expect(log).not.toHaveBeenCalled());

  it('allows the limit, then refuses with a retry time, per key', async () => {
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
    // Another rule counts separately, even for the same key.
    expect((await limiter({ name: 'ingest', limit: 3, windowMs: HOUR }).take('user-1')).allowed).toBe(true);
  });

  it('counts failed sign-ins: check does not count, record does, reset forgets', async () => {
    const failures = limiter({ name: 'sign-in-failures', limit: SIGN_IN_FAILURE_LIMIT, windowMs: HOUR });
    const email = 'viewer@retailwave.test';
    for (let i = 0; i < 5; i++) expect((await failures.check(email)).allowed).toBe(true);
    for (let i = 0; i < SIGN_IN_FAILURE_LIMIT - 1; i++) await failures.record(email);
    expect(await failures.check(email)).toEqual({ allowed: true, remaining: 1, retryAfter: 0 });
    await failures.record(email);
    const refused = await failures.check(email);
    expect(refused).toEqual({ allowed: false, remaining: 0, retryAfter: expect.any(Number) });
    expect(refused.retryAfter).toBeGreaterThanOrEqual(1);
    expect((await failures.check('analyst@retailwave.test')).allowed).toBe(true);

    await failures.reset(email);
    expect(await failures.check(email)).toEqual({ allowed: true, remaining: SIGN_IN_FAILURE_LIMIT, retryAfter: 0 });
  });

  if (backendName === 'upstash') {
    it('keeps its counters in Redis under the namespace, with emails hashed', async () => {
      await limiter({ name: 'sign-in-failures', limit: SIGN_IN_FAILURE_LIMIT, windowMs: HOUR }).record('someone@retailwave.test');
      const keys = await backend.upstash!.redis.keys(`${namespace}:rl:*`);
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.every((k) => !k.includes('@'))).toBe(true);
    });
  }
});

describe('rate limiter with Upstash configured but unreachable', () => {
  it('keeps limiting in memory and logs once', async () => {
    const log = jest.fn();
    const dead = new UpstashConnection({ url: 'http://127.0.0.1:1', token: 'unused' });
    const limiter = new UpstashRateLimiter({ name: 'export', limit: 2, windowMs: HOUR }, dead, { namespace: testKeyNamespace(), log });
    expect((await limiter.take('k')).allowed).toBe(true);
    expect((await limiter.take('k')).allowed).toBe(true);
    const refused = await limiter.take('k');
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfter).toBeGreaterThanOrEqual(1);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0][0]).toMatch(/rate limiter "export": Upstash unavailable/);
  });
});

describe('process rate limiters', () => {
  it('are chosen on first use (in memory without Upstash) and one name means one rule', async () => {
    const { rateLimiter } = await import('@/lib/rate-limit/process-limiters');
    const rule = { name: 'process-export', limit: 1, windowMs: HOUR };
    expect((await rateLimiter(rule).take('k')).allowed).toBe(true);
    expect((await rateLimiter(rule).take('k')).allowed).toBe(false);
    await expect(rateLimiter({ ...rule, limit: 5 }).take('k')).rejects.toThrow(/defined twice/);
  });
});
