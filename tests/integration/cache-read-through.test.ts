// The query cache on every backend this run has (in-process; Upstash through the bridge to the real Redis
// when REDIS_URL is set) and every database engine: scoping of entries, invalidation by the real ETL,
// single-flight, and reads that survive a dead cache.
import type { Database } from '@/db/client';
import { userRegions, users } from '@/db/schema';
import type { Scope } from '@/lib/auth/scope';
import type { Cache } from '@/lib/cache/cache';
import { bumpDataVersions, readDataVersions, type RegionVersion } from '@/lib/cache/data-versions';
import { QueryCache } from '@/lib/cache/read-through';
import { UpstashCache } from '@/lib/cache/upstash-cache';
import { UpstashConnection } from '@/lib/upstash/connection';
import { appendToBronze } from '@/lib/etl/bronze';
import { runEtlUntilDrained } from '@/lib/etl/run-batch';
import { parseDashboardState } from '@/lib/filters/dashboard-state';
import { scopeFilters } from '@/lib/auth/scoped-filters';
import { getKpis } from '@/lib/queries/get-kpis';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';
import { insertRetailFixture, saleEvent } from '../helpers/retail-fixture';
import { prepareUsers, scopeFor } from '../helpers/scopes';
import { openTestBackend, testCacheBackends, testKeyNamespace, type TestBackend } from '../helpers/upstash-bridge';

/** The KPIs these tests check are the period's own; what they are compared with does not matter here. */
const KPI_OPTIONS = { compare: 'previous', today: '2026-12-01' } as const;

const WEST_USER = 'west.tester@retailwave.test';
let nextTransaction = 1;

async function addSales(db: Database, sales: { storeCode: string; unitPrice: number; occurredAt?: string }[]): Promise<number[]> {
  const events = sales.map(({ occurredAt, ...s }) =>
    saleEvent({ transactionId: `T-cache-${nextTransaction++}`, quantity: 1, ...s }, occurredAt ? { occurredAt } : {}));
  await appendToBronze(db, { source: 'test', events });
  return (await runEtlUntilDrained(db, { limit: 1_000, timeZone: 'UTC' })).regions;
}

/** A loader that counts its calls per scope. */
function countingLoads() {
  const counts = new Map<string, number>();
  return {
    count: (scope: Scope) => counts.get(scope.regions.join('+')) ?? 0,
    wrap<T>(scope: Scope, load: () => Promise<T>): () => Promise<T> {
      return () => {
        counts.set(scope.regions.join('+'), (counts.get(scope.regions.join('+')) ?? 0) + 1);
        return load();
      };
    },
  };
}

describe.each(testEngines())('query cache on %s', (engine) => {
  let handle: TestDatabase;
  let db: Database;
  const scopes = {} as Record<'east' | 'west' | 'eastWest' | 'south', Scope>;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    db = handle.db;
    await insertRetailFixture(db);
    await prepareUsers(handle);
    const [west] = await db.insert(users).values({ email: WEST_USER, name: 'Wes West', role: 'viewer', passwordHash: 'unused' }).returning();
    await db.insert(userRegions).values({ userId: west.id, regionId: 2 });
    scopes.east = await scopeFor(handle, 'east.manager@retailwave.test');
    scopes.west = await scopeFor(handle, WEST_USER);
    scopes.eastWest = await scopeFor(handle, 'analyst@retailwave.test');
    scopes.south = await scopeFor(handle, 'viewer@retailwave.test');
    await addSales(db, [
      { storeCode: 'S001', unitPrice: 2.5 },
      { storeCode: 'S003', unitPrice: 2.5 },
    ]);
  });
  afterAll(() => handle.destroy());

  it('advances data versions only with a committed batch, and only for the regions it touched', async () => {
    const before = await readDataVersions(db, [1, 2, 4]);
    await expect(
      db.transaction(async (tx) => {
        await bumpDataVersions(tx, [1, 2]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await readDataVersions(db, [1, 2, 4])).toEqual(before);

    expect(await addSales(db, [{ storeCode: 'S002', unitPrice: 1 }])).toEqual([1]);
    expect(await readDataVersions(db, [1, 2, 4])).toEqual([
      { regionId: 1, version: before[0].version + 1 },
      before[1],
      { regionId: 4, version: 0 },
    ]);
  });

  it('advances the versions of the months a batch changed, so answers ending before them keep theirs', async () => {
    const through = (day?: string) => readDataVersions(db, [1, 2], day).then((v) => v.map((r) => r.version));
    const before = { may: await through('2025-05-31'), june: await through('2025-06-30'), all: await through() };

    // a June sale in East: every answer reading June or later changes, answers ending in May do not
    expect(await addSales(db, [{ storeCode: 'S002', unitPrice: 1, occurredAt: '2025-06-20T10:00:00Z' }])).toEqual([1]);
    const june = { may: await through('2025-05-31'), june: await through('2025-06-30'), all: await through() };
    expect(june.may).toEqual(before.may);
    expect(june.june).toEqual([before.june[0] + 1, before.june[1]]);
    expect(june.all).toEqual([before.all[0] + 1, before.all[1]]);

    // a late sale of March reaches every answer that reads March, and no answer that ends in February
    const february = await through('2025-02-28');
    expect(await addSales(db, [{ storeCode: 'S002', unitPrice: 1, occurredAt: '2025-03-02T10:00:00Z' }])).toEqual([1]);
    expect(await through('2025-02-28')).toEqual(february);
    expect(await through('2025-05-31')).toEqual([june.may[0] + 1, june.may[1]]);

    // a reseed of a region changes every answer of that region, whatever months it reads
    const feb = await through('2025-02-28');
    await db.transaction((tx) => bumpDataVersions(tx, [2]));
    expect(await through('2025-02-28')).toEqual([feb[0], feb[1] + 1]);
  });

  describe.each(testCacheBackends())('on the %s backend', (backendName) => {
    let backend: TestBackend;
    let queries: QueryCache;
    const log = jest.fn();

    beforeAll(async () => {
      const namespace = testKeyNamespace();
      backend = await openTestBackend(backendName, namespace);
      queries = new QueryCache({ cache: backend.cache, namespace, log });
    });
    afterAll(() => backend.close());
    afterEach(() => expect(log).not.toHaveBeenCalled());

    it('never shares an entry between scopes with different regions', async () => {
      const loads = countingLoads();
      const read = (scope: Scope) =>
        queries.read(db, { query: 'scope-probe', params: { same: 'params' }, scope }, loads.wrap(scope, async () => ({ regions: scope.regions })));
      for (let round = 0; round < 2; round++) {
        for (const scope of Object.values(scopes)) {
          expect(await read(scope)).toEqual({ regions: [...scope.regions] });
          expect(loads.count(scope)).toBe(1);
        }
      }
    });

    it('a new ETL batch for East reloads entries that include East and keeps West entries', async () => {
      const loads = countingLoads();
      const filtersOf = (scope: Scope) =>
        scopeFilters(parseDashboardState(new URLSearchParams('from=2025-06-01&to=2025-06-30')), scope, { timeZone: 'UTC' });
      const kpis = (scope: Scope) =>
        queries.read(db, { query: 'kpis', params: filtersOf(scope), scope }, loads.wrap(scope, () => getKpis(db, scope, filtersOf(scope), KPI_OPTIONS)));
      const { east, west, eastWest } = scopes;

      const before = { east: await kpis(east), west: await kpis(west), eastWest: await kpis(eastWest) };
      expect(await kpis(east)).toEqual(before.east);
      expect(await kpis(west)).toEqual(before.west);
      expect([loads.count(east), loads.count(west), loads.count(eastWest)]).toEqual([1, 1, 1]);

      expect(await addSales(db, [{ storeCode: 'S002', unitPrice: 10 }])).toEqual([1]);

      const after = { east: await kpis(east), west: await kpis(west), eastWest: await kpis(eastWest) };
      expect(after.east.kpis.revenue).toBeCloseTo(before.east.kpis.revenue + 10, 2);
      expect(after.eastWest.kpis.revenue).toBeCloseTo(before.eastWest.kpis.revenue + 10, 2);
      expect(after.west).toEqual(before.west);
      expect([loads.count(east), loads.count(west), loads.count(eastWest)]).toEqual([2, 1, 2]);
    });

    it('keeps an answer that ends before the month of new sales cached while those sales arrive', async () => {
      const loads = countingLoads();
      const { east } = scopes;
      const may = scopeFilters(parseDashboardState(new URLSearchParams('from=2025-05-01&to=2025-05-31')), east, { timeZone: 'UTC' });
      const kpis = () =>
        queries.read(db, { query: 'kpis', params: may, scope: east, through: may.to }, loads.wrap(east, () => getKpis(db, east, may, KPI_OPTIONS)));
      const first = await kpis();
      expect(await addSales(db, [{ storeCode: 'S002', unitPrice: 5, occurredAt: '2025-06-11T09:00:00Z' }])).toEqual([1]);
      expect(await kpis()).toEqual(first);
      expect(loads.count(east)).toBe(1);
      // ... and reloads once a sale of its own month arrives
      expect(await addSales(db, [{ storeCode: 'S002', unitPrice: 5, occurredAt: '2025-05-11T09:00:00Z' }])).toEqual([1]);
      expect((await kpis()).kpis.revenue).toBeCloseTo(first.kpis.revenue + 5, 2);
      expect(loads.count(east)).toBe(2);
    });

    it('reads the data versions once per unit of work, so the tiles of one page show one snapshot', async () => {
      let render = new Map<string, Promise<RegionVersion[]>>();
      const pages = new QueryCache({ cache: backend.cache, namespace: testKeyNamespace(), log, versionsOfThisWork: () => render });
      const filters = scopeFilters(parseDashboardState(new URLSearchParams('from=2025-06-01&to=2025-06-30')), scopes.east, { timeZone: 'UTC' });
      const kpis = () => pages.read(db, { query: 'kpis', params: filters, scope: scopes.east }, () => getKpis(db, scopes.east, filters, KPI_OPTIONS));

      const first = await kpis();
      expect(await addSales(db, [{ storeCode: 'S002', unitPrice: 7 }])).toEqual([1]);
      // Later in the same render: the versions it started with, and so the entry of that snapshot.
      expect(await kpis()).toEqual(first);
      render = new Map();
      expect((await kpis()).kpis.revenue).toBeCloseTo(first.kpis.revenue + 7, 2);
    });

    it('runs the loader once for 20 concurrent misses of one key, and hands each caller its own copy', async () => {
      // Lookups in the cache count the callers that did not join the load in flight: a caller arriving
      // after it finished would find the entry there, and the loader's count alone would not tell.
      let lookups = 0;
      const inner = backend.cache;
      const cache: Cache = {
        backend: inner.backend,
        get: (key) => ((lookups += 1), inner.get(key)),
        set: (key, json, ttlSeconds) => inner.set(key, json, ttlSeconds),
        delete: (key) => inner.delete(key),
        ping: () => inner.ping(),
      };
      const counted = new QueryCache({ cache, namespace: testKeyNamespace(), log });
      let calls = 0;
      const load = async () => {
        calls += 1;
        return { total: 42, rows: [{ key: 'a' }] };
      };
      const results = await Promise.all(
        Array.from({ length: 20 }, () => counted.read(db, { query: 'single-flight', params: {}, scope: scopes.east }, load)),
      );
      expect([calls, lookups]).toEqual([1, 1]);
      for (const result of results) expect(result).toEqual({ total: 42, rows: [{ key: 'a' }] });
      expect(new Set(results).size).toBe(20);
      await counted.read(db, { query: 'single-flight', params: {}, scope: scopes.east }, load);
      expect([calls, lookups]).toEqual([1, 2]);
    });

    it('returns values as JSON on a miss as on a hit, and does not cache a failed load', async () => {
      const request = { query: 'json-shape', params: {}, scope: scopes.west };
      const first = await queries.read(db, request, async () => ({ at: new Date(0) }));
      expect(first).toEqual({ at: '1970-01-01T00:00:00.000Z' });
      expect(await queries.read(db, request, async () => ({ at: 'not used' }))).toEqual(first);

      const failing = { query: 'fails-once', params: {}, scope: scopes.west };
      await expect(queries.read(db, failing, () => Promise.reject(new Error('database hiccup')))).rejects.toThrow('database hiccup');
      expect(await queries.read(db, failing, async () => 'recovered')).toBe('recovered');
    });

    it('refuses a scope it did not issue, even when a matching entry exists', async () => {
      const request = { query: 'forgery', params: {}, scope: scopes.east };
      await queries.read(db, request, async () => 'east only');
      const forged = Object.freeze({ ...scopes.east }) as Scope;
      await expect(queries.read(db, { ...request, scope: forged }, async () => 'never')).rejects.toThrow(/not issued/);
    });

    it('reports itself healthy', async () => {
      expect(await queries.health()).toEqual({ ok: true, latencyMs: expect.any(Number), backend: backendName });
    });
  });

  describe('with Upstash configured but unreachable', () => {
    it("answers every read with the loader's result, logs once, and reports the cache down", async () => {
      const log = jest.fn();
      const dead = new UpstashConnection({ url: 'http://127.0.0.1:1', token: 'unused' });
      const queries = new QueryCache({ cache: new UpstashCache(dead), namespace: testKeyNamespace(), log });
      let calls = 0;
      for (let i = 0; i < 10; i++) {
        const result = await queries.read(db, { query: 'dead-cache', params: { i }, scope: scopes.east }, async () => {
          calls += 1;
          return { i };
        });
        expect(result).toEqual({ i });
      }
      expect(calls).toBe(10);
      expect(log).toHaveBeenCalledTimes(1);
      expect(log.mock.calls[0][0]).toMatch(/cache unavailable/);
      expect(await queries.health()).toEqual({ ok: false, latencyMs: expect.any(Number), backend: 'upstash' });
    });
  });
});
