import { hashPassword, verifyPassword } from '@/lib/auth/password';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('s3cret-Password');
    expect(hash.startsWith('scrypt$')).toBe(true);
    await expect(verifyPassword('s3cret-Password', hash)).resolves.toBe(true);
    await expect(verifyPassword('s3cret-password', hash)).resolves.toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('refuses malformed stored hashes', async () => {
    await expect(verifyPassword('x', 'plaintext')).resolves.toBe(false);
  });
});
