import { auditLog } from '@/db/schema';
import { AUDIT_PAGE_SIZE, listAudit } from '@/lib/admin/list-audit';
import { listUsers } from '@/lib/admin/list-users';
import { auditQuerySchema, userListQuerySchema } from '@/lib/admin/schemas';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';
import { seedAdminFixture } from '../helpers/admin-fixture';

describe.each(testEngines())('admin listings on %s', (engine) => {
  let handle: TestDatabase;
  const audit = (params: Record<string, string>, timeZone = 'UTC') => listAudit(handle.db, auditQuerySchema.parse(params), timeZone);

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    await seedAdminFixture(handle.db);
    // 120 sign-ins, one an hour back from 2026-03-10 12:00 UTC, alternating between two people,
    // plus a failed sign-in and an export with known times.
    const start = Date.UTC(2026, 2, 10, 12);
    await handle.db.insert(auditLog).values(
      Array.from({ length: 120 }, (_, i) => ({
        at: new Date(start - i * 3_600_000),
        action: 'sign_in',
        actorEmail: i % 2 ? 'erin@example.test' : 'ana@example.test',
        ip: '198.51.100.1',
      })),
    );
    await handle.db.insert(auditLog).values([
      { at: new Date('2026-03-11T03:30:00Z'), action: 'sign_in_failed', target: 'who@example.test', detail: { reason: 'unknown_email' } },
      { at: new Date('2026-03-11T04:30:00Z'), action: 'export', actorEmail: 'ana@example.test' },
    ]);
  });
  afterAll(() => handle.destroy());

  it('pages newest first', async () => {
    const first = await audit({});
    expect(first.total).toBe(122);
    expect(first.rows).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.rows.slice(0, 2).map((r) => r.action)).toEqual(['export', 'sign_in_failed']);
    const times = first.rows.map((r) => r.at.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const last = await audit({ page: '3' });
    expect(last.rows).toHaveLength(22);
    expect(last.rows.at(-1)?.at.toISOString()).toBe('2026-03-05T13:00:00.000Z');
  });

  it('shows the last page for a page past it (a stale link, a hand-edited URL)', async () => {
    const last = await audit({ page: '3' });
    for (const page of ['4', '99', '100000']) {
      const past = await audit({ page });
      expect({ page, shown: past.page, ids: past.rows.map((r) => r.id) }).toEqual({ page, shown: 3, ids: last.rows.map((r) => r.id) });
    }
    // with a filter the last page is counted on what matches: 60 of Erin's are two pages
    const erin = await audit({ actor: 'erin@', page: '7' });
    expect({ page: erin.page, rows: erin.rows.length }).toEqual({ page: 2, rows: 60 - AUDIT_PAGE_SIZE });
  });

  it('filters by action and by actor email', async () => {
    expect((await audit({ action: 'sign_in_failed' })).rows).toEqual([
      expect.objectContaining({ action: 'sign_in_failed', target: 'who@example.test', detail: { reason: 'unknown_email' } }),
    ]);
    const erin = await audit({ actor: 'ERIN@' });
    expect(erin.total).toBe(60);
    expect(new Set(erin.rows.map((r) => r.actorEmail))).toEqual(new Set(['erin@example.test']));
    expect((await audit({ actor: 'ana', action: 'export' })).total).toBe(1);
    expect((await audit({ actor: '%' })).total).toBe(0); // % is literal, not a wildcard
  });

  it('filters by whole calendar days in the reporting time zone', async () => {
    expect((await audit({ from: '2026-03-11', to: '2026-03-11' })).total).toBe(2);
    // 03:30 and 04:30 UTC on the 11th are 23:30 on the 10th and 00:30 on the 11th in New York (UTC-4 then)
    const ny = await audit({ from: '2026-03-11', to: '2026-03-11' }, 'America/New_York');
    expect(ny.total).toBe(1);
    expect(ny.rows[0].action).toBe('export');
    expect((await audit({ from: '2026-03-10', to: '2026-03-10' })).total).toBe(13);
  });

  it('refuses a reversed date range and unknown actions at parse time', () => {
    expect(auditQuerySchema.safeParse({ from: '2026-03-12', to: '2026-03-11' }).success).toBe(false);
    expect(auditQuerySchema.safeParse({ action: 'drop_tables' }).success).toBe(false);
    expect(auditQuerySchema.parse({ action: '', actor: '', from: '', page: '' })).toEqual({ page: 1 });
  });

  it('searches users by email or name and filters by role and status', async () => {
    const users = (params: Record<string, string>) => listUsers(handle.db, userListQuerySchema.parse(params));
    expect((await users({})).total).toBe(4);
    expect((await users({ q: 'lyst' })).rows.map((u) => u.email)).toEqual(['analyst@retailwave.test']);
    expect((await users({ q: 'Erin' })).rows.map((u) => u.email)).toEqual(['east.manager@retailwave.test']);
    expect((await users({ role: 'viewer' })).rows).toEqual([
      expect.objectContaining({ email: 'viewer@retailwave.test', regions: ['South'], isActive: true }),
    ]);
    expect((await users({ status: 'inactive' })).total).toBe(0);
  });
});
