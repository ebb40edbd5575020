/**
 * The page cache's lookup on a real database: a stored page is found again only by a signed-in user with
 * the same role and regions at the same URL over the same data, and never once the session is no longer
 * good.
 */
process.env.AUTH_SECRET ??= 'test-secret-test-secret-test-secret-0123';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { forgetPrincipal } from '@/lib/auth/principal';
import { bumpSessionVersion } from '@/lib/admin/user-rows';
import { bumpDataVersions } from '@/lib/cache/data-versions';
import { createPageCacheBridge } from '@/lib/page-cache/lookup';
import { LocalPageCache } from '@/lib/page-cache/page-cache';
import { PageStore, type RenderedPage } from '@/lib/page-cache/page-store';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';
import { prepareUsers, sessionClaimsFor } from '../helpers/scopes';
import { sessionCookie } from '../helpers/session-cookie';

const EAST = 1;
const COLLEAGUE = 'east.colleague@retailwave.test';
const URL_PATH = '/dashboards/sales?from=2026-06-01&to=2026-06-30';
const page = (text: string, encoding?: string): RenderedPage => ({
  status: 200,
  headers: [['content-type', 'text/html'], ...(encoding ? ([['content-encoding', encoding]] as [string, string][]) : [])],
  body: Buffer.from(text),
  storedAt: Date.now(),
});

describe.each(testEngines())('page cache lookup on %s', (engine) => {
  let db: TestDatabase;
  const store = new PageStore(10_000_000, 60_000);
  const bridge = createPageCacheBridge(new LocalPageCache(store));
  const cookies = new Map<string, string>();
  const userIds = new Map<string, string>();

  const lookUp = (email: string, { url = URL_PATH, headers = {} as Record<string, string> } = {}) =>
    bridge.lookUp({ method: 'GET', url, headers: { cookie: cookies.get(email), ...headers } });
  /** Looks up, and stores `text` under the key when nothing is there yet: as the capture would. */
  const visit = async (email: string, text: string) => {
    const found = await lookUp(email);
    if (!found.key) throw new Error(`${email} has no key`);
    if (!found.page) store.put(found.key, page(text), Date.now() - 1);
    return found;
  };
  const refreshSession = async (email: string) => {
    const claims = await sessionClaimsFor(db, email);
    cookies.set(email, await sessionCookie(claims));
    userIds.set(email, claims.sub);
    forgetPrincipal(claims.sub);
  };

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await prepareUsers(db);
    const [colleague] = await queryRows<{ id: string }>(db.db, sql`
      insert into app.users (email, name, role, password_hash) values (${COLLEAGUE}, 'Eve Eastwood', 'manager', 'not-a-hash') returning id`);
    await db.db.execute(sql`insert into app.user_regions (user_id, region_id) values (${colleague!.id}::uuid, ${EAST})`);
    for (const email of ['east.manager@retailwave.test', 'analyst@retailwave.test', 'viewer@retailwave.test', COLLEAGUE]) await refreshSession(email);
  }, 60_000);
  afterAll(() => db.destroy());

  it('finds the page a user was sent at the same URL for them and colleagues of the same role and regions only', async () => {
    const first = await visit('east.manager@retailwave.test', 'east page');
    expect(first.page).toBeUndefined();
    const again = await lookUp('east.manager@retailwave.test');
    expect(again.key).toBe(first.key);
    expect(again.page?.body.toString()).toBe('east page');
    const colleague = await lookUp(COLLEAGUE); // another East manager
    expect(colleague.key).toBe(first.key);
    expect(colleague.page?.body.toString()).toBe('east page');

    const analyst = await lookUp('analyst@retailwave.test'); // East and West: the same URL, another page
    expect(analyst.key).not.toBe(first.key);
    expect(analyst.page).toBeUndefined();
    expect((await lookUp('east.manager@retailwave.test', { url: '/dashboards/sales?from=2026-06-01&to=2026-06-29' })).page).toBeUndefined();
  });

  it('answers nothing without a good session cookie, and nothing but documents', async () => {
    await visit('east.manager@retailwave.test', 'east page');
    const good = cookies.get('east.manager@retailwave.test') ?? '';
    const ask = (headers: Record<string, string | undefined>, url = URL_PATH, method = 'GET') => bridge.lookUp({ method, url, headers });
    expect(await ask({})).toEqual({ key: null });
    expect(await ask({ cookie: `${good.slice(0, -4)}AAAA` })).toEqual({ key: null });
    expect(await ask({ cookie: good, rsc: '1' })).toEqual({ key: null });
    expect(await ask({ cookie: good }, URL_PATH, 'POST')).toEqual({ key: null });
    expect(await ask({ cookie: good }, '/dashboards/live')).toEqual({ key: null });
    expect((await ask({ cookie: `theme=dark; ${good}` })).page?.body.toString()).toBe('east page');
  });

  it('misses after an ETL batch in one of the user’s regions, and keeps other regions’ pages', async () => {
    const east = await visit('east.manager@retailwave.test', 'east page');
    const south = await visit('viewer@retailwave.test', 'south page');
    await db.db.transaction((tx) => bumpDataVersions(tx, [EAST]));
    const eastAfter = await lookUp('east.manager@retailwave.test');
    expect(eastAfter.key).not.toBe(east.key);
    expect(eastAfter.page).toBeUndefined();
    expect((await lookUp('analyst@retailwave.test')).page).toBeUndefined();
    const southAfter = await lookUp('viewer@retailwave.test');
    expect(southAfter.key).toBe(south.key);
    expect(southAfter.page?.body.toString()).toBe('south page');
  });

  it('answers nothing once the user is signed out everywhere, deactivated, or given other regions', async () => {
    const email = 'viewer@retailwave.test';
    const before = await visit(email, 'south page');
    const id = userIds.get(email) ?? '';

    await db.db.execute(sql`insert into app.user_regions (user_id, region_id) values (${id}::uuid, ${EAST})`);
    forgetPrincipal(id);
    const widened = await lookUp(email);
    expect(widened.key).not.toBe(before.key);
    expect(widened.page).toBeUndefined();

    await db.db.transaction((tx) => bumpSessionVersion(tx, id));
    forgetPrincipal(id);
    expect(await lookUp(email)).toEqual({ key: null }); // the old cookie no longer signs anyone in

    await refreshSession(email);
    expect((await lookUp(email)).key).not.toBeNull();
    await db.db.execute(sql`update app.users set is_active = false where id = ${id}::uuid`);
    forgetPrincipal(id);
    expect(await lookUp(email)).toEqual({ key: null });
  });

  it('serves a gzip page only to a client that accepts gzip', async () => {
    const email = 'analyst@retailwave.test';
    const gzip = { headers: { 'accept-encoding': 'gzip, deflate, br' } };
    const { key } = await lookUp(email, gzip);
    if (!key) throw new Error('no key for a signed-in analyst');
    store.put(key, page('gzip bytes', 'gzip'), Date.now() - 1);
    expect((await lookUp(email, gzip)).page?.body.toString()).toBe('gzip bytes');
    expect((await lookUp(email)).page).toBeUndefined();
  });
});
