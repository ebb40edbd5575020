// Brute-force protection for sign-in. Every attempt takes a slot from three limits before the password is
// checked, and a successful one gives its slots back, so only failures count (taking first keeps
// concurrent guesses from all passing one check): per email and client address (what locks an attacker
// out), per address (one client spraying many emails) and, slower, per email across all addresses
// (distributed guessing). An attacker who fills the per-email ceiling must not lock the owner out, so an
// address that signed in to the account before (audit log, 30 days) is not held to it.
import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
import { getDatabase, queryRows } from '@/db/client';
import type { RateLimiter } from '@/lib/rate-limit/limiter';
import { rateLimiter } from '@/lib/rate-limit/process-limiters';

export const SIGN_IN_LIMITS = {
  pair: { name: 'sign-in-pair', limit: 10, windowMs: 60_000 },
  address: { name: 'sign-in-address', limit: 30, windowMs: 60_000 },
  email: { name: 'sign-in-email', limit: 100, windowMs: 60 * 60_000 },
} as const;

const limiters = {
  pair: rateLimiter(SIGN_IN_LIMITS.pair),
  address: rateLimiter(SIGN_IN_LIMITS.address),
  email: rateLimiter(SIGN_IN_LIMITS.email),
};

/** An attempt the limits let through, with the slots it holds. */
export interface SignInAttempt {
  email: string;
  /** null when the address is unknown (no socket peer reached the app); such clients share one counter. */
  address: string | null;
  readonly held: { limiter: RateLimiter; key: string }[];
}

export type Admission = { ok: true; attempt: SignInAttempt } | { ok: false; retryAfter: number };

const KNOWN_ADDRESS_DAYS = 30;

export async function admitSignIn(email: string, address: string | null): Promise<Admission> {
  const held: SignInAttempt['held'] = [];
  const addressKey = address ?? 'unknown';
  for (const [limiter, key] of [
    [limiters.pair, `${email}\n${addressKey}`],
    [limiters.address, addressKey],
    [limiters.email, email],
  ] as const) {
    const check = await limiter.take(key);
    if (check.allowed) {
      held.push({ limiter, key });
      continue;
    }
    if (limiter === limiters.email && (await signedInFrom(email, address))) continue;
    await giveBack(held);
    return { ok: false, retryAfter: check.retryAfter };
  }
  return { ok: true, attempt: { email, address, held } };
}

/** A successful sign-in does not count: its slots go back. */
export async function signInSucceeded(attempt: SignInAttempt): Promise<void> {
  await giveBack(attempt.held);
}

async function giveBack(held: SignInAttempt['held']): Promise<void> {
  await Promise.all(held.map(({ limiter, key }) => limiter.refund(key)));
}

async function signedInFrom(email: string, address: string | null): Promise<boolean> {
  if (!address) return false;
  const rows = await queryRows<{ known: number }>(
    await getDatabase(),
    sql`select 1 as known from app.audit_log
        where action = 'sign_in' and actor_email = ${email} and ip = ${address}
          and at > now() - ${KNOWN_ADDRESS_DAYS}::int * interval '1 day'
        limit 1`,
  );
  return rows.length > 0;
}

// The route admits an attempt and runs next-auth inside this context; authorize() finds it here, so the
// password is checked only for an admitted attempt, and with the keys the limits counted.
const admitted = new AsyncLocalStorage<SignInAttempt>();

export function withSignInAttempt<T>(attempt: SignInAttempt, fn: () => T): T {
  return admitted.run(attempt, fn);
}

export function currentSignInAttempt(): SignInAttempt | undefined {
  return admitted.getStore();
}
