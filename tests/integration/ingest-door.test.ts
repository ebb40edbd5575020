/**
 * @jest-environment node
 *
 * POST /api/ingest holds at the door whatever arrives: a wrong content type or method, JSON nested without
 * end, text Postgres cannot store in any field, far dates, a UUID in another letter case, padded codes, the
 * same events re-sent concurrently in different orders, and a database that is down. Every answer is a 2xx
 * or a 4xx (503 for the outage) with `{ error: { code, message } }`; every refused event is in quarantine.
 */
process.env.INGEST_API_KEYS = 'door-test-key-00001';
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { sql } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { openDatabase, queryRows, installDatabaseHandle } from '@/db/client';
import { DELETE, GET, POST, PUT } from '@/app/api/ingest/route';
import { authenticateIngestKey } from '@/lib/ingest/api-key';
import { resetIngestAllowance } from '@/lib/ingest/rate-limit';
import { MAX_JSON_DEPTH } from '@/lib/ingest/read-body';
import { runEtlUntilDrained } from '@/lib/etl/run-batch';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';
import { insertRetailFixture, saleEvent } from '../helpers/retail-fixture';

const KEY = 'door-test-key-00001';
const KEY_ID = authenticateIngestKey(`Bearer ${KEY}`, [KEY])!.keyId;
const RECENT = () => new Date(Date.now() - 60_000).toISOString();

const request = (body: string, headers: Record<string, string> = {}, method = 'POST') =>
  new NextRequest('http://localhost/api/ingest', {
    method,
    body: method === 'POST' || method === 'PUT' ? body : undefined,
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', ...headers },
  });
const post = (body: unknown, headers?: Record<string, string>) =>
  POST(request(typeof body === 'string' ? body : JSON.stringify(body), headers));

const sale = (payload: Record<string, unknown> = {}, envelope: Record<string, unknown> = {}) =>
  saleEvent({ transactionId: randomUUID(), ...payload }, { occurredAt: RECENT(), ...envelope });

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(await res.json()).toEqual({ error: { code, message: expect.any(String) } });
}

describe.each(testEngines())('ingest at the door on %s', (engine) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await insertRetailFixture(db.db);
  });
  beforeEach(() => {
    installDatabaseHandle(db);
    resetIngestAllowance(KEY_ID);
  });
  afterAll(() => db.destroy());

  const bronzeCount = async () =>
    (await queryRows<{ n: number }>(db.db, sql`select count(*)::int as n from bronze.events`))[0].n;
  const quarantined = (eventId: string) =>
    queryRows<{ reason: string; raw_text: string | null; envelope: unknown }>(
      db.db, sql`select reason, raw_text, envelope from silver.quarantine where event_id = ${eventId}`);

  it('answers 415 to a body that is not declared JSON, and stores nothing', async () => {
    const before = await bronzeCount();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/jsonp']) {
      await expectError(await post({ events: [sale()] }, { 'content-type': type }), 415, 'unsupported_media_type');
    }
    expect((await post({ events: [sale()] }, { 'content-type': 'Application/JSON; charset=utf-8' })).status).toBe(200);
    expect(await bronzeCount()).toBe(before + 1);
  });

  it('answers 405 with Allow and an error body to other methods', async () => {
    for (const [handler, method] of [[GET, 'GET'], [PUT, 'PUT'], [DELETE, 'DELETE']] as const) {
      const res = handler();
      expect(res.headers.get('allow')).toBe('POST');
      await expectError(res, 405, 'method_not_allowed');
      expect(method).toBeTruthy();
    }
  });

  it('refuses JSON nested deeper than events need with 400, not a crash', async () => {
    const deep = `{"events":[${'['.repeat(100_000)}${']'.repeat(100_000)}]}`;
    await expectError(await post(deep), 400, 'invalid_json');
    const nested = sale({ extra: JSON.parse(`${'{"a":'.repeat(MAX_JSON_DEPTH)}1${'}'.repeat(MAX_JSON_DEPTH)}`) });
    await expectError(await post({ events: [nested] }), 400, 'invalid_json');
    // brackets inside strings are text, not nesting
    expect((await post({ events: [sale({ transactionId: '['.repeat(60) })] })).status).toBe(200);
  });

  it('refuses a NUL or lone surrogate in storeCode, sku or id per event, keeping it escaped in quarantine', async () => {
    const events = [
      sale({ storeCode: 'S001\u0000' }),
      sale({ sku: 'SKU-00001\ud800' }),
      sale({}, { id: `${randomUUID()}\u0000` }),
      sale(),
    ];
    const res = await post({ events });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.accepted).toBe(1);
    expect(body.rejected).toEqual([0, 1, 2].map((index) => ({ index, reason: expect.stringContaining('cannot be stored') })));
    for (const event of events.slice(0, 2)) {
      const [row] = await quarantined(event.id);
      expect(row.envelope).toBeNull();
      expect(JSON.parse(row.raw_text!)).toEqual(event);
    }
    const [withBadId] = await quarantined(events[2].id.replace('\u0000', '\\u0000'));
    expect(JSON.parse(withBadId.raw_text!)).toEqual(events[2]);
  });

  it('keeps sales outside 2000-01-01 … now + 1 day out of bronze, with the reason, in quarantine', async () => {
    const ancient = sale({}, { occurredAt: '0999-06-01T00:00:00Z' });
    const future = sale({}, { occurredAt: new Date(Date.now() + 2 * 86_400_000).toISOString() });
    const body = await (await post({ events: [ancient, future, sale({ quantity: 100_000 })] })).json();
    expect(body.accepted).toBe(0);
    expect(body.rejected.map((r: { reason: string }) => r.reason)).toEqual([
      expect.stringContaining('before 2000-01-01'),
      expect.stringContaining('more than a day in the future'),
      expect.stringContaining('payload.quantity must be at most 10000'),
    ]);
    expect((await quarantined(ancient.id))[0].reason).toContain('before 2000-01-01');
  });

  it('counts the same UUID in another letter case as a duplicate, in one batch and across batches', async () => {
    const event = sale({ storeCode: 'S003', quantity: 3 });
    const upper = { ...event, id: event.id.toUpperCase() };
    expect(await (await post({ events: [event, upper] })).json()).toEqual({ accepted: 1, duplicates: 1, rejected: [] });
    expect(await (await post({ events: [upper] })).json()).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
    await runEtlUntilDrained(db.db, { limit: 1_000, timeZone: 'UTC' });
    const [row] = await queryRows<{ lines: number; quarantined: number }>(db.db, sql`
      select (select count(*)::int from silver.sales_lines where event_id = ${event.id}::uuid) as lines,
             (select count(*)::int from silver.quarantine where lower(event_id) = ${event.id}) as quarantined`);
    expect(row).toEqual({ lines: 1, quarantined: 0 });
  });

  it('trims padded codes the same way whether or not another event names the code', async () => {
    const padded = sale({ storeCode: '  S002 ', sku: 'SKU-00003\t' });
    expect(await (await post({ events: [padded] })).json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    await runEtlUntilDrained(db.db, { limit: 1_000, timeZone: 'UTC' });
    const lines = await queryRows<{ store_code: string; sku: string }>(
      db.db, sql`select store_code, sku from silver.sales_lines where event_id = ${padded.id}::uuid`);
    expect(lines).toEqual([{ store_code: 'S002', sku: 'SKU-00003' }]);
  });

  it('takes the same events re-sent concurrently in different orders without a deadlock', async () => {
    const events = Array.from({ length: 1_000 }, () => sale());
    // forward, backward and interleaved: without one lock order, two of these wait on each other
    const orders = [events, [...events].reverse(), events.filter((_, i) => i % 2).concat(events.filter((_, i) => i % 2 === 0))];
    const answers = await Promise.all(Array.from({ length: 9 }, (_, i) => post({ events: orders[i % 3] })));
    expect(answers.map((r) => r.status)).toEqual(Array(9).fill(200));
    const bodies = await Promise.all(answers.map((r) => r.json()));
    expect(bodies.reduce((sum, b) => sum + b.accepted, 0)).toBe(events.length);
    expect(bodies.every((b) => b.accepted + b.duplicates === events.length)).toBe(true);
  });

  it('answers 503 with Retry-After within 5 s while the database is down', async () => {
    const down = engine === 'postgres'
      ? await openDatabase({ url: 'postgres://postgres@127.0.0.1:1/retailwave' })
      : await openDatabase({ memory: true });
    if (engine === 'pglite') await down.close();
    installDatabaseHandle(down);
    try {
      const started = Date.now();
      const res = await post({ events: [sale({ storeCode: 'S001' })] });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(res.headers.get('retry-after'))).toBeLessThanOrEqual(5);
      await expectError(res, 503, 'unavailable');
    } finally {
      if (engine === 'postgres') await down.close();
    }
  });

  it('answers 503 with Retry-After within 5 s when the database host accepts connections but never answers', async () => {
    if (engine !== 'postgres') return;
    // A partitioned or hung server: the TCP connection opens, the Postgres handshake never comes.
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    const hung = await openDatabase({ url: `postgres://postgres@127.0.0.1:${port}/retailwave` });
    installDatabaseHandle(hung);
    try {
      const started = Date.now();
      const res = await post({ events: [sale({ storeCode: 'S001' })] });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      await expectError(res, 503, 'unavailable');
    } finally {
      await hung.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('answers 503, not 500, when its connection is terminated mid-request, and recovers afterwards', async () => {
    if (engine !== 'postgres') return;
    const own = await openDatabase({ url: db.url! });
    installDatabaseHandle(own);
    try {
      const started = own.db.execute(sql`select pg_sleep(5)`).catch((error: unknown) => error);
      // Terminated as soon as the server is running it.
      const terminate = () => queryRows<{ terminated: boolean }>(db.db, sql`select pg_terminate_backend(pid) as terminated from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and application_name = 'retailwave'
          and state = 'active' and query like 'select pg_sleep%'`);
      const deadline = Date.now() + 4_000;
      while ((await terminate()).length === 0) {
        if (Date.now() > deadline) throw new Error('the sleeping query never started');
        await new Promise((r) => setTimeout(r, 20));
      }
      const { errorResponse } = await import('@/lib/errors');
      await expectError(errorResponse(await started), 503, 'unavailable');
      expect((await post({ events: [sale()] })).status).toBe(200);
    } finally {
      await own.close();
    }
  });
});
