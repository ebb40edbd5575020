import { randomBytes, scryptSync } from 'node:crypto';
import { ARGON2_PARAMS, decoyPasswordHash, hashPassword, needsRehash, verifyPassword } from '@/lib/auth/password';

/** A hash as the scrypt scheme before argon2id wrote it. */
function legacyScryptHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFKC'), salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 128 * 1024 * 1024 });
  return ['scrypt', 2 ** 15, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
}

describe('password hashing', () => {
  it('hashes with argon2id at OWASP costs and verifies only the right password', async () => {
    const hash = await hashPassword('s3cret-Password');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(ARGON2_PARAMS).toMatchObject({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    await expect(verifyPassword('s3cret-Password', hash)).resolves.toBe(true);
    await expect(verifyPassword('s3cret-password', hash)).resolves.toBe(false);
    expect(needsRehash(hash)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('still verifies scrypt hashes from before, and marks them for rehashing', async () => {
    const legacy = legacyScryptHash('old-password');
    await expect(verifyPassword('old-password', legacy)).resolves.toBe(true);
    await expect(verifyPassword('old-passwore', legacy)).resolves.toBe(false);
    expect(needsRehash(legacy)).toBe(true);
  });

  it('marks argon2id hashes with lower costs for rehashing', () => {
    expect(needsRehash('$argon2id$v=19$m=4096,t=2,p=1$c2FsdHNhbHQ$aGFzaA')).toBe(true);
    expect(needsRehash('$argon2id$v=19$m=19456,t=1,p=1$c2FsdHNhbHQ$aGFzaA')).toBe(true);
    expect(needsRehash('$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA')).toBe(true);
  });

  it('refuses malformed stored hashes without throwing', async () => {
    for (const stored of ['plaintext', 'scrypt$', 'scrypt$3$8$1$c2FsdA$aGFzaA', '$argon2id$garbage', '']) {
      await expect(verifyPassword('x', stored)).resolves.toBe(false);
    }
  });

  it('has a decoy hash as costly as a real one', async () => {
    expect(await decoyPasswordHash()).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});
