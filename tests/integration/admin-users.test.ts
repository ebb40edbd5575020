import { sql } from 'drizzle-orm';
import { queryRows, installDatabaseHandle } from '@/db/client';
import type { AdminActor } from '@/lib/admin/actor';
import { createUser } from '@/lib/admin/create-user';
import { getUser } from '@/lib/admin/get-user';
import { resetPassword } from '@/lib/admin/reset-password';
import { createUserSchema } from '@/lib/admin/schemas';
import { changeUserRegions, changeUserRole, setUserActive } from '@/lib/admin/update-user';
import { verifyPassword } from '@/lib/auth/password';
import { scopeFromSession } from '@/lib/auth/scope';
import { newSessionClaims } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';
import { auditRowsAbout, countAudit, seedAdminFixture, sessionVersionOf, userIdOf } from '../helpers/admin-fixture';

describe.each(testEngines())('admin user management on %s', (engine) => {
  let handle: TestDatabase;
  let actor: AdminActor;
  let n = 0;
  /** A fresh user per test, so no test depends on another's leftovers. */
  const createOne = (role: 'manager' | 'analyst' | 'viewer' | 'admin', regions: ('East' | 'West' | 'North' | 'South' | 'Central')[]) =>
    createUser(handle.db, actor, { email: `user${++n}.${engine}@example.test`, name: `User ${n}`, role, regions });
  /** A created user who has already replaced the one-time password (that step: account-password.test.ts). */
  const newUser = async (...args: Parameters<typeof createOne>) => {
    const created = await createOne(...args);
    await handle.db.execute(sql`update app.users set must_change_password = false where id = ${created.id}::uuid`);
    return created;
  };
  const regionsOf = async (userId: string, sv: number) => {
    const result = await scopeFromSession(newSessionClaims({ sub: userId, sv }));
    return result.ok ? [...result.scope.regions] : result.reason;
  };

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    installDatabaseHandle(handle);
    actor = await seedAdminFixture(handle.db);
  });
  afterAll(() => handle.destroy());

  it('creates a user with regions, a working one-time password and one audit row', async () => {
    const created = await createOne('viewer', ['North']);
    const [row] = await queryRows<{ password_hash: string; role: string; must_change_password: boolean }>(
      handle.db,
      sql`select password_hash, role, must_change_password from app.users where id = ${created.id}::uuid`,
    );
    expect(row.role).toBe('viewer');
    await expect(verifyPassword(created.oneTimePassword, row.password_hash)).resolves.toBe(true);
    // One-time: it signs in, but opens nothing until the user chooses their own.
    expect(row.must_change_password).toBe(true);
    expect(await regionsOf(created.id, 1)).toBe('password_change_required');
    expect((await getUser(handle.db, created.id))?.mustChangePassword).toBe(true);
    const audit = await auditRowsAbout(handle.db, created.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'user_created', actor_email: actor.email, ip: actor.ip, user_agent: actor.userAgent,
      detail: { role: 'viewer', regions: ['North'] },
    });
  });

  it('refuses a second user with the same email, case-insensitively, without an audit row', async () => {
    const before = await countAudit(handle.db);
    await expect(
      createUser(handle.db, actor, createUserSchema.parse({ email: ' Viewer@RetailWave.TEST ', name: 'Copy', role: 'viewer', regions: ['East'] })),
    ).rejects.toMatchObject({ code: 'email_taken', status: 409 });
    expect(await countAudit(handle.db)).toBe(before);
  });

  it('a role change ends the old session at once and the next session has the new role', async () => {
    const { id } = await newUser('viewer', ['South']);
    const before = await scopeFromSession(newSessionClaims({ sub: id, sv: 1 })); // caches the principal
    expect(before.ok && before.scope.owner.user.role).toBe('viewer');

    await expect(changeUserRole(handle.db, actor, { userId: id, role: 'analyst' })).resolves.toMatchObject({ changed: true });
    expect(await sessionVersionOf(handle.db, id)).toBe(2);
    expect(await scopeFromSession(newSessionClaims({ sub: id, sv: 1 }))).toEqual({ ok: false, reason: 'signed_out' });
    const after = await scopeFromSession(newSessionClaims({ sub: id, sv: 2 }));
    expect(after.ok && after.scope.owner.user.role).toBe('analyst');

    const audit = await auditRowsAbout(handle.db, id, 'user_role_changed');
    expect(audit).toHaveLength(1);
    expect(audit[0].detail).toMatchObject({ from: 'viewer', to: 'analyst' });
  });

  it('a region change applies on the next request: the scope holds exactly the new regions', async () => {
    const { id } = await newUser('manager', ['East']);
    expect(await regionsOf(id, 1)).toEqual(['East']);
    await changeUserRegions(handle.db, actor, { userId: id, regions: ['Central', 'West'] });
    expect(await regionsOf(id, 1)).toBe('signed_out');
    expect(await regionsOf(id, 2)).toEqual(['West', 'Central']);
    const audit = await auditRowsAbout(handle.db, id, 'user_regions_changed');
    expect(audit.map((a) => a.detail)).toEqual([expect.objectContaining({ from: ['East'], to: ['West', 'Central'] })]);
  });

  it('deactivation signs the user out; reactivation lets a new sign-in in; one audit row each', async () => {
    const { id } = await newUser('analyst', ['East', 'West']);
    expect(await regionsOf(id, 1)).toEqual(['East', 'West']);
    await setUserActive(handle.db, actor, { userId: id, active: false });
    const sv = await sessionVersionOf(handle.db, id);
    expect(await regionsOf(id, 1)).toBe('signed_out');
    expect(await regionsOf(id, sv)).toBe('signed_out');

    await setUserActive(handle.db, actor, { userId: id, active: true });
    expect(await regionsOf(id, sv + 1)).toEqual(['East', 'West']);
    expect((await auditRowsAbout(handle.db, id)).map((a) => a.action)).toEqual(['user_created', 'user_deactivated', 'user_reactivated']);
  });

  it('asking for the current value again changes nothing and writes no audit row', async () => {
    const { id } = await newUser('viewer', ['South']);
    const before = await countAudit(handle.db);
    await expect(changeUserRole(handle.db, actor, { userId: id, role: 'viewer' })).resolves.toMatchObject({ changed: false });
    await expect(changeUserRegions(handle.db, actor, { userId: id, regions: ['South'] })).resolves.toMatchObject({ changed: false });
    await expect(setUserActive(handle.db, actor, { userId: id, active: true })).resolves.toMatchObject({ changed: false });
    expect(await countAudit(handle.db)).toBe(before);
    expect(await sessionVersionOf(handle.db, id)).toBe(1);
  });

  it('resets a password: the old one stops working, the one-time one works, sessions end', async () => {
    const viewerId = await userIdOf(handle.db, 'viewer@retailwave.test');
    const svBefore = await sessionVersionOf(handle.db, viewerId);
    const reset = await resetPassword(handle.db, actor, { userId: viewerId });
    const [row] = await queryRows<{ password_hash: string }>(handle.db, sql`select password_hash from app.users where id = ${viewerId}::uuid`);
    await expect(verifyPassword('fixture-password-1', row.password_hash)).resolves.toBe(false);
    await expect(verifyPassword(reset.oneTimePassword, row.password_hash)).resolves.toBe(true);
    expect(await sessionVersionOf(handle.db, viewerId)).toBe(svBefore + 1);
    expect(await regionsOf(viewerId, svBefore)).toBe('signed_out');
    expect(await regionsOf(viewerId, svBefore + 1)).toBe('password_change_required');
    expect((await getUser(handle.db, viewerId))?.mustChangePassword).toBe(true);
    expect(await auditRowsAbout(handle.db, viewerId, 'user_password_reset')).toHaveLength(1);
  });

  it('reports an unknown user as not found', async () => {
    await expect(
      changeUserRole(handle.db, actor, { userId: '00000000-0000-4000-8000-000000000000', role: 'viewer' }),
    ).rejects.toMatchObject({ status: 404 });
  });

  describe('the last admin', () => {
    it('cannot be demoted or deactivated, and nothing is written', async () => {
      const before = await countAudit(handle.db);
      const error = await changeUserRole(handle.db, actor, { userId: actor.id, role: 'manager' }).catch((e) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ status: 409, code: 'last_admin' });
      expect(error.message).toMatch(/only active administrator/);
      await expect(setUserActive(handle.db, actor, { userId: actor.id, active: false })).rejects.toMatchObject({ code: 'last_admin' });
      const [row] = await queryRows<{ role: string; is_active: boolean }>(handle.db, sql`select role, is_active from app.users where id = ${actor.id}::uuid`);
      expect(row).toEqual({ role: 'admin', is_active: true });
      expect(await countAudit(handle.db)).toBe(before);
    });

    it('can step down once another admin exists, but two admins demoting each other at once leave one', async () => {
      const second = await newUser('admin', []);
      const third = await newUser('admin', []);
      await expect(changeUserRole(handle.db, actor, { userId: third.id, role: 'viewer' })).rejects.toMatchObject({ code: 'no_regions' });
      await setUserActive(handle.db, actor, { userId: third.id, active: false });

      const results = await Promise.allSettled([
        setUserActive(handle.db, actor, { userId: actor.id, active: false }),
        setUserActive(handle.db, actor, { userId: second.id, active: false }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(rejected?.reason).toMatchObject({ code: 'last_admin' });
      const [{ n }] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from app.users where role = 'admin' and is_active`);
      expect(Number(n)).toBe(1);
      // put the fixture admin back for any later test
      await setUserActive(handle.db, actor, { userId: actor.id, active: true });
    });
  });
});
