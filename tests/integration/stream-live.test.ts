/**
 * Live data end to end: POST /api/ingest → ETL batch → change notification → GET /api/stream, read from
 * the route's ReadableStream as a browser's EventSource would. Each client hears only its own regions,
 * resumes from Last-Event-ID (or is told to reset), and a client that stops reading is cut to a reset.
 */
process.env.AUTH_SECRET ??= 'test-secret-test-secret-test-secret-0123';
process.env.INGEST_API_KEYS = 'stream-test-key-000001';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { queryRows } from '@/db/client';
import { POST as ingest } from '@/app/api/ingest/route';
import { GET as stream } from '@/app/api/stream/route';
import { runEtlUntilDrained } from '@/lib/etl/run-batch';
import { recordGoldChange } from '@/lib/realtime/change-log';
import { changeFeedFor, closeChangeFeed } from '@/lib/realtime/change-feed';
import { openChangeStream } from '@/lib/realtime/open-change-stream';
import { takeSseMessages } from '@/lib/realtime/sse-format';
import { scopeStillValid } from '@/lib/realtime/scope-still-valid';
import { forgetPrincipal } from '@/lib/auth/principal';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';
import { insertRetailFixture, saleEvent } from '../helpers/retail-fixture';
import { prepareUsers, scopeFor, sessionClaimsFor } from '../helpers/scopes';
import { noParams, sessionCookie } from '../helpers/session-cookie';

interface SseMessage {
  id?: string;
  event?: string;
  data?: unknown;
  comment?: string;
}

const decoder = new TextDecoder();

/** Reads an SSE body in the background, parsing messages as they arrive. */
function sseClient(body: ReadableStream<Uint8Array>) {
  const messages: SseMessage[] = [];
  let raw = '';
  let buffer = '';
  const reader = body.getReader();
  const pump = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      const text = decoder.decode(value, { stream: true });
      raw += text;
      const taken = takeSseMessages(buffer + text);
      buffer = taken.rest;
      for (const { data, ...fields } of taken.messages) messages.push({ ...fields, ...(data === undefined ? {} : { data: JSON.parse(data) }) });
    }
  })().catch(() => undefined);
  return {
    messages,
    raw: () => raw,
    events: (name: string) => messages.filter((m) => m.event === name),
    async waitFor(predicate: (all: SseMessage[]) => boolean, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(messages)) {
        if (Date.now() > deadline) throw new Error(`timed out; got ${JSON.stringify(messages)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    pump,
  };
}

const NOW_ISH = () => new Date(Date.now() - 60_000).toISOString();
const sale = (storeCode: string) =>
  saleEvent({ storeCode, transactionId: randomUUID() }, { occurredAt: NOW_ISH() });

describe.each(testEngines())('live changes on %s', (engine) => {
  let db: TestDatabase;
  const cookies = new Map<string, string>();
  const open: AbortController[] = [];

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await insertRetailFixture(db.db);
    await prepareUsers(db);
    for (const email of ['east.manager@retailwave.test', 'analyst@retailwave.test', 'viewer@retailwave.test']) {
      cookies.set(email, await sessionCookie(await sessionClaimsFor(db, email)));
    }
  }, 60_000);
  afterEach(() => {
    for (const controller of open.splice(0)) controller.abort();
  });
  afterAll(async () => {
    await closeChangeFeed(db);
    await db.destroy();
  });

  async function connect(email: string, options: { lastEventId?: string; query?: string } = {}) {
    const controller = new AbortController();
    open.push(controller);
    const headers: Record<string, string> = { cookie: cookies.get(email)! };
    if (options.lastEventId !== undefined) headers['last-event-id'] = options.lastEventId;
    const res = await stream(
      new NextRequest(new URL(`/api/stream${options.query ?? ''}`, 'http://localhost'), { headers, signal: controller.signal }),
      noParams,
    );
    expect(res.status).toBe(200);
    const client = sseClient(res.body!);
    await client.waitFor((m) => m.some((x) => x.event === 'ready'));
    return { res, client, close: () => controller.abort() };
  }

  async function ingestAndProcess(events: unknown[]): Promise<number> {
    const res = await ingest(
      new NextRequest('http://localhost/api/ingest', {
        method: 'POST',
        body: JSON.stringify({ events }),
        headers: { authorization: 'Bearer stream-test-key-000001' },
      }),
    );
    expect((await res.json()).accepted).toBe(events.length);
    const summary = await runEtlUntilDrained(db.db, { limit: 1_000, timeZone: 'UTC' });
    expect(summary.changeId).not.toBeNull();
    return summary.changeId!;
  }

  const changeIds = (client: ReturnType<typeof sseClient>) => client.events('change').map((m) => Number(m.id));

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
    expect(ready).toMatchObject({ id: expect.stringMatching(/^\d+$/), data: { regions: ['East', 'West'] } });
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
    expect(eastChange).toMatchObject({
      id: String(changeId),
      data: { id: changeId, regions: ['East'], stores: ['S001'], dates: [NOW_ISH().slice(0, 10)] },
    });
    expect(east.client.raw()).not.toMatch(/West|S003/);
    expect(analyst.client.events('change')[0]).toMatchObject({
      id: String(changeId),
      data: { regions: ['East', 'West'], stores: ['S001', 'S003'] },
    });

    // The South viewer's feed has seen the change by now (the others got it); nothing reached the viewer.
    await new Promise((r) => setTimeout(r, 200));
    expect(south.client.messages.filter((m) => m.event !== 'ready' && !m.comment)).toEqual([]);
    expect(south.client.raw()).not.toMatch(/East|West|S00/);
  });

  it('resumes from Last-Event-ID with exactly what was missed, in order', async () => {
    const first = await connect('east.manager@retailwave.test');
    const seen = await ingestAndProcess([sale('S002')]);
    await first.client.waitFor((m) => changeIds(first.client).includes(seen));
    first.close();

    // A second East client stays connected: once it has the last change, this process's feed has heard
    // every NOTIFY, so the resumed client's replay (not the live feed) must carry all of them.
    const watcher = await connect('east.manager@retailwave.test');
    const missed = [await ingestAndProcess([sale('S001')]), await ingestAndProcess([sale('S003')]), await ingestAndProcess([sale('S002')])];
    await watcher.client.waitFor(() => changeIds(watcher.client).includes(missed[2]));
    watcher.close();

    const resumed = await connect('east.manager@retailwave.test', { lastEventId: String(seen) });
    // The West-only change is not replayed to an East manager; the others are, before `ready`.
    expect(changeIds(resumed.client)).toEqual([missed[0], missed[2]]);
    expect(resumed.client.messages.findIndex((m) => m.event === 'ready')).toBe(2);
    expect(resumed.client.raw()).not.toMatch(/West|S003/);

    const byQuery = await connect('analyst@retailwave.test', { query: `?lastEventId=${seen}` });
    expect(changeIds(byQuery.client)).toEqual(missed);

    // Live changes keep coming after a replay.
    const live = await ingestAndProcess([sale('S001')]);
    await resumed.client.waitFor(() => changeIds(resumed.client).includes(live));
    expect(changeIds(resumed.client)).toEqual([missed[0], missed[2], live]);
  });

  it('sends a reset when the Last-Event-ID is outside the retained window, foreign or garbled', async () => {
    // The watcher holds until it has the newest change, so this process's feed has heard it: the clients
    // below start at that position and have no live change left to receive.
    const watcher = await connect('east.manager@retailwave.test');
    const current = await ingestAndProcess([sale('S001')]);
    const newer = await ingestAndProcess([sale('S001')]);
    await watcher.client.waitFor(() => changeIds(watcher.client).includes(newer));
    watcher.close();
    // What pruning does to old changes: the id just before `current` can no longer be resumed from.
    await db.db.execute(sql`delete from app.change_log where id <= ${current}`);
    for (const lastEventId of [String(current - 1), String(current + 1_000_000), 'garbled']) {
      const { client } = await connect('east.manager@retailwave.test', { lastEventId });
      expect(client.messages.filter((m) => m.event)).toEqual([
        expect.objectContaining({ event: 'reset', data: expect.objectContaining({ reason: 'expired' }) }),
        expect.objectContaining({ event: 'ready' }),
      ]);
    }
    const [{ newest }] = await queryRows<{ newest: number }>(db.db, sql`select max(id)::float8 as newest from app.change_log`);
    const ok = await connect('east.manager@retailwave.test', { lastEventId: String(newest) });
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

    const slow = sseClient(slowBody);
    await slow.waitFor((m) => m.some((x) => x.event === 'reset'));
    await new Promise((r) => setTimeout(r, 100));
    const resets = slow.events('reset');
    expect(resets).toHaveLength(1);
    expect(resets[0].data).toMatchObject({ reason: 'overflow' });
    expect(slow.events('change').length).toBeLessThan(ids.length);
  });

  it('ends the stream when an administrator changes the user (session version bumped)', async () => {
    const scope = await scopeFor(db, 'analyst@retailwave.test');
    const controller = new AbortController();
    open.push(controller);
    const body = await openChangeStream({
      db: db.db, feed: changeFeedFor(db), scope, signal: controller.signal, stillValid: scopeStillValid,
      options: { revalidateMs: 50 },
    });
    const client = sseClient(body);
    await client.waitFor((m) => m.some((x) => x.event === 'ready'));
    let ended = false;
    void client.pump.then(() => (ended = true));
    await new Promise((r) => setTimeout(r, 150));
    expect(ended).toBe(false);
    const userId = scope.owner.user.userId;
    await db.db.execute(sql`update app.users set session_version = session_version + 1 where id = ${userId}`);
    forgetPrincipal(userId);
    await Promise.race([client.pump, new Promise((_, reject) => setTimeout(() => reject(new Error('stream still open')), 5_000))]);
    await db.db.execute(sql`update app.users set session_version = session_version - 1 where id = ${userId}`);
    forgetPrincipal(userId);
  });

  it('unsubscribes a connection when its request is aborted', async () => {
    const feed = changeFeedFor(db);
    const before = feed.subscriberCount;
    const { close, client } = await connect('viewer@retailwave.test');
    expect(feed.subscriberCount).toBe(before + 1);
    close();
    await client.pump;
    expect(feed.subscriberCount).toBe(before);
  });
});
