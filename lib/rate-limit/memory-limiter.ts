// The in-process adapter: exact sliding windows in this process's memory (one counter set per process).
import type { LimitCheck, LimitRule, RateLimiter } from './limiter';
import { SlidingWindow, type WindowCheck } from './sliding-window';

export class MemoryRateLimiter implements RateLimiter {
  private readonly window: SlidingWindow;

  constructor(readonly rule: LimitRule) {
    this.window = new SlidingWindow(rule.limit, rule.windowMs);
  }

  async take(key: string): Promise<LimitCheck> {
    const result = this.window.take(key);
    return this.toCheck(result, result.allowed ? 1 : 0);
  }

  async check(key: string): Promise<LimitCheck> {
    return this.toCheck(this.window.check(key), 0);
  }

  async record(key: string): Promise<void> {
    this.window.record(key);
  }

  async reset(key: string): Promise<void> {
    this.window.reset(key);
  }

  private toCheck(result: WindowCheck, taken: number): LimitCheck {
    return { allowed: result.allowed, remaining: Math.max(0, this.rule.limit - result.count - taken), retryAfter: result.retryAfter };
  }
}
