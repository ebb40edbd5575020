// The live badge's state (connected or not, when the page last updated), kept outside React context.
// A context value that changes while the page is still hydrating makes React give up on every streamed
// boundary that has not been revealed yet and render it again on the client, beside the copy the server
// streamed: the page shows tiles twice until the reveal script runs. A store read through
// useSyncExternalStore re-renders only the components that read it.

export type LiveStatus = 'connecting' | 'connected' | 'reconnecting';

export interface LiveStatusSnapshot {
  status: LiveStatus;
  /** When the page last finished a refresh caused by the stream (browser clock). */
  lastUpdate: Date | null;
}

export const INITIAL_LIVE_STATUS: LiveStatusSnapshot = Object.freeze({ status: 'connecting', lastUpdate: null });

export class LiveStatusStore {
  private snapshot: LiveStatusSnapshot = INITIAL_LIVE_STATUS;
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  /** The same object until something changes, as useSyncExternalStore requires. */
  readonly getSnapshot = (): LiveStatusSnapshot => this.snapshot;

  setStatus(status: LiveStatus): void {
    if (status !== this.snapshot.status) this.update({ ...this.snapshot, status });
  }

  markUpdated(at: Date): void {
    this.update({ ...this.snapshot, lastUpdate: at });
  }

  private update(next: LiveStatusSnapshot): void {
    this.snapshot = Object.freeze(next);
    for (const listener of this.listeners) listener();
  }
}
