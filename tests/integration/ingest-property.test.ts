/**
 * @jest-environment node
 *
 * Property: whatever a client posts to /api/ingest — hostile strings (NUL, lone surrogates, RTL marks,
 * huge text), huge, tiny and non-finite numbers, NaN-like strings, far or impossible dates, the same id
 * again in any letter case and order, wrong types, missing and extra fields — the route handler answers a
 * 2xx or a 4xx with `{ error: { code, message } }`, never a 5xx; and once the ETL has drained, every
 * accepted event is exactly one silver line (customer and inventory events: applied) or one quarantine
 * row, every refused event one quarantine row, and gold equals silver to the cent.
 */
process.env.INGEST_API_KEYS = 'property-test-key-01';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { queryRows, installDatabaseHandle } from '@/db/client';
import { POST } from '@/app/api/ingest/route';
import { authenticateIngestKey } from '@/lib/ingest/api-key';
import { resetIngestAllowance } from '@/lib/ingest/rate-limit';
import { runEtlUntilDrained } from '@/lib/etl/run-batch';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';
import { expectRollupsMatchFacts } from '../helpers/rollup-checks';
import { insertRetailFixture, saleEvent } from '../helpers/retail-fixture';

const KEY = 'property-test-key-01';
const KEY_ID = authenticateIngestKey(`Bearer ${KEY}`, [KEY])!.keyId;
const RUNS = 30;

const hostileText = fc.oneof(
  fc.constantFrom('\u0000', '\ud800', '\udfff', 'a\udc00b', '\u202eS001', '\ufeff', ' ', '', '\t\n', 'NaN', 'null', '[]', '{}'),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: fc.integer({ min: 0xd7f0, max: 0xe010 }).map((c) => String.fromCharCode(c)), maxLength: 6 }),
  fc.integer({ min: 65, max: 20_000 }).map((n) => 'x'.repeat(n)),
);
const hostileNumber = fc.oneof(
  fc.double(), // NaN and ±Infinity become null in JSON
  fc.integer(),
  fc.constantFrom(0, -0, -1, 5e-324, 1e-9, 0.005, 1e308, 10_000, 10_001, 1_000_000, 1_000_000.01, 2 ** 31, 2 ** 53 + 1),
  fc.constantFrom('NaN', 'Infinity', '1e3', '12', '', '0x10'),
);
const wrongType = fc.oneof(fc.constant(undefined), fc.constant(null), fc.boolean(), fc.array(fc.nat(), { maxLength: 2 }), fc.object({ maxDepth: 2 }));
// (an `undefined` drops the field from the JSON: a missing field)

const recentDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date(Date.now() + 86_000_000), noInvalidDate: true })
  .map((d) => d.toISOString());
const farDate = fc.oneof(
  fc.constantFrom('0999-01-01T00:00:00Z', '1999-12-31T23:59:59Z', '+275760-09-13T00:00:00Z', '2026-02-30T00:00:00Z', '9999-12-31T23:59:59Z'),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
);
/** The same UUID in one of its letter cases: all of them name one event. */
const anyCase = (id: string) => fc.constantFrom(id, id.toUpperCase(), id.replace(/[a-f]/g, (c, at: number) => (at % 2 ? c.toUpperCase() : c)));

const STORES = ['S001', 'S002', 'S003'];
const SKUS = ['SKU-00001', 'SKU-00002', 'SKU-00003', 'SKU-00004'];
const CUSTOMERS = ['C001', 'C002', 'C777'];

/** A valid envelope of each type (its id in any case, extra fields now and then). */
const validEnvelope = fc
  .tuple(fc.constantFrom('sale', 'sale', 'sale', 'customer', 'inventory'), fc.uuid(), recentDate)
  .chain(([type, id, occurredAt]) => {
    const payload =
      type === 'sale'
        ? fc.record({
            transactionId: fc.uuid(), storeCode: fc.constantFrom(...STORES), sku: fc.constantFrom(...SKUS),
            customerId: fc.constantFrom(...CUSTOMERS), quantity: fc.integer({ min: 1, max: 50 }),
            unitPrice: fc.integer({ min: 1, max: 100_000 }).map((c) => c / 100), discount: fc.constantFrom(0, 0.01),
          }, { requiredKeys: ['transactionId', 'storeCode', 'sku', 'quantity', 'unitPrice'] })
        : type === 'customer'
          ? fc.record({
              customerId: fc.constantFrom(...CUSTOMERS), segment: fc.constantFrom('Budget', 'Premium', 'Business'),
              homeStoreCode: fc.constantFrom(...STORES), acquiredOn: fc.constantFrom('2024-01-05', '2025-03-01'),
            }, { requiredKeys: ['customerId', 'segment'] })
          : fc.record({ storeCode: fc.constantFrom(...STORES), sku: fc.constantFrom(...SKUS), onHand: fc.integer({ min: 0, max: 500 }) });
    return fc.record({ id: anyCase(id), type: fc.constant(type), occurredAt: fc.constant(occurredAt), source: fc.constant('pos'), payload });
  });

/** What a field may be replaced with: anything hostile, and near misses of good values. */
const hostileValue = fc.oneof(
  hostileText,
  hostileNumber,
  wrongType,
  farDate,
  fc.tuple(fc.constantFrom(...STORES, ...SKUS, 'sale'), hostileText).map(([good, bad]) => `${good}${bad}`),
  fc.tuple(hostileText, fc.constantFrom(...STORES, ...SKUS)).map(([bad, good]) => `${bad}${good}`),
  fc.constantFrom(' S001 ', 's001', 'S999', 'SKU-99999', '\tSKU-00002', 'refund', 'SALE'),
);
const FIELDS = [
  'id', 'type', 'occurredAt', 'source', 'payload', 'payload.transactionId', 'payload.storeCode', 'payload.sku',
  'payload.customerId', 'payload.quantity', 'payload.unitPrice', 'payload.discount', 'payload.segment',
  'payload.homeStoreCode', 'payload.acquiredOn', 'payload.onHand',
] as const;

/** A valid envelope, with up to two fields replaced by hostile values and perhaps extra fields. */
const envelope = fc
  .tuple(
    validEnvelope,
    fc.array(fc.tuple(fc.constantFrom(...FIELDS), hostileValue), { maxLength: 2 }),
    fc.dictionary(fc.string({ maxLength: 8 }), hostileValue, { maxKeys: 2 }),
  )
  .map(([event, mutations, extra]) => {
    const out: Record<string, unknown> = { ...extra, ...event, payload: { ...event.payload } };
    for (const [field, value] of mutations) {
      const [head, tail] = field.split('.');
      if (!tail) out[head] = value;
      else if (typeof out.payload === 'object' && out.payload !== null) (out.payload as Record<string, unknown>)[tail] = value;
    }
    return out;
  });

/** A batch: envelopes, some repeated with their id in another case, shuffled; now and then a non-object. */
const batch = fc
  .tuple(
    fc.array(fc.oneof({ weight: 20, arbitrary: envelope }, { weight: 1, arbitrary: fc.oneof(wrongType, hostileText) }), { minLength: 1, maxLength: 25 }),
    fc.array(fc.tuple(fc.nat(), fc.boolean()), { maxLength: 5 }),
    fc.array(fc.nat(), { maxLength: 30 }),
  )
  .map(([events, repeats, order]) => {
    const all: unknown[] = [...events];
    for (const [at, upper] of repeats) {
      const source = events[at % events.length] as { id?: unknown } | null;
      if (source && typeof source === 'object' && typeof source.id === 'string') {
        all.push({ ...source, id: upper ? source.id.toUpperCase() : source.id.toLowerCase() });
      }
    }
    order.forEach((swap, i) => {
      const a = i % all.length;
      const b = swap % all.length;
      [all[a], all[b]] = [all[b], all[a]];
    });
    return all;
  });

/** Whole bodies that are not an events list at all. */
const hostileBody = fc.oneof(
  fc.json({ depthSize: 'small' }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.nat({ max: 200 }).map((n) => `{"events":[${'['.repeat(n * 10)}${']'.repeat(n * 10)}]}`),
);

const post = (body: string) =>
  POST(new NextRequest('http://localhost/api/ingest', {
    method: 'POST', body, headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
  }));

describe.each(testEngines())('ingest property on %s', (engine) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await insertRetailFixture(db.db);
    installDatabaseHandle(db);
  });
  afterAll(() => db.destroy());

  it('answers 2xx or 4xx with an error body, and loses or doubles no event through the ETL', async () => {
    let refused = 0;
    // one sale to a known customer, so every rollup (the customer ones too) has rows to compare
    const seedSale = saleEvent({ customerId: 'C001' }, { occurredAt: new Date(Date.now() - 3_600_000).toISOString() });
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 5, arbitrary: batch.map((events) => JSON.stringify({ events })) }, { weight: 1, arbitrary: hostileBody }),
        async (body) => {
          resetIngestAllowance(KEY_ID);
          const res = await post(body);
          expect(res.status < 500).toBe(true);
          const answer = await res.json();
          if (res.status >= 400) {
            expect(answer).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
            return;
          }
          const sent = (JSON.parse(body) as { events: unknown[] }).events.length;
          expect(answer.accepted + answer.duplicates + answer.rejected.length).toBe(sent);
          refused += answer.rejected.length;
          await runEtlUntilDrained(db.db, { limit: 7, timeZone: 'UTC' });
        }),
      { numRuns: RUNS, seed: Number(process.env.PROPERTY_SEED ?? 20261207) },
    );
    resetIngestAllowance(KEY_ID);
    expect((await post(JSON.stringify({ events: [seedSale] }))).status).toBe(200);
    await runEtlUntilDrained(db.db, { limit: 7, timeZone: 'UTC' });

    // Every bronze event was processed into exactly one outcome: a silver line or a quarantine row for a
    // sale; nothing or one quarantine row for a customer or inventory event (applied, or refused).
    const outcomes = await queryRows<{ event_id: string; type: string | null; pending: boolean; lines: number; quarantined: number }>(db.db, sql`
      select e.event_id, e.event_type as type, e.processed_at is null as pending,
        (select count(*)::int from silver.sales_lines s where s.bronze_id = e.id) as lines,
        (select count(*)::int from silver.quarantine q where q.bronze_id = e.id) as quarantined
      from bronze.events e`);
    expect(outcomes.filter((o) => o.pending)).toEqual([]);
    for (const o of outcomes) {
      if (o.type === 'sale' && o.lines === 1) expect(o.quarantined).toBe(0);
      else if (o.type === 'sale') expect([o.lines, o.quarantined]).toEqual([0, 1]);
      else expect(o.lines + o.quarantined).toBeLessThanOrEqual(1);
    }
    // One bronze row per id, whatever case it came in.
    const ids = outcomes.map((o) => o.event_id).filter(Boolean);
    expect(new Set(ids.map((id) => id.toLowerCase())).size).toBe(ids.length);
    const [atDoor] = await queryRows<{ n: number }>(db.db, sql`select count(*)::int as n from silver.quarantine where stage = 'ingest'`);
    expect(atDoor.n).toBe(refused);

    const [money] = await queryRows<{ silver: string; gold: string; lines: number; facts: number }>(db.db, sql`
      select (select coalesce(sum(net), 0)::text from silver.sales_lines) as silver,
             (select coalesce(sum(net), 0)::text from gold.fact_sales) as gold,
             (select count(*)::int from silver.sales_lines) as lines,
             (select count(*)::int from gold.fact_sales) as facts`);
    expect(money.gold).toBe(money.silver);
    expect(money.facts).toBe(money.lines);
    expect(money.lines).toBeGreaterThan(RUNS / 3);
    await expectRollupsMatchFacts(db.db);
  });
});
