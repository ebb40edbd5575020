// The cap on concurrent live streams per person and per share link, held in Postgres so that every
// server process and machine counts the same streams: one app.stream_leases row per open stream, taken
// under a per-holder advisory lock (two processes cannot both take the tenth), renewed by the serving
// process while the stream lives and deleted when it ends. A process that dies stops renewing, and its
// rows count for at most LEASE_TTL_MS more.
import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';

export const STREAMS_PER_HOLDER = 10;
export const LEASE_TTL_MS = 30_000;
const RENEW_EVERY_MS = 10_000;
// Namespace of the two-key advisory lock; the second key is the holder's hash.
const LEASE_LOCK_NAMESPACE = 7_201_003;

export type LeaseResult = { ok: true; release: () => Promise<void> } | { ok: false; retryAfterSeconds: number };

/** Takes one of the holder's stream slots, or says how long until one may free up. */
export async function acquireStreamLease(db: Database, holder: string, limit = STREAMS_PER_HOLDER): Promise<LeaseResult> {
  const taken = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LEASE_LOCK_NAMESPACE}, hashtext(${holder}))`);
    await tx.execute(sql`delete from app.stream_leases where holder = ${holder} and expires_at <= now()`);
    const [open] = await queryRows<{ count: number; soonest_ms: number | null }>(
      tx,
      sql`select count(*)::int as count, (extract(epoch from min(expires_at) - now()) * 1000)::float8 as soonest_ms
          from app.stream_leases where holder = ${holder}`,
    );
    if (open.count >= limit) return { id: null, soonestMs: open.soonest_ms ?? LEASE_TTL_MS };
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`insert into app.stream_leases (holder, expires_at)
          values (${holder}, now() + make_interval(secs => ${LEASE_TTL_MS / 1000})) returning id`,
    );
    return { id: row.id, soonestMs: 0 };
  });
  if (taken.id === null) {
    // A stream that closes frees its slot at once; this is when an abandoned one (a dead process) would.
    return { ok: false, retryAfterSeconds: Math.min(LEASE_TTL_MS / 1000, Math.max(1, Math.ceil(taken.soonestMs / 1000))) };
  }
  const id = taken.id;
  const keeper = keeperFor(db);
  keeper.add(id);
  return {
    ok: true,
    release: async () => {
      if (!keeper.remove(id)) return;
      await db.execute(sql`delete from app.stream_leases where id = ${id}::uuid`);
    },
  };
}

/** Renews every lease this process holds on one database, in one statement per interval. */
class LeaseKeeper {
  private readonly ids = new Set<string>();
  private timer?: ReturnType<typeof setInterval>;

  constructor(private readonly db: Database) {}

  add(id: string): void {
    this.ids.add(id);
    if (this.timer) return;
    this.timer = setInterval(() => void this.renew(), RENEW_EVERY_MS);
    this.timer.unref?.();
  }

  /** False when the lease was already released. */
  remove(id: string): boolean {
    const had = this.ids.delete(id);
    if (this.ids.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
    return had;
  }

  private async renew(): Promise<void> {
    if (this.ids.size === 0) return;
    const ids = `{${[...this.ids].join(',')}}`;
    try {
      await this.db.execute(sql`update app.stream_leases set expires_at = now() + make_interval(secs => ${LEASE_TTL_MS / 1000})
                                where id = any(${ids}::uuid[])`);
      // Rows of dead processes whose holder never came back: the table stays as small as the open streams.
      await this.db.execute(sql`delete from app.stream_leases where expires_at <= now()`);
    } catch (error) {
      // the next interval retries; a lease lapses only after LEASE_TTL_MS without one success
      console.error('[stream-leases] renewing failed', error);
    }
  }
}

const registry = globalThis as unknown as { __retailwaveLeaseKeepers?: WeakMap<object, LeaseKeeper> };
const keepers = (registry.__retailwaveLeaseKeepers ??= new WeakMap<object, LeaseKeeper>());

function keeperFor(db: Database): LeaseKeeper {
  let keeper = keepers.get(db);
  if (!keeper) {
    keeper = new LeaseKeeper(db);
    keepers.set(db, keeper);
  }
  return keeper;
}
