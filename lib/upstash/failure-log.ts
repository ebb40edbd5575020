// Logs a recurring failure at most once per interval, with how many were left out in between, so a dead
// cache or limiter backend does not flood the log on every request.
export class FailureLog {
  private lastAt = -Infinity;
  private suppressed = 0;

  constructor(
    private readonly what: string,
    private readonly intervalMs = 60_000,
    private readonly write: (message: string, error: unknown) => void = (message, error) => console.error(message, error),
  ) {}

  report(error: unknown, now = Date.now()): void {
    if (now - this.lastAt < this.intervalMs) {
      this.suppressed += 1;
      return;
    }
    const more = this.suppressed ? ` (${this.suppressed} more since the last report)` : '';
    this.write(`[retailwave] ${this.what}${more}`, error);
    this.lastAt = now;
    this.suppressed = 0;
  }
}
