/**
 * GET /api/me: the account menu's name, email, role and regions, for the signed-in user only.
 */
process.env.AUTH_SECRET ??= 'test-secret-test-secret-test-secret-0123';
import { GET as accountRoute } from '@/app/api/me/route';
import { accountSchema } from '@/lib/auth/account';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';
import { prepareUsers, sessionClaimsFor } from '../helpers/scopes';
import { getRequest, noParams, sessionCookie } from '../helpers/session-cookie';

describe.each(testEngines())('GET /api/me on %s', (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await prepareUsers(db);
  }, 60_000);
  afterAll(() => db.destroy());

  it('answers the signed-in user’s own account, not to be cached', async () => {
    const cookie = await sessionCookie(await sessionClaimsFor(db, 'analyst@retailwave.test'));
    const res = await accountRoute(getRequest('/api/me', cookie), noParams);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(accountSchema.parse(await res.json())).toEqual({ name: 'Ana Lyst', email: 'analyst@retailwave.test', role: 'analyst', regions: ['East', 'West'] });
  });

  it('answers 401 with the error body without a good session', async () => {
    for (const cookie of [undefined, 'next-auth.session-token=forged']) {
      const res = await accountRoute(getRequest('/api/me', cookie), noParams);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
    }
  });
});
