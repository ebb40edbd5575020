// Cached reads of the gold layer. The key (keys.ts) holds the query, its parameters, the scope's regions
// and their data versions (data-versions.ts). Concurrent misses for one key in this process share one load.
// A failing cache is skipped: the loader answers, the portal keeps working, and the failure is logged once
// a minute. Every caller gets the value as JSON gives it back (a fresh copy, Dates as strings), on a hit
// and on a miss alike, so a result that does not survive JSON shows up on the first call, not the second.
import { databaseIdentity, type Database } from '@/db/client';
import { assertScope, type Scope } from '@/lib/auth/scope';
import { probeCache, type Cache, type CacheHealth } from './cache';
import { readDataVersions, type RegionVersion } from './data-versions';
import { FailureLog } from '@/lib/upstash/failure-log';
import { recordCacheRead } from '@/lib/http/server-timing';
import { queryCacheKey } from './keys';

export const DEFAULT_TTL_SECONDS = 15 * 60;
/** Larger results are served but not stored (Upstash refuses big requests; one such value would evict many). */
export const DEFAULT_MAX_ENTRY_BYTES = 1024 * 1024;

export interface QueryCacheOptions {
  cache: Cache;
  /** Prefix of every key: one per deployment, or one per test run. */
  namespace: string;
  ttlSeconds?: number;
  maxEntryBytes?: number;
  log?: (message: string, error: unknown) => void;
  /**
   * A map that lives as long as one unit of work, such as a page render, so that all its reads use one
   * reading of the data versions (one snapshot, one round trip); none when omitted.
   */
  versionsOfThisWork?: () => Map<string, Promise<RegionVersion[]>>;
}

export interface CachedQuery {
  /** The query's name: lowercase letters, digits and dashes, e.g. `kpis`. */
  query: string;
  /** Everything besides the scope that the answer depends on (filters, grain, paging, …), as JSON. */
  params: unknown;
  scope: Scope;
  /**
   * The last day (YYYY-MM-DD, reporting time zone) whose data the answer depends on, usually the filters'
   * `to`: later sales then leave the entry valid. Omit it for answers that read whatever is newest.
   */
  through?: string;
  ttlSeconds?: number;
}

interface Flight {
  json: string | undefined;
  /** Answered by the cache rather than the loader. */
  hit: boolean;
}

export class QueryCache {
  private readonly inflight = new Map<string, Promise<Flight>>();
  private readonly versionReads = new Map<string, Promise<RegionVersion[]>>();
  private readonly failures: FailureLog;

  constructor(private readonly options: QueryCacheOptions) {
    this.failures = new FailureLog('cache unavailable; reading from the database', 60_000, options.log);
  }

  get cache(): Cache {
    return this.options.cache;
  }

  /** The loader's answer for this query and scope, from the cache when a current entry exists. */
  async read<T>(db: Database, request: CachedQuery, load: () => Promise<T>): Promise<T> {
    // A hit never reaches readInScope, so the scope is checked here too.
    assertScope(request.scope);
    const versions = await this.currentVersions(db, request.scope.regionIds, request.through);
    // The database is part of what the answer depends on: data versions count per database.
    const params = { database: databaseIdentity(db), params: request.params };
    const key = queryCacheKey({ namespace: this.options.namespace, query: request.query, params, versions });
    let flight = this.inflight.get(key);
    if (!flight) {
      flight = this.getOrLoad(key, request.ttlSeconds ?? this.options.ttlSeconds ?? DEFAULT_TTL_SECONDS, load);
      this.inflight.set(key, flight);
      const settled = () => this.inflight.delete(key);
      flight.then(settled, settled);
    }
    // A read that joined another's flight counts as that flight did: it waited for what the flight waited for.
    const { json, hit } = await flight;
    recordCacheRead(hit);
    return (json === undefined ? undefined : JSON.parse(json)) as T;
  }

  /**
   * The regions' data versions: read once per unit of work (versionsOfThisWork), and reads that arrive
   * while one for the same regions is in flight share it (concurrent pages ask at once). Each caller's
   * loader still starts after the versions were read, so an entry under a version never holds data older
   * than that version. Transactions are not shared.
   */
  currentVersions(db: Database, regionIds: readonly number[], through?: string): Promise<RegionVersion[]> {
    const database = databaseIdentity(db);
    if (!database) return readDataVersions(db, regionIds, through);
    const key = `${database}:${regionIds.join(',')}:${through ?? ''}`;
    const work = this.options.versionsOfThisWork?.();
    const known = work?.get(key);
    if (known) return known;
    let read = this.versionReads.get(key);
    if (!read) {
      read = readDataVersions(db, regionIds, through);
      this.versionReads.set(key, read);
      const settled = () => this.versionReads.delete(key);
      read.then(settled, settled);
    }
    work?.set(key, read);
    return read;
  }

  health(): Promise<CacheHealth> {
    return probeCache(this.options.cache);
  }

  private async getOrLoad(key: string, ttlSeconds: number, load: () => Promise<unknown>): Promise<Flight> {
    const stored = await this.cache.get(key).catch((error: unknown) => this.failed(error));
    if (stored !== undefined) return { json: stored, hit: true };
    const json = JSON.stringify(await load()) as string | undefined;
    if (json === undefined || Buffer.byteLength(json) > (this.options.maxEntryBytes ?? DEFAULT_MAX_ENTRY_BYTES)) return { json, hit: false };
    await this.cache.set(key, json, ttlSeconds).catch((error: unknown) => this.failed(error));
    return { json, hit: false };
  }

  private failed(error: unknown): undefined {
    this.failures.report(error);
    return undefined;
  }
}
