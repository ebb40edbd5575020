// The adapter without Upstash: fixed-window counters in app.rate_limit_counters, so every server process
// and machine on the database counts together. Each operation is one statement; `take` is one upsert whose
// conflict branch only increments below the limit, so concurrent takes (row-locked by the upsert) never
// exceed it. Windows are aligned on the database's clock, not each machine's.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import type { LimitCheck, LimitRule, RateLimiter } from './limiter';

/** Expired windows are deleted by the first take after this long, in each process. */
const SWEEP_EVERY_MS = 60_000;
const globalForSweep = globalThis as unknown as { __rwRateLimitSweptAt?: number };

export class PostgresRateLimiter implements RateLimiter {
  constructor(
    readonly rule: LimitRule,
    private readonly database: () => Promise<Database>,
  ) {}

  async take(key: string): Promise<LimitCheck> {
    const db = await this.database();
    await sweepExpired(db);
    const [row] = await queryRows<{ hits: number | null; seconds_left: string | number }>(
      db,
      sql`with ${this.window()},
          taken as (
            insert into app.rate_limit_counters as c (rule, key_hash, window_start, hits, expires_at)
            select ${this.rule.name}, ${keyHash(key)}, w.start, 1, w.ends from w
            on conflict (rule, key_hash, window_start) do update set hits = c.hits + 1 where c.hits < ${this.rule.limit}
            returning c.hits
          )
          select (select hits from taken) as hits, extract(epoch from w.ends - now()) as seconds_left from w`,
    );
    if (row.hits === null) return { allowed: false, remaining: 0, retryAfter: retryAfter(row.seconds_left) };
    return { allowed: true, remaining: Math.max(0, this.rule.limit - Number(row.hits)), retryAfter: 0 };
  }

  async refund(key: string): Promise<void> {
    await (await this.database()).execute(
      sql`with ${this.window()}
          update app.rate_limit_counters c set hits = c.hits - 1 from w
          where c.rule = ${this.rule.name} and c.key_hash = ${keyHash(key)} and c.window_start = w.start and c.hits > 0`,
    );
  }

  async reset(key: string): Promise<void> {
    await (await this.database()).execute(
      sql`delete from app.rate_limit_counters where rule = ${this.rule.name} and key_hash = ${keyHash(key)}`,
    );
  }

  /** The current window `w(start, ends)`, aligned to multiples of the window since the epoch. */
  private window() {
    const ms = this.rule.windowMs;
    return sql`w as (
      select s.start, s.start + ${ms}::float8 * interval '1 millisecond' as ends
      from (select to_timestamp(floor(extract(epoch from now()) * 1000 / ${ms}::numeric) * ${ms}::numeric / 1000) as start) s
    )`;
  }
}

/** Keys (emails, addresses, API keys) are stored hashed. */
function keyHash(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}

function retryAfter(secondsLeft: string | number): number {
  return Math.max(1, Math.ceil(Number(secondsLeft)));
}

async function sweepExpired(db: Database): Promise<void> {
  const now = Date.now();
  if (now - (globalForSweep.__rwRateLimitSweptAt ?? 0) < SWEEP_EVERY_MS) return;
  globalForSweep.__rwRateLimitSweptAt = now;
  await db.execute(sql`delete from app.rate_limit_counters where expires_at < now()`);
}
