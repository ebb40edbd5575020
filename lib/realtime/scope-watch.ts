// One LISTEN per process on scope_changes (triggers on app.users, app.user_regions and app.share_links
// send `user:<id>` or `share:<id>` on commit; see migration scope_change_notifications), fanned out to the
// open streams that depend on that user or link, so a deactivated user's or a revoked link's stream is
// re-checked at once instead of at the next periodic check.
import 'server-only';
import type { DatabaseHandle } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';

export const SCOPE_CHANGES_CHANNEL = 'scope_changes';

/** The notifications that concern a scope: its user; or its link and the person who made it. */
export function scopeWatchKeys(scope: Scope): string[] {
  const owner = scope.owner;
  return owner.kind === 'user' ? [`user:${owner.user.userId}`] : [`share:${owner.share.shareId}`, `user:${owner.share.sharer.userId}`];
}

export class ScopeWatch {
  private readonly listeners = new Map<string, Set<() => void>>();
  private starting?: Promise<() => Promise<void>>;

  constructor(private readonly handle: Pick<DatabaseHandle, 'listen'>) {}

  /** Calls `onChange` whenever one of `keys` is notified; resolves to the function that stops it. */
  async watch(keys: readonly string[], onChange: () => void): Promise<() => void> {
    this.starting ??= this.handle
      .listen(SCOPE_CHANGES_CHANNEL, (payload) => this.notify(payload))
      .catch((error: unknown) => {
        this.starting = undefined; // the next stream tries again; meanwhile the periodic check holds
        throw error;
      });
    await this.starting;
    for (const key of keys) {
      const set = this.listeners.get(key) ?? new Set();
      set.add(onChange);
      this.listeners.set(key, set);
    }
    return () => {
      for (const key of keys) {
        const set = this.listeners.get(key);
        set?.delete(onChange);
        if (set?.size === 0) this.listeners.delete(key);
      }
    };
  }

  async close(): Promise<void> {
    this.listeners.clear();
    const unlisten = await this.starting?.catch(() => undefined);
    this.starting = undefined;
    await unlisten?.();
  }

  private notify(key: string): void {
    for (const listener of [...(this.listeners.get(key) ?? [])]) listener();
  }
}

const registry = globalThis as unknown as { __retailwaveScopeWatches?: WeakMap<object, ScopeWatch> };
const watches = (registry.__retailwaveScopeWatches ??= new WeakMap<object, ScopeWatch>());

/** The process's watch for a handle (it starts listening on first use). */
export function scopeWatchFor(handle: Pick<DatabaseHandle, 'listen'>): ScopeWatch {
  let watch = watches.get(handle);
  if (!watch) {
    watch = new ScopeWatch(handle);
    watches.set(handle, watch);
  }
  return watch;
}

/** Stops and forgets a handle's watch (before closing the handle: tests, shutdown). */
export async function closeScopeWatch(handle: Pick<DatabaseHandle, 'listen'>): Promise<void> {
  const watch = watches.get(handle);
  watches.delete(handle);
  await watch?.close();
}
