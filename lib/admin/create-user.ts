// Creates an account with its role and regions and a generated one-time password, which is returned
// once (only its hash is stored) and opens nothing but the page that replaces it. The audit row is
// written in the same transaction.
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { userRegions, users } from '@/db/schema';
import { recordAudit } from '@/lib/auth/record-audit';
import { generatePassword, hashPassword } from '@/lib/auth/password';
import { regionIdOf } from '@/lib/filters/regions';
import { AppError } from '@/lib/errors';
import { auditedBy, type AdminActor } from './actor';
import type { CreateUserInput } from './schemas';

export interface CreatedUser {
  id: string;
  email: string;
  oneTimePassword: string;
}

const emailTaken = () => new AppError(409, 'email_taken', 'A user with this email already exists.');

export async function createUser(db: Database, actor: AdminActor, input: CreateUserInput): Promise<CreatedUser> {
  const oneTimePassword = generatePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  try {
    const id = await db.transaction(async (tx) => {
      const existing = await queryRows<{ id: string }>(tx, sql`select id from app.users where email = ${input.email}`);
      if (existing.length > 0) throw emailTaken();
      const [row] = await tx
        .insert(users)
        .values({ email: input.email, name: input.name, role: input.role, passwordHash, mustChangePassword: true })
        .returning({ id: users.id });
      if (input.regions.length > 0) {
        await tx.insert(userRegions).values(input.regions.map((r) => ({ userId: row.id, regionId: regionIdOf(r)! })));
      }
      await recordAudit(tx, {
        action: 'user_created',
        target: input.email,
        detail: { userId: row.id, name: input.name, role: input.role, regions: input.regions },
        ...auditedBy(actor),
      });
      return row.id;
    });
    return { id, email: input.email, oneTimePassword };
  } catch (error) {
    // Two admins creating the same email at once: the second one hits the unique index.
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
