// In-process sliding-window counters: how many events a key had in the last window. Bounded in memory
// (old timestamps are dropped on every touch and idle keys are swept).

export interface WindowCheck {
  allowed: boolean;
  /** Seconds until one more event would be allowed (0 when allowed). */
  retryAfter: number;
  count: number;
}

export class SlidingWindow {
  private readonly hits = new Map<string, number[]>();
  private lastSweep = Date.now();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly maxKeys = 100_000,
  ) {}

  private recent(key: string, now: number): number[] {
    const list = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length) this.hits.set(key, list);
    else this.hits.delete(key);
    return list;
  }

  /** Whether one more event is allowed now, without recording it. */
  check(key: string, now = Date.now()): WindowCheck {
    const list = this.recent(key, now);
    if (list.length < this.limit) return { allowed: true, retryAfter: 0, count: list.length };
    const retryAfter = Math.max(1, Math.ceil((list[list.length - this.limit] + this.windowMs - now) / 1000));
    return { allowed: false, retryAfter, count: list.length };
  }

  record(key: string, now = Date.now()): void {
    this.sweep(now);
    const list = this.recent(key, now);
    list.push(now);
    this.hits.set(key, list);
  }

  /** Checks and, when allowed, records in one step. */
  take(key: string, now = Date.now()): WindowCheck {
    const result = this.check(key, now);
    if (result.allowed) this.record(key, now);
    return result;
  }

  reset(key: string): void {
    this.hits.delete(key);
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs && this.hits.size < this.maxKeys) return;
    this.lastSweep = now;
    for (const key of [...this.hits.keys()]) this.recent(key, now);
  }
}
