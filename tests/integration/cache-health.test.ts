// GET /api/health with Upstash configured but unreachable: the portal stays up and says it is degraded.
import { installDatabaseHandle } from '@/db/client';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

describe('GET /api/health with a dead Upstash', () => {
  let handle: TestDatabase;

  beforeAll(async () => {
    process.env.UPSTASH_REDIS_REST_URL = 'http://127.0.0.1:1';
    process.env.UPSTASH_REDIS_REST_TOKEN = 'unused-token';
    handle = await createTestDatabase('pglite');
    installDatabaseHandle(handle);
  });
  afterAll(async () => {
    delete process.env.UPSTASH_REDIS_REST_URL;
    delete process.env.UPSTASH_REDIS_REST_TOKEN;
    await handle.destroy();
  });

  it('answers 200 with status degraded and checks.cache.ok false', async () => {
    const { GET } = await import('@/app/api/health/route');
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'degraded',
      checks: {
        db: { ok: true, latencyMs: expect.any(Number) },
        cache: { ok: false, latencyMs: expect.any(Number), backend: 'upstash' },
      },
      pipeline: { pending: 0, deadLettered: 0, quarantined: 0 },
    });
  });
});
