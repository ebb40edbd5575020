// Turns a burst of changes into few page refreshes: the first request refreshes at once, later ones at
// most once per interval (one trailing refresh covers everything that arrived in between), and none while
// the tab is hidden (one when it shows again). A refresh re-renders every tile of the page, so a busy
// stream must not trigger one per ETL batch.
export class RefreshThrottle {
  private last = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private hidden = false;
  private missedWhileHidden = false;

  constructor(
    private readonly refresh: () => void,
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  request(): void {
    if (this.hidden) {
      this.missedWhileHidden = true;
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
      if (this.hidden) this.missedWhileHidden = true;
      else this.fire();
    }, wait);
  }

  setHidden(hidden: boolean): void {
    this.hidden = hidden;
    if (!hidden && this.missedWhileHidden) {
      this.missedWhileHidden = false;
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
