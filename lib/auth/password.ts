// Password hashing with argon2id (OWASP's parameters: 19 MiB, 2 passes, 1 lane), stored as a PHC string so
// parameters can be raised later. Hashes from before (`scrypt$N$r$p$salt$hash`) still verify, and a
// successful sign-in replaces them (needsRehash).
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** The package's default algorithm is argon2id; the costs are spelled out so a default change cannot lower them. */
export const ARGON2_PARAMS = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export async function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFKC'), ARGON2_PARAMS);
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith('$argon2id$')) {
    return verify(stored, password.normalize('NFKC')).catch(() => false);
  }
  if (stored.startsWith('scrypt$')) return verifyScrypt(password, stored);
  return false;
}

/** Whether a stored hash is weaker than what hashPassword writes today (an older scheme or lower costs). */
export function needsRehash(stored: string): boolean {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(stored);
  if (!match) return true;
  const [memoryCost, timeCost, parallelism] = match.slice(1).map(Number);
  return memoryCost < ARGON2_PARAMS.memoryCost || timeCost < ARGON2_PARAMS.timeCost || parallelism < ARGON2_PARAMS.parallelism;
}

function verifyScrypt(password: string, stored: string): Promise<boolean> {
  const [, n, r, p, salt, expectedText] = stored.split('$');
  if (!salt || !expectedText) return Promise.resolve(false);
  const expected = Buffer.from(expectedText, 'base64url');
  const options = { N: Number(n), r: Number(r), p: Number(p), maxmem: 128 * 1024 * 1024 };
  return new Promise((resolve) => {
    try {
      scrypt(password.normalize('NFKC'), Buffer.from(salt, 'base64url'), expected.length, options, (err, key) =>
        resolve(!err && key.length === expected.length && timingSafeEqual(key, expected)),
      );
    } catch {
      resolve(false); // parameters scrypt refuses (a corrupt stored hash)
    }
  });
}

/** A hash of a random password, verified against when an email is unknown so timing does not reveal it. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return decoyHash;
}

export function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}
