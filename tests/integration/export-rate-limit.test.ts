/**
 * The export budget: each user gets EXPORT_RATE_LIMIT exports per window, then 429 with Retry-After and the
 * contract's error body; another user's budget is untouched, and a refused export is not audited.
 */
process.env.AUTH_SECRET ??= 'test-secret-test-secret-test-secret-0123';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { GET as exportRoute } from '@/app/api/export/route';
import { EXPORT_RATE_LIMIT, resetExportAllowance } from '@/lib/export/rate-limit';
import { seedDemoData } from '@/lib/seed';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { prepareUsers, scopeFor, sessionClaimsFor } from '../helpers/scopes';
import { getRequest, noParams, sessionCookie } from '../helpers/session-cookie';

describe('export rate limit', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('pglite');
    await seedDemoData(db.db, { lines: 2_000, seed: 3, endDate: '2026-06-30', timeZone: 'UTC' });
    await prepareUsers(db);
  }, 120_000);
  afterAll(() => db.destroy());

  const exportAs = async (email: string) =>
    exportRoute(getRequest('/api/export?format=csv&from=2026-06-01&to=2026-06-30', await sessionCookie(await sessionClaimsFor(db, email))), noParams);
  const exportsAudited = async () =>
    (await queryRows<{ n: number }>(db.db, sql`select count(*)::int as n from app.audit_log where action = 'export'`))[0]!.n;

  it(`allows ${EXPORT_RATE_LIMIT.limit} exports per window, then answers 429 with Retry-After`, async () => {
    await resetExportAllowance(await scopeFor(db, 'analyst@retailwave.test'));
    for (let i = 0; i < EXPORT_RATE_LIMIT.limit; i++) {
      const res = await exportAs('analyst@retailwave.test');
      expect(res.status).toBe(200);
      await res.text();
    }
    const audited = await exportsAudited();
    const refused = await exportAs('analyst@retailwave.test');
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(EXPORT_RATE_LIMIT.windowMs / 1000);
    expect(await refused.json()).toEqual({ error: { code: 'rate_limited', message: expect.stringContaining('Too many exports') } });
    expect(await exportsAudited()).toBe(audited);

    const other = await exportAs('east.manager@retailwave.test');
    expect(other.status).toBe(200);
    await other.text();
  });
});
