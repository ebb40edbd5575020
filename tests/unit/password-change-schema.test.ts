// The rules of a new password, shared by the change form and POST /api/account/password.
import fc from 'fast-check';
import { PASSWORD_MIN_LENGTH, passwordChangeSchema } from '@/lib/auth/password-change-schema';

const change = (currentPassword: string, newPassword: string, confirmPassword = newPassword) =>
  passwordChangeSchema.safeParse({ currentPassword, newPassword, confirmPassword });

const issuesOf = (result: ReturnType<typeof change>) => (result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));

describe('passwordChangeSchema', () => {
  it('accepts a new password of at least 12 characters, typed twice, different from the current one', () => {
    expect(change('old password', 'twelve chars').success).toBe(true);
  });

  it('refuses a short, mistyped, repeated or missing password with a message on the field', () => {
    expect(issuesOf(change('old password', 'eleven char'))).toEqual(['newPassword: Use at least 12 characters.']);
    expect(issuesOf(change('old password', 'a long new password', 'a long new passwort'))).toEqual(['confirmPassword: The two new passwords differ.']);
    expect(issuesOf(change('the same password', 'the same password'))).toEqual(['newPassword: Choose a password different from the current one.']);
    expect(issuesOf(change('', 'a long new password'))).toEqual(['currentPassword: Enter your current password.']);
  });

  it('counts characters, not UTF-16 units, and compares the form that is hashed (NFKC)', () => {
    // 11 emoji are 22 UTF-16 units but 11 characters.
    expect(change('old password', '😀'.repeat(11)).success).toBe(false);
    expect(change('old password', '😀'.repeat(12)).success).toBe(true);
    // The full-width letters normalise to the same password as the current one.
    expect(issuesOf(change('password-one', 'ｐａｓｓｗｏｒｄ-one'))).toContain('newPassword: Choose a password different from the current one.');
  });

  it('accepts exactly the passwords of the minimum length or more that differ from the current one', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ minLength: 1, maxLength: 30 }), (next, current) => {
        const long = [...next.normalize('NFKC')].length >= PASSWORD_MIN_LENGTH;
        const differs = next.normalize('NFKC') !== current.normalize('NFKC');
        expect(change(current, next).success).toBe(long && differs);
      }),
    );
  });

  it('refuses a confirmation that differs in any way', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 12, maxLength: 40 }), fc.string({ minLength: 1, maxLength: 3 }), (next, extra) => {
        expect(change('current password', next, `${next}${extra}`).success).toBe(false);
      }),
    );
  });
});
