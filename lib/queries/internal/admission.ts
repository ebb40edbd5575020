// Admission of dashboard reads: at most `slots` run at once per database and process; the others wait,
// served round-robin across their holders (scopeHolder), so one person opening a dashboard of ten tiles
// delays someone else's single tile by at most one turn, not by all ten. A wait past the queue timeout is
// refused as `busy` instead of hanging.
import 'server-only';
import { scopedReadsOf, type Database } from '@/db/client';
import { busy } from '@/lib/errors';

interface Waiter {
  admit(): void;
}

export class Admission {
  private running = 0;
  // Holders with reads waiting, in turn order (a Map keeps insertion order): the next read comes from the
  // first holder, who then goes to the back.
  private readonly queues = new Map<string, Waiter[]>();

  constructor(
    readonly slots: number,
    private readonly queueTimeoutMs: number,
  ) {}

  /** Reads running now. */
  get active(): number {
    return this.running;
  }

  /** Reads waiting for a slot. */
  get waiting(): number {
    let count = 0;
    for (const queue of this.queues.values()) count += queue.length;
    return count;
  }

  /** Runs `work` in a slot, once its holder's turn comes. */
  async run<T>(holder: string, work: () => Promise<T>): Promise<T> {
    await this.admit(holder);
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private admit(holder: string): Promise<void> {
    if (this.running < this.slots) {
      this.running += 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        admit: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.forget(holder, waiter);
        reject(busy());
      }, this.queueTimeoutMs);
      const queue = this.queues.get(holder);
      if (queue) queue.push(waiter);
      else this.queues.set(holder, [waiter]);
    });
  }

  private release(): void {
    const next = this.queues.entries().next();
    if (next.done) {
      this.running -= 1;
      return;
    }
    const [holder, queue] = next.value;
    const waiter = queue.shift()!;
    this.queues.delete(holder);
    if (queue.length > 0) this.queues.set(holder, queue);
    // The slot passes straight to the waiter: a read arriving meanwhile cannot jump the queue.
    waiter.admit();
  }

  private forget(holder: string, waiter: Waiter): void {
    const queue = this.queues.get(holder);
    if (!queue) return;
    queue.splice(queue.indexOf(waiter), 1);
    if (queue.length === 0) this.queues.delete(holder);
  }
}

// One admission per opened database, on globalThis so every server layer that bundles this module
// shares it (see databaseIdentity in db/client.ts).
const registry = globalThis as unknown as { __retailwaveAdmissions?: WeakMap<object, Admission> };
const admissions = (registry.__retailwaveAdmissions ??= new WeakMap<object, Admission>());

/** The admission of dashboard reads on an opened database; undefined for a transaction object. */
export function admissionOf(db: Database): Admission | undefined {
  let admission = admissions.get(db);
  if (!admission) {
    const reads = scopedReadsOf(db);
    if (!reads) return undefined;
    admission = new Admission(reads.slots, reads.queueTimeoutMs);
    admissions.set(db, admission);
  }
  return admission;
}
