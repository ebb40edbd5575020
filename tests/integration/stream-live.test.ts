/**
 * Live data end to end: POST /api/ingest → ETL batch → change notification → GET /api/stream, read from
 * the route's ReadableStream as a browser's EventSource would. Each client hears only its own regions,
 * with ids that mean nothing outside its scope, resumes from Last-Event-ID (or is told to reset), and a
 * client that stops reading is cut to a reset. At most 10 streams per person and per share link (counted
 * in Postgres), and a stream ends within a second or two of its user or link losing the right to it.
 */
process.env.AUTH_SECRET ??= 'test-secret-test-secret-test-secret-0123';
process.env.INGEST_API_KEYS = 'stream-test-key-000001';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { queryRows } from '@/db/client';
import { POST as ingest } from '@/app/api/ingest/route';
import { GET as stream } from '@/app/api/stream/route';
import { GET as sharedStream } from '@/app/s/[token]/stream/route';
import type { UserScope } from '@/lib/auth/scope';
import { createShare } from '@/lib/shares/create-share';
import { revokeShare } from '@/lib/shares/revoke-share';
import { decodeEventId, encodeEventId } from '@/lib/realtime/event-ids';
import { closeScopeWatch } from '@/lib/realtime/scope-watch';
import { LEASE_TTL_MS, STREAMS_PER_HOLDER } from '@/lib/realtime/stream-leases';
import { runEtlUntilDrained } from '@/lib/etl/run-batch';
import { recordGoldChange } from '@/lib/realtime/change-log';
import { changeFeedFor, closeChangeFeed } from '@/lib/realtime/change-feed';
import { openChangeStream } from '@/lib/realtime/open-change-stream';
import { scopeStillValid } from '@/lib/realtime/scope-still-valid';
import { forgetPrincipal } from '@/lib/auth/principal';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';
import { insertRetailFixture, saleEvent } from '../helpers/retail-fixture';
import { prepareUsers, scopeFor, sessionClaimsFor } from '../helpers/scopes';
import { noParams, sessionCookie } from '../helpers/session-cookie';
import { readSse, type SseReader } from '../helpers/sse-reader';

const NOW_ISH = () => new Date(Date.now() - 60_000).toISOString();
const sale = (storeCode: string) =>
  saleEvent({ storeCode, transactionId: randomUUID() }, { occurredAt: NOW_ISH() });

describe.each(testEngines())('live changes on %s', (engine) => {
  let db: TestDatabase;
  const cookies = new Map<string, string>();
  const scopes = new Map<string, UserScope>();
  const open: AbortController[] = [];
  // undici's Request passes an abort on to its own signal only while the Request is alive (a weak
  // reference): a server keeps it for the connection's life, and so must these tests.
  const requests: NextRequest[] = [];

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await insertRetailFixture(db.db);
    await prepareUsers(db);
    for (const email of ['east.manager@retailwave.test', 'analyst@retailwave.test', 'viewer@retailwave.test']) {
      cookies.set(email, await sessionCookie(await sessionClaimsFor(db, email)));
      scopes.set(email, await scopeFor(db, email));
    }
  }, 60_000);
  afterEach(() => {
    for (const controller of open.splice(0)) controller.abort();
    requests.length = 0;
  });
  afterAll(async () => {
    await closeChangeFeed(db);
    await closeScopeWatch(db);
    await db.destroy();
  });

  async function connect(email: string, options: { lastEventId?: string; query?: string } = {}) {
    const controller = new AbortController();
    open.push(controller);
    const headers: Record<string, string> = { cookie: cookies.get(email)! };
    if (options.lastEventId !== undefined) headers['last-event-id'] = options.lastEventId;
    const req = new NextRequest(new URL(`/api/stream${options.query ?? ''}`, 'http://localhost'), { headers, signal: controller.signal });
    requests.push(req);
    const res = await stream(req, noParams);
    expect(res.status).toBe(200);
    const client = readSse(res.body!);
    await client.waitFor((m) => m.some((x) => x.event === 'ready'));
    return { res, client, close: () => controller.abort() };
  }

  async function ingestAndProcess(events: unknown[]): Promise<number> {
    const res = await ingest(
      new NextRequest('http://localhost/api/ingest', {
        method: 'POST',
        body: JSON.stringify({ events }),
        headers: { authorization: 'Bearer stream-test-key-000001', 'content-type': 'application/json' },
      }),
    );
    expect((await res.json()).accepted).toBe(events.length);
    const summary = await runEtlUntilDrained(db.db, { limit: 1_000, timeZone: 'UTC' });
    expect(summary.changeId).not.toBeNull();
    return summary.changeId!;
  }

  /** The change-log positions behind a client's change ids, decoded with the scope they were issued to. */
  const changeIds = (client: SseReader, email = 'east.manager@retailwave.test') =>
    client.events('change').map((m) => decodeEventId(scopes.get(email)!, m.id!));
  const idFor = (email: string, position: number) => encodeEventId(scopes.get(email)!, position);

  it('answers 401 without a session', async () => {
    const res = await stream(new NextRequest(new URL('/api/stream', 'http://localhost')), noParams);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
  });

  it('streams with the SSE headers and opens with a ready message naming the caller\'s regions', async () => {
    const { res, client } = await connect('analyst@retailwave.test');
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(res.headers.get('x-accel-buffering')).toBe('no');
    const [ready] = client.events('ready');
    expect(ready).toMatchObject({ id: expect.stringMatching(/^[\w-]{48}$/), data: { regions: ['East', 'West'] } });
    expect(client.raw().startsWith('retry: ')).toBe(true);
  });

  it('delivers a change to the clients of its regions only, stripped to their regions', async () => {
    const east = await connect('east.manager@retailwave.test');
    const analyst = await connect('analyst@retailwave.test');
    const south = await connect('viewer@retailwave.test');

    const changeId = await ingestAndProcess([sale('S001'), sale('S003')]);

    await east.client.waitFor((m) => m.some((x) => x.event === 'change'));
    await analyst.client.waitFor((m) => m.some((x) => x.event === 'change'));
    const [eastChange] = east.client.events('change');
    expect(eastChange).toMatchObject({ data: { regions: ['East'], stores: ['S001'], dates: [NOW_ISH().slice(0, 10)] } });
    expect(Object.keys(eastChange.data as object).sort()).toEqual(['at', 'dates', 'regions', 'stores']);
    expect(changeIds(east.client)).toEqual([changeId]);
    expect(east.client.raw()).not.toMatch(/West|S003/);
    expect(analyst.client.events('change')[0]).toMatchObject({ data: { regions: ['East', 'West'], stores: ['S001', 'S003'] } });
    expect(changeIds(analyst.client, 'analyst@retailwave.test')).toEqual([changeId]);

    // A later change in South reaches the viewer after everything before it: the East/West one was not there.
    const southChange = (await db.db.transaction((tx) => recordGoldChange(tx, [{ region: 4, dates: ['2026-01-01'], stores: ['S900'] }])))!;
    await south.client.waitFor(() => changeIds(south.client, 'viewer@retailwave.test').includes(southChange), 'the South change');
    expect(south.client.messages.filter((m) => m.event !== 'ready' && !m.comment)).toEqual([
      expect.objectContaining({ event: 'change', data: { at: expect.any(String), regions: ['South'], dates: ['2026-01-01'], stores: ['S900'] } }),
    ]);
    expect(south.client.raw()).not.toMatch(/East|West|S00/);
  });

  it('resumes from Last-Event-ID with exactly what was missed, in order', async () => {
    const first = await connect('east.manager@retailwave.test');
    const seen = await ingestAndProcess([sale('S002')]);
    await first.client.waitFor(() => changeIds(first.client).includes(seen));
    first.close();

    // A second East client stays connected: once it has the last change, this process's feed has heard
    // every NOTIFY, so the resumed client's replay (not the live feed) must carry all of them.
    const watcher = await connect('east.manager@retailwave.test');
    const missed = [await ingestAndProcess([sale('S001')]), await ingestAndProcess([sale('S003')]), await ingestAndProcess([sale('S002')])];
    await watcher.client.waitFor(() => changeIds(watcher.client).includes(missed[2]));
    watcher.close();

    const seenId = first.client.events('change').find((m) => decodeEventId(scopes.get('east.manager@retailwave.test')!, m.id!) === seen)!.id;
    const resumed = await connect('east.manager@retailwave.test', { lastEventId: seenId });
    // The West-only change is not replayed to an East manager; the others are, before `ready`.
    expect(changeIds(resumed.client)).toEqual([missed[0], missed[2]]);
    expect(resumed.client.messages.findIndex((m) => m.event === 'ready')).toBe(2);
    expect(resumed.client.raw()).not.toMatch(/West|S003/);

    const byQuery = await connect('analyst@retailwave.test', { query: `?lastEventId=${idFor('analyst@retailwave.test', seen)}` });
    expect(changeIds(byQuery.client, 'analyst@retailwave.test')).toEqual(missed);

    // Live changes keep coming after a replay.
    const live = await ingestAndProcess([sale('S001')]);
    await resumed.client.waitFor(() => changeIds(resumed.client).includes(live));
    expect(changeIds(resumed.client)).toEqual([missed[0], missed[2], live]);
  });

  it('sends a reset when the Last-Event-ID is outside the retained window, foreign, another scope\'s or garbled', async () => {
    // The watcher holds until it has the newest change, so this process's feed has heard it: the clients
    // below start at that position and have no live change left to receive.
    const watcher = await connect('east.manager@retailwave.test');
    const current = await ingestAndProcess([sale('S001')]);
    const newer = await ingestAndProcess([sale('S001')]);
    await watcher.client.waitFor(() => changeIds(watcher.client).includes(newer));
    watcher.close();
    // What pruning does to old changes: the id just before `current` can no longer be resumed from.
    await db.db.execute(sql`delete from app.change_log where id <= ${current}`);
    const east = 'east.manager@retailwave.test';
    const others = [idFor('analyst@retailwave.test', newer), idFor('viewer@retailwave.test', newer), String(newer), `${idFor(east, newer).slice(0, -2)}AA`];
    for (const lastEventId of [idFor(east, current - 1), idFor(east, current + 1_000_000), 'garbled', ...others]) {
      const { client } = await connect('east.manager@retailwave.test', { lastEventId });
      expect(client.messages.filter((m) => m.event)).toEqual([
        expect.objectContaining({ event: 'reset', data: expect.objectContaining({ reason: 'expired' }) }),
        expect.objectContaining({ event: 'ready' }),
      ]);
    }
    const [{ newest }] = await queryRows<{ newest: number }>(db.db, sql`select max(id)::float8 as newest from app.change_log`);
    const ok = await connect('east.manager@retailwave.test', { lastEventId: idFor(east, newest) });
    expect(ok.client.events('reset')).toEqual([]);
  });

  it('cuts a client that stops reading to one reset, without holding up the others', async () => {
    const handle = db;
    const feed = changeFeedFor(handle);
    const scope = await scopeFor(db, 'east.manager@retailwave.test');
    const controller = new AbortController();
    open.push(controller);
    const slowBody = await openChangeStream({ db: db.db, feed, scope, signal: controller.signal, options: { queueLimit: 5 } });
    const fast = await connect('east.manager@retailwave.test');

    const ids: number[] = [];
    for (let i = 0; i < 30; i++) {
      ids.push((await db.db.transaction((tx) => recordGoldChange(tx, [{ region: 1, dates: ['2026-01-01'], stores: ['S001'] }])))!);
    }
    await fast.client.waitFor(() => changeIds(fast.client).includes(ids[ids.length - 1]));
    expect(changeIds(fast.client)).toEqual(ids);

    const slow = readSse(slowBody);
    await slow.waitFor((m) => m.some((x) => x.event === 'reset'), 'the reset');
    // A change after all of them arrives once the backlog is read: no second reset came before it.
    const after = (await db.db.transaction((tx) => recordGoldChange(tx, [{ region: 1, dates: ['2026-01-01'], stores: ['S001'] }])))!;
    await slow.waitFor(() => changeIds(slow).includes(after), 'the change after the reset');
    const resets = slow.events('reset');
    expect(resets).toHaveLength(1);
    expect(resets[0].data).toMatchObject({ reason: 'overflow' });
    expect(ids.filter((id) => changeIds(slow).includes(id)).length).toBeLessThan(ids.length);
  });

  it('ends the stream when an administrator changes the user (session version bumped)', async () => {
    const scope = await scopeFor(db, 'analyst@retailwave.test');
    const controller = new AbortController();
    open.push(controller);
    // The stream's own checks of the scope: it stays open through three that say yes.
    const answers: boolean[] = [];
    let checkedThrice!: () => void;
    const threeChecks = new Promise<void>((resolve) => (checkedThrice = resolve));
    const stillValid: typeof scopeStillValid = async (checked) => {
      const valid = await scopeStillValid(checked);
      if (answers.push(valid) === 3) checkedThrice();
      return valid;
    };
    const body = await openChangeStream({
      db: db.db, feed: changeFeedFor(db), scope, signal: controller.signal, stillValid, options: { revalidateMs: 50 },
    });
    const client = readSse(body);
    await client.waitFor((m) => m.some((x) => x.event === 'ready'));
    let ended = false;
    void client.done.then(() => (ended = true));
    await threeChecks;
    expect(answers.slice(0, 3)).toEqual([true, true, true]);
    expect(ended).toBe(false);
    const userId = scope.owner.user.userId;
    await db.db.execute(sql`update app.users set session_version = session_version + 1 where id = ${userId}`);
    forgetPrincipal(userId);
    await Promise.race([client.done, new Promise((_, reject) => setTimeout(() => reject(new Error('stream still open')), 5_000))]);
    await db.db.execute(sql`update app.users set session_version = session_version - 1 where id = ${userId}`);
    forgetPrincipal(userId);
  });

  it('unsubscribes a connection when its request is aborted', async () => {
    const feed = changeFeedFor(db);
    const before = feed.subscriberCount;
    const { close, client } = await connect('viewer@retailwave.test');
    expect(feed.subscriberCount).toBe(before + 1);
    close();
    await client.done;
    expect(feed.subscriberCount).toBe(before);
  });
  it('gives ids that reveal nothing about other regions: opaque, never repeated, no change-log number anywhere', async () => {
    const east = await connect('east.manager@retailwave.test');
    const a = await ingestAndProcess([sale('S001')]);
    await east.client.waitFor(() => changeIds(east.client).includes(a));
    const west = [await ingestAndProcess([sale('S003')]), await ingestAndProcess([sale('S003')]), await ingestAndProcess([sale('S003')])];
    const b = await ingestAndProcess([sale('S002')]);
    await east.client.waitFor(() => changeIds(east.client).includes(b));
    expect(changeIds(east.client)).toEqual([a, b]);
    const ids = east.client.messages.filter((m) => m.id !== undefined).map((m) => m.id!);
    for (const id of ids) expect(id).toMatch(/^[\w-]{48}$/);
    expect(new Set(ids).size).toBe(ids.length);
    // Nothing the East manager receives carries a change-log number (the data is when, where and which
    // days), so the three West changes between a and b leave no trace; the same position is a different
    // id every time it is issued.
    expect(west).toHaveLength(3);
    for (const m of east.client.events('change')) expect(Object.keys(m.data as object).sort()).toEqual(['at', 'dates', 'regions', 'stores']);
    expect(idFor('east.manager@retailwave.test', b)).not.toBe(idFor('east.manager@retailwave.test', b));
    // Another scope cannot read them.
    expect(decodeEventId(scopes.get('analyst@retailwave.test')!, ids[ids.length - 1]!)).toBeNull();
  });

  const leases = async (holder: string) =>
    (await queryRows<{ n: number }>(db.db, sql`select count(*)::int as n from app.stream_leases where holder = ${holder} and expires_at > now()`))[0]!.n;
  async function waitUntil(what: string, predicate: () => Promise<boolean>, timeoutMs = 5_000) {
    const deadline = Date.now() + timeoutMs;
    while (!(await predicate())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it(`allows ${STREAMS_PER_HOLDER} streams per user; the next gets 429 too_many_streams with Retry-After until one closes`, async () => {
    const email = 'viewer@retailwave.test';
    const holder = `user:${scopes.get(email)!.owner.user.userId}`;
    const streams = [];
    for (let i = 0; i < STREAMS_PER_HOLDER; i++) streams.push(await connect(email));
    const refused = await stream(new NextRequest(new URL('/api/stream', 'http://localhost'), { headers: { cookie: cookies.get(email)! } }), noParams);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(LEASE_TTL_MS / 1000);
    expect(await refused.json()).toEqual({ error: { code: 'too_many_streams', message: expect.any(String) } });
    // another person is not affected
    await connect('analyst@retailwave.test');

    streams[0]!.close();
    await waitUntil('the closed stream to free its slot', async () => (await leases(holder)) === STREAMS_PER_HOLDER - 1);
    await connect(email);
  });

  it('counts the streams other processes hold, and forgets those of a process that died once they expire', async () => {
    const email = 'analyst@retailwave.test';
    const holder = `user:${scopes.get(email)!.owner.user.userId}`;
    // rows another server holds: alive (renewed) and abandoned (expired)
    await db.db.execute(sql`insert into app.stream_leases (holder, expires_at)
      select ${holder}, now() + interval '20 seconds' from generate_series(1, ${STREAMS_PER_HOLDER})`);
    const refused = await stream(new NextRequest(new URL('/api/stream', 'http://localhost'), { headers: { cookie: cookies.get(email)! } }), noParams);
    expect(refused.status).toBe(429);
    await db.db.execute(sql`update app.stream_leases set expires_at = now() - interval '1 second' where holder = ${holder}`);
    await connect(email);
    expect(await leases(holder)).toBe(1);
  });

  it(`allows ${STREAMS_PER_HOLDER} streams per share link, apart from its sharer's own`, async () => {
    const manager = scopes.get('east.manager@retailwave.test')!;
    const created = await createShare(db.db, manager, { path: '/dashboards/sales', expiresInDays: 1, label: 'cap', allowExport: false }, { ip: null, userAgent: null });
    const token = created.path.split('/')[2]!;
    const openShared = async () => {
      const controller = new AbortController();
      open.push(controller);
      const req = new NextRequest(new URL(`/s/${token}/stream`, 'http://localhost'), { signal: controller.signal });
      requests.push(req);
      return sharedStream(req, { params: Promise.resolve({ token }) });
    };
    for (let i = 0; i < STREAMS_PER_HOLDER; i++) {
      const res = await openShared();
      expect(res.status).toBe(200);
      void readSse(res.body!);
    }
    const refused = await openShared();
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.code).toBe('too_many_streams');
    await connect('east.manager@retailwave.test');
  });

  /** Resolves with the milliseconds from `act` to the stream's end; fails after 3 s. */
  async function endsAfter(client: SseReader, act: () => Promise<unknown>): Promise<number> {
    let ended = false;
    void client.done.then(() => (ended = true));
    const started = Date.now();
    await act();
    await waitUntil('the stream to end', async () => ended, 3_000);
    return Date.now() - started;
  }

  it('ends a revoked share link\'s stream within about a second', async () => {
    const manager = scopes.get('east.manager@retailwave.test')!;
    const created = await createShare(db.db, manager, { path: '/dashboards/sales', expiresInDays: 1, label: 'revoke', allowExport: false }, { ip: null, userAgent: null });
    const token = created.path.split('/')[2]!;
    const res = await sharedStream(new NextRequest(new URL(`/s/${token}/stream`, 'http://localhost')), { params: Promise.resolve({ token }) });
    const client = readSse(res.body!);
    await client.waitFor((m) => m.some((x) => x.event === 'ready'));
    const ms = await endsAfter(client, () => revokeShare(db.db, manager, created.id, { ip: null, userAgent: null }));
    expect(ms).toBeLessThan(1_500);
  });

  it('ends a share link\'s stream within about a second when the person who shared it is deactivated', async () => {
    const manager = scopes.get('east.manager@retailwave.test')!;
    const created = await createShare(db.db, manager, { path: '/dashboards/sales', expiresInDays: 1, label: 'sharer', allowExport: false }, { ip: null, userAgent: null });
    const token = created.path.split('/')[2]!;
    const res = await sharedStream(new NextRequest(new URL(`/s/${token}/stream`, 'http://localhost')), { params: Promise.resolve({ token }) });
    const client = readSse(res.body!);
    await client.waitFor((m) => m.some((x) => x.event === 'ready'));
    const userId = manager.owner.user.userId;
    try {
      expect(await endsAfter(client, () => db.db.execute(sql`update app.users set is_active = false where id = ${userId}`))).toBeLessThan(1_500);
    } finally {
      await db.db.execute(sql`update app.users set is_active = true where id = ${userId}`);
      forgetPrincipal(userId);
    }
  });

  it('ends a deactivated user\'s stream, and one whose role changed, within about a second', async () => {
    const email = 'analyst@retailwave.test';
    const userId = scopes.get(email)!.owner.user.userId;
    try {
      const deactivated = await connect(email);
      expect(await endsAfter(deactivated.client, () => db.db.execute(sql`update app.users set is_active = false where id = ${userId}`))).toBeLessThan(1_500);
      await db.db.execute(sql`update app.users set is_active = true where id = ${userId}`);
      forgetPrincipal(userId);

      const demoted = await connect(email);
      expect(await endsAfter(demoted.client, () => db.db.execute(sql`update app.users set role = 'viewer' where id = ${userId}`))).toBeLessThan(1_500);
    } finally {
      await db.db.execute(sql`update app.users set is_active = true, role = 'analyst' where id = ${userId}`);
      forgetPrincipal(userId);
    }
  });
});
