// Brute-force protection: after 10 failed sign-ins for one email within a minute, further attempts are
// refused with 429 until the window frees up. Counted per email so one attacker cannot lock out others by IP.
import { SlidingWindow } from '@/lib/rate-limit/sliding-window';

export const SIGN_IN_FAILURE_LIMIT = 10;

const globalForLimit = globalThis as unknown as { __rwSignInFailures?: SlidingWindow };
export const signInFailures = (globalForLimit.__rwSignInFailures ??= new SlidingWindow(SIGN_IN_FAILURE_LIMIT, 60_000));
