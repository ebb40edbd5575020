/**
 * Who sees and acknowledges which alert: the list is cut to the caller's regions, acknowledging is a
 * scoped write (analyst, manager, admin) that cannot reach another region's alert — 404, untouched — and
 * every acknowledgement is audited once. Row-level security backs it: the app role may set the two
 * acknowledgement columns of in-scope alerts and nothing else.
 */
process.env.AUTH_SECRET ??= 'test-secret-test-secret-test-secret-0123';
import { sql } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { queryRows, type Database } from '@/db/client';
import { GET as listAlertsRoute } from '@/app/api/alerts/route';
import { POST as ackRoute } from '@/app/api/alerts/[id]/ack/route';
import { addDays, todayIn } from '@/lib/calendar/days';
import { appendToBronze } from '@/lib/etl/bronze';
import { runEtlUntilDrained } from '@/lib/etl/run-batch';
import { listAlerts } from '@/lib/queries/list-alerts';
import { readInScope } from '@/lib/queries/internal/read-in-scope';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';
import { insertRetailFixture, inventoryEvent, saleEvent } from '../helpers/retail-fixture';
import { prepareUsers, scopeFor, sessionClaimsFor } from '../helpers/scopes';
import { getRequest, noParams, sessionCookie } from '../helpers/session-cookie';

const EAST = 1;
const WEST = 2;

function ackRequest(id: number | string, cookie?: string) {
  const req = new NextRequest(new URL(`/api/alerts/${id}/ack`, 'http://localhost'), {
    method: 'POST',
    headers: { ...(cookie ? { cookie } : {}), 'user-agent': 'jest alerts', 'x-forwarded-for': '198.51.100.4' },
  });
  return ackRoute(req, { params: Promise.resolve({ id: String(id) }) });
}

async function alertState(db: Database, id: number) {
  const [row] = await queryRows<{ acknowledged_at: string | null; acknowledged_by: string | null }>(
    db,
    sql`select acknowledged_at::text as acknowledged_at, acknowledged_by::text as acknowledged_by from gold.alerts where id = ${id}`,
  );
  return row;
}

const auditRows = (db: Database) =>
  queryRows<{ actor_email: string; target: string; ip: string; user_agent: string; detail: Record<string, unknown> }>(
    db,
    sql`select actor_email, target, ip, user_agent, detail from app.audit_log where action = 'alert_acknowledged' order by id`,
  );

describe.each(testEngines())('alerts access on %s', (engine) => {
  let handle: TestDatabase;
  let db: Database;
  const cookies: Record<string, string> = {};
  let eastFraud: number;
  let westFraud: number;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    db = handle.db;
    await insertRetailFixture(db);
    const day = addDays(todayIn('UTC'), -40);
    const big = (transactionId: string, storeCode: string) =>
      saleEvent({ transactionId, storeCode, sku: 'SKU-00003', quantity: 40, unitPrice: 199.99 }, { occurredAt: `${day}T12:00:00Z` });
    await appendToBronze(db, {
      source: 'test',
      events: [
        big('T-EAST', 'S001'),
        big('T-WEST', 'S003'),
        inventoryEvent({ storeCode: 'S002', sku: 'SKU-00004', onHand: 2 }, { occurredAt: `${day}T09:00:00Z` }),
        inventoryEvent({ storeCode: 'S003', sku: 'SKU-00004', onHand: 1 }, { occurredAt: `${day}T09:00:00Z` }),
      ],
    });
    await runEtlUntilDrained(db, { limit: 100, timeZone: 'UTC' });
    const ids = await queryRows<{ id: number; subject: string }>(db, sql`select id::float8 as id, subject from gold.alerts where kind = 'fraud'`);
    eastFraud = ids.find((r) => r.subject === 'T-EAST')!.id;
    westFraud = ids.find((r) => r.subject === 'T-WEST')!.id;
    await prepareUsers(handle);
    for (const who of ['east.manager', 'analyst', 'viewer', 'admin']) {
      cookies[who] = await sessionCookie(await sessionClaimsFor(handle, `${who}@retailwave.test`));
    }
  }, 60_000);
  afterAll(() => handle.destroy());

  it('lists only the alerts of the caller’s regions', async () => {
    const east = await listAlerts(db, await scopeFor(handle, 'east.manager@retailwave.test'), { status: 'open', limit: 20 });
    expect(east.alerts.map((a) => [a.kind, a.region, a.storeCode]).sort()).toEqual([['fraud', 'East', 'S001'], ['low_stock', 'East', 'S002']]);
    expect(east.total).toBe(2);
    const analyst = await listAlerts(db, await scopeFor(handle, 'analyst@retailwave.test'), { kind: 'fraud', status: 'open', limit: 1 });
    expect(analyst.alerts).toHaveLength(1);
    expect(analyst.total).toBe(2);
    const south = await listAlerts(db, await scopeFor(handle, 'viewer@retailwave.test'), { status: 'open', limit: 20 });
    expect(south).toEqual({ alerts: [], total: 0 });
  });

  it('GET /api/alerts answers the same, and refuses a bad kind', async () => {
    const res = await listAlertsRoute(getRequest('/api/alerts?kind=fraud', cookies['east.manager']), noParams);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.alerts.map((a: { subject: string }) => a.subject)).toEqual(['T-EAST']);
    expect(body.alerts[0].reason).toContain('by a guest is above $5,000.00');
    const viewer = await (await listAlertsRoute(getRequest('/api/alerts', cookies.viewer), noParams)).json();
    expect(viewer).toEqual({ alerts: [], total: 0 });
    const bad = await listAlertsRoute(getRequest('/api/alerts?kind=everything', cookies.analyst), noParams);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('invalid_request');
    expect((await listAlertsRoute(getRequest('/api/alerts'), noParams)).status).toBe(401);
  });

  it('answers 404 to an acknowledgement of another region’s alert, and leaves it untouched', async () => {
    const res = await ackRequest(westFraud, cookies['east.manager']);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'No such alert in your regions.' } });
    expect(await alertState(db, westFraud)).toEqual({ acknowledged_at: null, acknowledged_by: null });
    expect((await ackRequest(999_999, cookies['east.manager'])).status).toBe(404);
  });

  it('lets viewers read but not acknowledge; refuses the signed-out and malformed ids', async () => {
    expect((await ackRequest(eastFraud, cookies.viewer)).status).toBe(403);
    expect((await ackRequest(eastFraud)).status).toBe(401);
    const bad = await ackRequest('1;drop', cookies.analyst);
    expect(bad.status).toBe(400);
    expect(await alertState(db, eastFraud)).toEqual({ acknowledged_at: null, acknowledged_by: null });
    expect(await auditRows(db)).toEqual([]);
  });

  it('acknowledges an in-scope alert once, audited with who, what and from where', async () => {
    const res = await ackRequest(eastFraud, cookies['east.manager']);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({ alert: { id: eastFraud, acknowledgedAt: expect.any(String), changed: true } });
    const managerId = (await sessionClaimsFor(handle, 'east.manager@retailwave.test')).sub;
    expect(await alertState(db, eastFraud)).toEqual({ acknowledged_at: expect.any(String), acknowledged_by: managerId });
    const again = await (await ackRequest(eastFraud, cookies.analyst)).json();
    expect(again.alert).toMatchObject({ id: eastFraud, changed: false });
    expect(await auditRows(db)).toEqual([
      {
        actor_email: 'east.manager@retailwave.test', target: `alert:${eastFraud}`, ip: '198.51.100.4', user_agent: 'jest alerts',
        detail: { alertId: eastFraud, kind: 'fraud', regionId: EAST, subject: 'T-EAST' },
      },
    ]);
    const open = await listAlerts(db, await scopeFor(handle, 'east.manager@retailwave.test'), { kind: 'fraud', status: 'open', limit: 20 });
    expect(open.total).toBe(0);
    const acknowledged = await listAlerts(db, await scopeFor(handle, 'east.manager@retailwave.test'), { kind: 'fraud', status: 'acknowledged', limit: 20 });
    expect(acknowledged.alerts.map((a) => a.id)).toEqual([eastFraud]);
  });

  it('tells an East manager nothing about a customer\'s purchases in the West: the alert reads as if they had none', async () => {
    // C001 shops in the West (a usual of about $25, and three baskets minutes before); C002 never has.
    // Both then make the same large East basket. Whatever the East manager can read of the two alerts
    // must be the same but for whose they are: any difference would come from the West.
    const day = addDays(todayIn('UTC'), -30);
    const west = (transactionId: string, date: string, time: string, unitPrice: number) =>
      saleEvent({ transactionId, customerId: 'C001', storeCode: 'S003', sku: 'SKU-00001', quantity: 1, unitPrice }, { occurredAt: `${date}T${time}Z` });
    const eastBasket = (transactionId: string, customerId: string) =>
      saleEvent({ transactionId, customerId, storeCode: 'S001', sku: 'SKU-00003', quantity: 40, unitPrice: 199.99 }, { occurredAt: `${day}T10:03:00Z` });
    await appendToBronze(db, {
      source: 'test',
      events: [
        ...[20, 25, 30, 22, 28].map((amount, i) => west(`W-HIST-${i}`, addDays(day, -20 + i), '12:00:00', amount)),
        ...[0, 1, 2].map((i) => west(`W-BURST-${i}`, day, `10:0${i}:00`, 21)),
      ],
    });
    await runEtlUntilDrained(db, { limit: 100, timeZone: 'UTC' });
    await appendToBronze(db, { source: 'test', events: [eastBasket('E-C001', 'C001'), eastBasket('E-C002', 'C002')] });
    await runEtlUntilDrained(db, { limit: 100, timeZone: 'UTC' });

    const res = await listAlertsRoute(getRequest('/api/alerts?kind=fraud&limit=100', cookies['east.manager']), noParams);
    const { alerts } = (await res.json()) as { alerts: { subject: string; detail: Record<string, unknown> }[] };
    const seen = (subject: string) => {
      const alert = alerts.find((a) => a.subject === subject);
      expect(alert).toBeDefined();
      const { id: _id, subject: _subject, createdAt: _c, updatedAt: _u, detail, ...rest } = alert as unknown as Record<string, unknown>;
      const { customerId: _customer, ...facts } = detail as Record<string, unknown>;
      return { ...rest, detail: facts };
    };
    expect(seen('E-C001')).toEqual(seen('E-C002'));
    expect(JSON.stringify(alerts.filter((a) => a.subject === 'E-C001'))).not.toMatch(/West|S003|usual|median|purchases/);
  });

  describe('row-level security under the app role', () => {
    it('a bare update from an East scope reaches East alerts only', async () => {
      const east = await scopeFor(handle, 'east.manager@retailwave.test');
      let touched: number[] = [];
      // run the update, note what it reached, then roll it back
      await db
        .transaction(async (tx) => {
          const rows = await readInScope(tx as unknown as Database, east, (scoped) =>
            queryRows<{ region_id: number }>(scoped, sql`update gold.alerts set acknowledged_at = now() returning region_id::int as region_id`));
          touched = rows.map((r) => r.region_id);
          throw new Error('undo');
        })
        .catch((e: Error) => {
          if (e.message !== 'undo') throw e;
        });
      expect(touched.length).toBeGreaterThan(0);
      expect([...new Set(touched)]).toEqual([EAST]);
      expect(await alertState(db, westFraud)).toEqual({ acknowledged_at: null, acknowledged_by: null });
    });

    it('may change nothing but the acknowledgement', async () => {
      const east = await scopeFor(handle, 'east.manager@retailwave.test');
      for (const statement of [
        `update gold.alerts set reason = 'nothing to see'`,
        `update gold.alerts set region_id = ${WEST}`,
        `delete from gold.alerts`,
        `insert into gold.alerts (kind, region_id, subject, dedupe_key, reason, severity) values ('fraud', ${EAST}, 'x', 'x', 'x', 'medium')`,
        `update gold.sale_risk set score = 0`,
      ]) {
        const error = await readInScope(db, east, (scoped) => scoped.execute(sql.raw(statement))).then(
          () => null,
          (e: Error & { cause?: Error }) => e.cause ?? e,
        );
        expect({ statement, message: error?.message }).toEqual({ statement, message: expect.stringMatching(/permission denied/i) });
      }
    });
  });
});
