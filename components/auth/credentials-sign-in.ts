// The login form's sign-in request: the same POST next-auth's client signIn() makes (the CSRF token, then
// the credentials as a form, asking for a JSON answer), read by us, because signIn() keeps only the error
// code of a refusal and a rate-limited attempt must also say when to try again (Retry-After, which the
// route sets from the limiter: app/api/auth/[...nextauth]/route.ts).
import { getCsrfToken } from 'next-auth/react';
import { retryAfterSeconds } from '@/lib/auth/retry-message';

export type SignInOutcome =
  | { kind: 'signed_in' }
  /** Wrong email or password, or a deactivated account: one answer, so none of them is revealed. */
  | { kind: 'rejected' }
  | { kind: 'limited'; retryAfterSeconds: number }
  | { kind: 'unavailable' };

/** Without a usable Retry-After, the shortest sign-in window (a minute) is the honest guess. */
const DEFAULT_RETRY_SECONDS = 60;

export async function signInWithCredentials(email: string, password: string): Promise<SignInOutcome> {
  try {
    const csrfToken = await getCsrfToken();
    if (!csrfToken) return { kind: 'unavailable' };
    const res = await fetch('/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
    });
    if (res.ok) return { kind: 'signed_in' };
    if (res.status === 429) return { kind: 'limited', retryAfterSeconds: retryAfterSeconds(res.headers.get('retry-after')) ?? DEFAULT_RETRY_SECONDS };
    return res.status >= 500 ? { kind: 'unavailable' } : { kind: 'rejected' };
  } catch {
    return { kind: 'unavailable' };
  }
}
