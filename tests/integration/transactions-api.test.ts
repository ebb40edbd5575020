/**
 * GET /api/transactions through its route as signed-in users: a page with its totals and the cursors of
 * the pages around it; cursors that are not the caller's (altered, made up, sealed for other regions or
 * another sort) refused with 400 and nothing else, never a 500; a page past the last, and page numbers
 * too far from either end — on PGlite and on real Postgres.
 */
process.env.AUTH_SECRET ??= 'test-secret-test-secret-test-secret-0123';
import fc from 'fast-check';
import { GET as transactionsRoute } from '@/app/api/transactions/route';
import { MAX_JUMP_LINES } from '@/lib/queries/list-transactions';
import { seedDemoData } from '@/lib/seed';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';
import { prepareUsers, sessionClaimsFor } from '../helpers/scopes';
import { getRequest, noParams, sessionCookie } from '../helpers/session-cookie';

const END = '2026-05-31';
const MONTH = `from=2026-05-01&to=${END}`;
const USERS = {
  admin: 'admin@retailwave.test',
  east: 'east.manager@retailwave.test',
  eastAndWest: 'analyst@retailwave.test',
  south: 'viewer@retailwave.test',
} as const;
type User = keyof typeof USERS;

interface Answer {
  status: number;
  body: { rows?: { lineId: number; region: string }[]; total?: number; page?: number; next?: string | null; previous?: string | null; error?: { code: string } };
}

describe.each(testEngines())('GET /api/transactions on %s', (engine) => {
  let db: TestDatabase;
  const cookies = {} as Record<User, string>;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await seedDemoData(db.db, { lines: 22_000, seed: 31, now: new Date(Date.parse(END) + 86_400_000), timeZone: 'UTC' });
    await prepareUsers(db);
    for (const [user, email] of Object.entries(USERS)) cookies[user as User] = await sessionCookie(await sessionClaimsFor(db, email));
  }, 240_000);
  afterAll(() => db.destroy());

  async function get(user: User, query: string): Promise<Answer> {
    const res = await transactionsRoute(getRequest(`/api/transactions?${query}`, cookies[user]), noParams);
    return { status: res.status, body: await res.json() };
  }

  const ids = (answer: Answer) => answer.body.rows!.map((r) => r.lineId);

  it('answers a page with its totals and the cursors of the pages around it', async () => {
    const first = await get('east', `${MONTH}&sort=-net`);
    expect(first.status).toBe(200);
    expect(Object.keys(first.body).sort()).toEqual(['next', 'page', 'previous', 'rows', 'total', 'totals']);
    expect(first.body).toMatchObject({ page: 1, previous: null, next: expect.stringMatching(/^[A-Za-z0-9_-]{40,200}$/) });
    expect(new Set(first.body.rows!.map((r) => r.region))).toEqual(new Set(['East']));

    const second = await get('east', `${MONTH}&sort=-net&page=2&cursor=${first.body.next}`);
    expect(second.body.page).toBe(2);
    expect(ids(second)).toEqual(ids(await get('east', `${MONTH}&sort=-net&page=2`)));
    expect(ids(await get('east', `${MONTH}&sort=-net&page=1&cursor=${second.body.previous}`))).toEqual(ids(first));
    // page 1 is the top of the view, whatever cursor comes with it
    expect(ids(await get('east', `${MONTH}&sort=-net&page=1&cursor=${second.body.next}`))).toEqual(ids(first));
  });

  it('refuses altered and made-up cursors with 400 and an error body, never a 500 or rows', async () => {
    const valid = (await get('east', `${MONTH}&sort=-net`)).body.next!;
    const alphabet = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'];
    const altered = fc
      .tuple(fc.nat({ max: valid.length - 1 }), fc.constantFrom(...alphabet))
      .map(([at, char]) => `${valid.slice(0, at)}${char}${valid.slice(at + 1)}`)
      .filter((cursor) => cursor !== valid);
    const cursors = fc.oneof(altered, fc.string({ maxLength: 120 }), fc.stringMatching(/^[A-Za-z0-9_-]{40,120}$/), fc.base64String({ maxLength: 120 }));
    await fc.assert(
      fc.asyncProperty(cursors, async (cursor) => {
        const answer = await get('east', `${MONTH}&sort=-net&page=2&cursor=${encodeURIComponent(cursor)}`);
        expect(answer.status).toBe(400);
        expect(answer.body).toEqual({ error: { code: expect.stringMatching(/^(invalid_request|invalid_cursor)$/), message: expect.any(String) } });
      }),
      { numRuns: 80 },
    );
  });

  it("a cursor sealed for one scope opens for no other (and not for another sort): it reveals nothing", async () => {
    const east = await get('east', `${MONTH}&sort=store`);
    for (const user of ['south', 'eastAndWest', 'admin'] as const) {
      const answer = await get(user, `${MONTH}&sort=store&page=2&cursor=${east.body.next}`);
      expect({ user, ...answer }).toEqual({ user, status: 400, body: { error: { code: 'invalid_cursor', message: expect.any(String) } } });
    }
    const otherSort = await get('east', `${MONTH}&sort=-store&page=2&cursor=${east.body.next}`);
    expect(otherSort).toEqual({ status: 400, body: { error: { code: 'invalid_cursor', message: expect.any(String) } } });
    // the rightful owner still walks on with it
    expect((await get('east', `${MONTH}&sort=store&page=2&cursor=${east.body.next}`)).status).toBe(200);
  });

  it('shows the last page for a page past it, and refuses page numbers too far from both ends', async () => {
    const view = 'from=2024-01-01&to=2026-05-31&sort=product&pageSize=500';
    const { total } = (await get('admin', view)).body;
    expect(total).toBeGreaterThan(2 * MAX_JUMP_LINES + 1_000);
    const pages = Math.ceil(total! / 500);
    const past = await get('admin', `${view}&page=${pages + 9}`);
    expect(past.body.page).toBe(pages);
    expect(past.body.rows).toHaveLength(total! - (pages - 1) * 500);
    expect(past.body.next).toBeNull();
    // a hand-edited page number on a cursor link labels the page it shows no further than the last
    const beforeLast = await get('admin', `${view}&page=${pages - 1}`);
    const fromCursor = await get('admin', `${view}&page=${pages + 9}&cursor=${beforeLast.body.next}`);
    expect({ page: fromCursor.body.page, ids: ids(fromCursor) }).toEqual({ page: pages, ids: ids(past) });

    // lines before the page, or after it: whichever is nearer
    const depth = (page: number) => Math.min((page - 1) * 500, total! - page * 500);
    const refused = Array.from({ length: pages }, (_, i) => i + 1).find((p) => depth(p) > MAX_JUMP_LINES)!;
    const before = await get('admin', `${view}&page=${refused - 1}`);
    expect(before.status).toBe(200);
    expect(await get('admin', `${view}&page=${refused}`)).toEqual({ status: 400, body: { error: { code: 'page_too_deep', message: expect.any(String) } } });
    // …where Next still goes, from the page before
    const next = await get('admin', `${view}&page=${refused}&cursor=${before.body.next}`);
    expect(next.status).toBe(200);
    expect(next.body.rows).toHaveLength(500);
  });
});
