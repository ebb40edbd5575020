// What a sign-in request claims, read exactly as next-auth 4.24 reads it for the credentials callback
// (next-auth/next/utils.js getBody): a body whose content type contains application/json is JSON, else one
// containing application/x-www-form-urlencoded is a form (where next-auth keeps the last of repeated
// fields), else there is none. The limit guard and the password check must agree on whose password is
// tried, so a form repeating `email` or `password` is refused instead of guessed at.
import { z } from 'zod';

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(200),
});
export type Credentials = z.infer<typeof credentialsSchema>;

export type CredentialsRead = { ok: true; credentials: Credentials } | { ok: false; message: string };

export async function readSignInCredentials(req: Request): Promise<CredentialsRead> {
  const contentType = req.headers.get('content-type') ?? '';
  let body: unknown;
  if (contentType.includes('application/json')) {
    try {
      body = await req.clone().json();
    } catch {
      return { ok: false, message: 'The body is not valid JSON.' };
    }
  } else if (contentType.includes('application/x-www-form-urlencoded')) {
    const form = new URLSearchParams(await req.clone().text());
    if (form.getAll('email').length > 1 || form.getAll('password').length > 1) {
      return { ok: false, message: 'Send one email and one password.' };
    }
    body = Object.fromEntries(form);
  }
  const parsed = credentialsSchema.safeParse(body);
  return parsed.success ? { ok: true, credentials: parsed.data } : { ok: false, message: 'Send an email address and a password.' };
}
