/**
 * A dashboard read that runs too long, or waits too long for a slot, becomes a refusal the API answers as
 * JSON 503 (`view_too_broad`, or `busy` with Retry-After), never a raw 500. Postgres cancels a statement
 * past the dashboard statement timeout; PGlite (single-threaded WebAssembly, which blocks the event loop
 * while a statement runs) cannot, so there the admission bound is the only limit.
 */
process.env.AUTH_SECRET ??= 'test-secret-test-secret-test-secret-0123';
import { sql } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { GET as kpisRoute } from '@/app/api/metrics/kpis/route';
import { installDatabaseHandle, openDatabase, queryRows, type DatabaseHandle } from '@/db/client';
import { admissionOf } from '@/lib/queries/internal/admission';
import { readInScope } from '@/lib/queries/internal/read-in-scope';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { prepareUsers, scopeFor, sessionClaimsFor } from '../helpers/scopes';
import { noParams, sessionCookie } from '../helpers/session-cookie';

const kpis = (cookie: string) =>
  kpisRoute(new NextRequest(new URL('/api/metrics/kpis?from=2026-01-01&to=2026-01-31', 'http://localhost:3000'), { headers: { cookie } }), noParams);

describe('dashboard statement timeout on pglite', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('pglite', { scopedReads: { statementTimeoutMs: 100 } });
    await prepareUsers(db);
  });
  afterAll(() => db.destroy());

  it('is not enforced: PGlite lets a statement run past it (the setting is accepted and ignored)', async () => {
    const scope = await scopeFor(db, 'analyst@retailwave.test');
    const shown = await readInScope(db.db, scope, async (tx) => {
      await tx.execute(sql`select pg_sleep(0.3)`);
      return queryRows<{ statement_timeout: string }>(tx, sql`show statement_timeout`);
    });
    expect(shown).toEqual([{ statement_timeout: '100ms' }]);
  });
});

const describePostgres = process.env.TEST_DATABASE_URL ? describe : describe.skip;

describePostgres('dashboard read refusals on postgres', () => {
  let db: TestDatabase;
  let cookie: string;
  beforeAll(async () => {
    // No server-wide statement timeout on this handle: only the dashboard one can cancel a read here.
    db = await createTestDatabase('postgres', { scopedReads: { slots: 2, statementTimeoutMs: 200 } });
    await prepareUsers(db);
    cookie = await sessionCookie(await sessionClaimsFor(db, 'analyst@retailwave.test'));
  });
  afterAll(() => db.destroy());

  it('cancels a dashboard statement past the timeout as view_too_broad and frees its slot', async () => {
    const scope = await scopeFor(db, 'analyst@retailwave.test');
    await expect(readInScope(db.db, scope, (tx) => tx.execute(sql`select pg_sleep(10)`))).rejects.toMatchObject({
      status: 503,
      code: 'view_too_broad',
      message: expect.stringMatching(/narrow the date range/i),
    });
    expect(admissionOf(db.db)?.active).toBe(0);
    // The limit is the read's own: the same connection pool answers the next read.
    await expect(readInScope(db.db, scope, (tx) => queryRows(tx, sql`select 1 as one`))).resolves.toEqual([{ one: 1 }]);
  });

  it('answers GET /api/metrics/kpis with JSON 503 view_too_broad when its statements run past the timeout', async () => {
    // The KPI statements wait on a lock held by another connection (as a statement scanning too much would
    // keep running) until the dashboard statement timeout cancels them.
    const locker = await openDatabase({ url: db.url! });
    try {
      const answer = await locker.db.transaction(async (tx) => {
        const [{ tables }] = await queryRows<{ tables: string }>(
          tx,
          sql`select string_agg(format('%I.%I', schemaname, tablename), ', ') as tables from pg_tables where schemaname = 'gold'`,
        );
        await tx.execute(sql.raw(`lock table ${tables} in access exclusive mode`));
        return kpis(cookie);
      });
      expect(answer.status).toBe(503);
      expect(await answer.json()).toEqual({ error: { code: 'view_too_broad', message: expect.stringMatching(/narrow the date range/i) } });
      expect(answer.headers.get('retry-after')).toBeNull();
    } finally {
      await locker.close();
    }
  });

  it('answers JSON 503 busy with Retry-After when its reads wait past the queue timeout', async () => {
    const oneSlot: DatabaseHandle = await openDatabase({ url: db.url! }, { scopedReads: { slots: 1, queueTimeoutMs: 100 } });
    installDatabaseHandle(oneSlot);
    try {
      const scope = await scopeFor(oneSlot, 'admin@retailwave.test');
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let started!: () => void;
      const running = new Promise<void>((resolve) => (started = resolve));
      const holder = readInScope(oneSlot.db, scope, async () => {
        started();
        await released;
      });
      await running;
      const answer = await kpis(cookie);
      release();
      await holder;
      expect(answer.status).toBe(503);
      expect(await answer.json()).toEqual({ error: { code: 'busy', message: expect.any(String) } });
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      installDatabaseHandle(db);
      await oneSlot.close();
    }
  });
});
