// What a password change asks for, checked the same way in the form (as the user types) and in the API
// (the boundary): the current password, and a new one twice, long enough and not the current one again.
// Lengths and comparisons are of the NFKC form hashPassword stores, counted in characters, not UTF-16 units.
import { z } from 'zod';

export const PASSWORD_MIN_LENGTH = 12;
/** As at sign-in (sign-in-credentials.ts): argon2 would take any length, the limit keeps requests small. */
const PASSWORD_MAX_LENGTH = 200;

const characters = (s: string) => [...s.normalize('NFKC')].length;

export const passwordChangeSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password.').max(PASSWORD_MAX_LENGTH),
    newPassword: z
      .string()
      .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`)
      .refine((s) => characters(s) >= PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`),
    confirmPassword: z.string().max(PASSWORD_MAX_LENGTH),
  })
  .refine((d) => d.confirmPassword === d.newPassword, { path: ['confirmPassword'], message: 'The two new passwords differ.' })
  .refine((d) => d.newPassword.normalize('NFKC') !== d.currentPassword.normalize('NFKC'), {
    path: ['newPassword'],
    message: 'Choose a password different from the current one.',
  });
export type PasswordChange = z.infer<typeof passwordChangeSchema>;
