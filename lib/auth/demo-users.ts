// The demo accounts of the product contract. Created when missing; existing accounts are left alone
// (an admin may have changed them), unless `resetPasswords` is asked for. DEMO_PASSWORD is everyone's to
// know, not an admin's choice for one person, so it is never one-time.
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { regionIdOf } from '@/lib/filters/regions';
import { userRegions, users } from '@/db/schema';
import { generatePassword, hashPassword } from './password';
import type { Role } from './roles';

export const DEMO_USERS: { email: string; name: string; role: Role; regions: string[] }[] = [
  { email: 'admin@retailwave.test', name: 'Alex Admin', role: 'admin', regions: ['East', 'West', 'North', 'South', 'Central'] },
  { email: 'east.manager@retailwave.test', name: 'Erin East', role: 'manager', regions: ['East'] },
  { email: 'analyst@retailwave.test', name: 'Ana Lyst', role: 'analyst', regions: ['East', 'West'] },
  { email: 'viewer@retailwave.test', name: 'Vic Viewer', role: 'viewer', regions: ['South'] },
];

export interface DemoUsersResult {
  created: string[];
  /** Set when a password was generated (DEMO_PASSWORD unset) for newly created or reset accounts. */
  generatedPassword?: string;
}

export async function ensureDemoUsers(db: Database, options: { password?: string; resetPasswords?: boolean } = {}): Promise<DemoUsersResult> {
  const existing = new Set(
    (await queryRows<{ email: string }>(db, sql`select email from app.users`)).map((r) => r.email),
  );
  const missing = DEMO_USERS.filter((u) => !existing.has(u.email));
  if (missing.length === 0 && !options.resetPasswords) return { created: [] };
  const password = options.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    for (const demo of missing) {
      const [row] = await tx.insert(users).values({ email: demo.email, name: demo.name, role: demo.role, passwordHash }).returning({ id: users.id });
      await tx.insert(userRegions).values(demo.regions.map((r) => ({ userId: row.id, regionId: regionIdOf(r)! })));
    }
    if (options.resetPasswords) {
      for (const demo of DEMO_USERS) {
        await tx.execute(sql`update app.users set password_hash = ${passwordHash}, must_change_password = false, session_version = session_version + 1
                             where email = ${demo.email}`);
      }
    }
  });
  return { created: missing.map((u) => u.email), generatedPassword: options.password ? undefined : password };
}
