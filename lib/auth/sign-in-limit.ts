// Brute-force protection: after 10 failed sign-ins for one email within a minute, further attempts are
// refused with 429 until the window frees up. Counted per email so one attacker cannot lock out others by IP.
// On Upstash when configured, so the count is shared by every server process.
import { rateLimiter } from '@/lib/rate-limit/process-limiters';

export const SIGN_IN_FAILURE_LIMIT = 10;

export const signInFailures = rateLimiter({ name: 'sign-in-failures', limit: SIGN_IN_FAILURE_LIMIT, windowMs: 60_000 });
