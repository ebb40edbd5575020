// Turns a burst of changes into few page refreshes: the first request refreshes at once, later ones at
// most once per interval (one trailing refresh covers everything that arrived in between), and none while
// held — the tab is hidden, or the page is still streaming in — with one when the last hold lifts. A
// refresh re-renders every tile of the page, so a busy stream must not trigger one per ETL batch.

/** Why refreshes wait: nobody is looking, or the first render has not finished arriving. */
export type RefreshHold = 'hidden' | 'loading';

export class RefreshThrottle {
  private last = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly holds = new Set<RefreshHold>();
  private missedWhileHeld = false;

  constructor(
    private readonly refresh: () => void,
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  request(): void {
    if (this.holds.size > 0) {
      this.missedWhileHeld = true;
      return;
    }
    if (this.timer !== undefined) return; // the scheduled refresh will include this change
    const wait = this.last + this.intervalMs - this.now();
    if (wait <= 0) {
      this.fire();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.holds.size > 0) this.missedWhileHeld = true;
      else this.fire();
    }, wait);
  }

  /** Puts a hold on (true) or lifts it (false); lifting the last one makes the refresh that was missed. */
  hold(reason: RefreshHold, held: boolean): void {
    if (held) this.holds.add(reason);
    else this.holds.delete(reason);
    if (this.holds.size === 0 && this.missedWhileHeld) {
      this.missedWhileHeld = false;
      this.request();
    }
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private fire(): void {
    this.last = this.now();
    this.refresh();
  }
}
