// Which store codes and SKUs exist in gold, cached briefly per database so a steady stream of batches
// costs no lookups. Known codes are trusted for a minute, unknown ones for a few seconds (a store added
// moments ago is accepted soon). The ETL checks every event against gold again, so a stale answer here
// can only delay an event's rejection, never let a bad one into gold.
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { textArray } from '@/db/sql';
import type { ReferenceCodes } from '@/lib/etl/silver/validate';

const KNOWN_TTL_MS = 60_000;
const UNKNOWN_TTL_MS = 5_000;
// A client sending endless made-up codes must not grow the cache without bound.
const MAX_ENTRIES = 100_000;

type Kind = 'store' | 'sku';
interface Entry {
  exists: boolean;
  at: number;
}

export class ReferenceCache {
  private readonly entries: Record<Kind, Map<string, Entry>> = { store: new Map(), sku: new Map() };

  constructor(private readonly now: () => number = Date.now) {}

  /** The subset of the given codes that exist (the shape validateBronzeEvent takes). */
  async resolve(db: Database, codes: { storeCodes: Iterable<string>; skus: Iterable<string> }): Promise<ReferenceCodes> {
    return {
      storeCodes: await this.existing(db, 'store', new Set(codes.storeCodes)),
      skus: await this.existing(db, 'sku', new Set(codes.skus)),
    };
  }

  private async existing(db: Database, kind: Kind, codes: Set<string>): Promise<Set<string>> {
    const cache = this.entries[kind];
    const now = this.now();
    const found = new Set<string>();
    const missing: string[] = [];
    for (const code of codes) {
      const entry = cache.get(code);
      const fresh = entry && now - entry.at < (entry.exists ? KNOWN_TTL_MS : UNKNOWN_TTL_MS);
      if (!fresh) missing.push(code);
      else if (entry.exists) found.add(code);
    }
    if (missing.length === 0) return found;
    const query = kind === 'store'
      ? sql`select store_code as code from gold.dim_store where store_code = any(${textArray(missing)})`
      : sql`select sku as code from gold.dim_product where sku = any(${textArray(missing)})`;
    const rows = await queryRows<{ code: string }>(db, query);
    const exists = new Set(rows.map((r) => r.code));
    if (cache.size + missing.length > MAX_ENTRIES) cache.clear();
    for (const code of missing) {
      cache.set(code, { exists: exists.has(code), at: now });
      if (exists.has(code)) found.add(code);
    }
    return found;
  }
}

// One cache per database object (the process has one; tests open several).
const registry = globalThis as unknown as { __rwReferenceCaches?: WeakMap<object, ReferenceCache> };
const caches = (registry.__rwReferenceCaches ??= new WeakMap<object, ReferenceCache>());

export function referenceCacheFor(db: Database): ReferenceCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new ReferenceCache();
    caches.set(db, cache);
  }
  return cache;
}
