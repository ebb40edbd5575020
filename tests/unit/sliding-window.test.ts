import { SlidingWindow } from '@/lib/rate-limit/sliding-window';

describe('sliding window limiter', () => {
  it('allows up to the limit in a window, then tells when to retry', () => {
    const w = new SlidingWindow(3, 60_000);
    const t0 = 1_000_000;
    expect(w.take('k', t0).allowed).toBe(true);
    expect(w.take('k', t0 + 1).allowed).toBe(true);
    expect(w.take('k', t0 + 2).allowed).toBe(true);
    const refused = w.take('k', t0 + 3);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfter).toBe(60);
    expect(w.take('other', t0 + 3).allowed).toBe(true);
    expect(w.take('k', t0 + 60_001).allowed).toBe(true);
  });
});
