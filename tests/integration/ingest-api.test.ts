/**
 * POST /api/ingest through the route handler: API key, body limits, per-event validation with reasons,
 * quarantine of refused events, bronze durability before the answer, and duplicates that never become a
 * second sale after the ETL.
 */
process.env.INGEST_API_KEYS = 'ingest-test-key-0001,ingest-test-key-0002';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { queryRows, installDatabaseHandle } from '@/db/client';
import { POST } from '@/app/api/ingest/route';
import { authenticateIngestKey } from '@/lib/ingest/api-key';
import { INGEST_RATE_LIMIT, resetIngestAllowance, takeIngestAllowance } from '@/lib/ingest/rate-limit';
import { MAX_INGEST_BODY_BYTES, MAX_INGEST_EVENTS } from '@/lib/ingest/read-body';
import { runEtlUntilDrained } from '@/lib/etl/run-batch';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';
import { insertRetailFixture, inventoryEvent, saleEvent } from '../helpers/retail-fixture';

const KEY = 'ingest-test-key-0001';
const KEY_ID = authenticateIngestKey(`Bearer ${KEY}`, [KEY])!.keyId;
const NOW_ISH = () => new Date(Date.now() - 60_000).toISOString();

function post(body: unknown, options: { key?: string | null; headers?: Record<string, string> } = {}): Promise<Response> {
  const key = options.key === undefined ? KEY : options.key;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return POST(
    new NextRequest('http://localhost/api/ingest', {
      method: 'POST',
      body: text,
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}), ...options.headers },
    }),
  );
}

const sale = (payload: Record<string, unknown> = {}) => saleEvent({ transactionId: randomUUID(), ...payload }, { occurredAt: NOW_ISH() });

describe.each(testEngines())('POST /api/ingest on %s', (engine) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await insertRetailFixture(db.db);
    installDatabaseHandle(db);
  });
  afterAll(() => db.destroy());
  beforeEach(() => resetIngestAllowance(KEY_ID));

  const bronzeIds = async () =>
    new Set((await queryRows<{ event_id: string }>(db.db, sql`select event_id from bronze.events`)).map((r) => r.event_id));

  it('accepts valid events and stores them in bronze before answering', async () => {
    const events = [sale(), sale({ storeCode: 'S003' }), inventoryEvent({ onHand: 3 }, { occurredAt: NOW_ISH() })];
    const res = await post({ events });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ accepted: 3, duplicates: 0, rejected: [] });
    const stored = await bronzeIds();
    for (const e of events) expect(stored.has(e.id)).toBe(true);
    const [batch] = await queryRows<{ source: string }>(db.db, sql`select source from bronze.ingest_batches order by id desc limit 1`);
    expect(batch.source).toBe(`api:${KEY_ID}`);
  });

  it('counts a re-sent id as a duplicate, in a later batch and within one', async () => {
    const first = sale();
    expect(await (await post({ events: [first] })).json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    const again = await post({ events: [first, { ...first }, sale()] });
    expect(await again.json()).toEqual({ accepted: 1, duplicates: 2, rejected: [] });
  });

  it('accepts the second configured key too', async () => {
    expect((await post({ events: [sale()] }, { key: 'ingest-test-key-0002' })).status).toBe(200);
  });

  it('refuses invalid events with their index and reason, keeps them in quarantine, and accepts the rest', async () => {
    const good = sale();
    const badQuantity = sale({ quantity: -2 });
    const unknownStore = sale({ storeCode: 'S999' });
    const unknownSku = sale({ sku: 'SKU-99999' });
    const res = await post({ events: [good, badQuantity, 'not an event', unknownStore, unknownSku, null] });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.accepted).toBe(1);
    expect(body.rejected).toEqual([
      { index: 1, reason: expect.stringContaining('payload.quantity') },
      { index: 2, reason: 'event is not a JSON object (got a string)' },
      { index: 3, reason: 'unknown store "S999"' },
      { index: 4, reason: 'unknown sku "SKU-99999"' },
      { index: 5, reason: 'event is not a JSON object (got null)' },
    ]);
    const stored = await bronzeIds();
    expect(stored.has(good.id)).toBe(true);
    for (const e of [badQuantity, unknownStore, unknownSku]) expect(stored.has(e.id)).toBe(false);

    const kept = await queryRows<{ event_id: string | null; reason: string; envelope: string | null; raw_text: string | null; bronze_id: number | null }>(
      db.db,
      sql`select event_id, reason, envelope::text as envelope, raw_text, bronze_id from silver.quarantine
          where stage = 'ingest' and (event_id = any(${`{${[badQuantity.id, unknownStore.id, unknownSku.id].join(',')}}`}::text[])
            or raw_text = 'null' or envelope = '"not an event"'::jsonb)`,
    );
    expect(kept).toHaveLength(5);
    const byId = new Map(kept.map((k) => [k.event_id, k]));
    expect(JSON.parse(byId.get(unknownStore.id)!.envelope!)).toEqual(unknownStore);
    expect(byId.get(unknownStore.id)!.reason).toBe('unknown store "S999"');
    expect(kept.every((k) => k.bronze_id === null)).toBe(true);
  });

  it('keeps an event Postgres cannot store as jsonb as text in quarantine', async () => {
    const bad = sale({ transactionId: 'T\u0000' });
    const body = await (await post({ events: [bad] })).json();
    expect(body.rejected).toEqual([{ index: 0, reason: expect.stringContaining('cannot be stored') }]);
    const [row] = await queryRows<{ raw_text: string }>(db.db, sql`select raw_text from silver.quarantine where event_id = ${bad.id}`);
    expect(JSON.parse(row.raw_text)).toEqual(bad);
  });

  it('answers 400 to malformed JSON and to a body without an events list', async () => {
    const malformed = await post('{"events": [');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: { code: 'invalid_json', message: expect.any(String) } });
    for (const body of [{}, { events: 'x' }, [], 'null']) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('invalid_request');
    }
  });

  it('answers 413 beyond the event count or the body size, by header or by the bytes sent', async () => {
    const before = (await bronzeIds()).size;
    const tooMany = await post({ events: Array.from({ length: MAX_INGEST_EVENTS + 1 }, () => sale()) });
    expect(tooMany.status).toBe(413);
    expect((await tooMany.json()).error.code).toBe('payload_too_large');

    const declared = await post({ events: [] }, { headers: { 'content-length': String(MAX_INGEST_BODY_BYTES + 1) } });
    expect(declared.status).toBe(413);

    // No Content-Length: a streamed body is counted as it is read.
    const big = JSON.stringify({ events: [], padding: 'x'.repeat(MAX_INGEST_BODY_BYTES) });
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < big.length; i += 64 * 1024) c.enqueue(new TextEncoder().encode(big.slice(i, i + 64 * 1024)));
        c.close();
      },
    });
    const streamed = await POST(
      new NextRequest('http://localhost/api/ingest', {
        method: 'POST', body: stream, headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' }, duplex: 'half',
      } as ConstructorParameters<typeof NextRequest>[1]),
    );
    expect(streamed.status).toBe(413);
    expect((await bronzeIds()).size).toBe(before);
  });

  it('answers 401 to a missing, wrong or malformed key, before reading the body', async () => {
    for (const key of [null, 'wrong-key-0123456789', `${KEY} extra`]) {
      const res = await post('not even json', { key });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    }
  });

  it('answers 429 with Retry-After once a key spends its budget, without affecting other keys', async () => {
    for (let i = 0; i < INGEST_RATE_LIMIT.limit; i++) await takeIngestAllowance(KEY_ID);
    const limited = await post({ events: [sale()] });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe('rate_limited');
    expect((await post({ events: [sale()] }, { key: 'ingest-test-key-0002' })).status).toBe(200);
  });

  it('loses nothing: every accepted event is in bronze and every refused one in quarantine', async () => {
    const events: unknown[] = Array.from({ length: 300 }, (_, i) =>
      i % 7 === 0 ? sale({ quantity: 0 }) : i % 11 === 0 ? sale({ storeCode: 'S404' }) : sale(),
    );
    const [{ before }] = await queryRows<{ before: number }>(db.db, sql`select count(*)::int as before from silver.quarantine`);
    const body = await (await post({ events })).json();
    expect(body.accepted + body.duplicates + body.rejected.length).toBe(events.length);
    const refused = new Set(body.rejected.map((r: { index: number }) => r.index));
    const stored = await bronzeIds();
    events.forEach((e, i) => expect(stored.has((e as { id: string }).id)).toBe(!refused.has(i)));
    const [{ after }] = await queryRows<{ after: number }>(db.db, sql`select count(*)::int as after from silver.quarantine`);
    expect(after - before).toBe(refused.size);
  });

  it('never turns a duplicate into a second sale after the ETL', async () => {
    const event = sale({ storeCode: 'S002', quantity: 2, unitPrice: 4.2, sku: 'SKU-00002' });
    expect((await (await post({ events: [event] })).json()).accepted).toBe(1);
    await runEtlUntilDrained(db.db, { limit: 1_000, timeZone: 'UTC' });
    expect((await (await post({ events: [event, event] })).json())).toEqual({ accepted: 0, duplicates: 2, rejected: [] });
    await runEtlUntilDrained(db.db, { limit: 1_000, timeZone: 'UTC' });
    const [counts] = await queryRows<{ lines: number; facts: number }>(
      db.db,
      sql`select (select count(*)::int from silver.sales_lines where event_id = ${event.id}::uuid) as lines,
                 (select count(*)::int from gold.fact_sales f join silver.sales_lines s on s.id = f.sales_line_id
                  where s.event_id = ${event.id}::uuid) as facts`,
    );
    expect(counts).toEqual({ lines: 1, facts: 1 });
  });
});
