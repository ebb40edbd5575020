// The bench's random views: the same seed gives the same views, every view is one the portal accepts and
// stays within the explorer's own regions, and the sample compared with the obvious way is stable.
import { explorerAccount, ENDPOINT_KINDS, explorerRandom, randomRequest, type ViewCatalog } from '@/bench/random-views';
import { parseCacheTiming, sampleRequests, type ExploreSample } from '@/bench/explore-load';
import { daysBetween } from '@/lib/calendar/days';
import { parseDashboardState } from '@/lib/filters/dashboard-state';

const CATALOG: ViewCatalog = {
  firstDay: '2024-12-08',
  lastDay: '2026-12-07',
  storesByRegion: { East: ['S001', 'S002', 'S003'], West: ['S004', 'S005'], North: ['S006'], South: ['S007', 'S008'], Central: ['S009'] },
  subcategories: { Fresh: ['Dairy', 'Bakery'], Apparel: ['Shoes', 'Tops'], Grocery: ['Pantry'], Beverages: ['Soda', 'Water'] },
};

const requestsOf = (seed: number, explorer: number, count: number) => {
  const random = explorerRandom(seed, explorer);
  return Array.from({ length: count }, () => randomRequest(random, explorerAccount(explorer).regions, CATALOG));
};

describe('bench random views', () => {
  it('gives each explorer the same views for the same seed, and other views for another explorer or seed', () => {
    const paths = (seed: number, explorer: number) => requestsOf(seed, explorer, 50).map((r) => r.path);
    expect(paths(1, 3)).toEqual(paths(1, 3));
    expect(paths(1, 3)).not.toEqual(paths(1, 7));
    expect(paths(1, 3)).not.toEqual(paths(2, 3));
  });

  it('spreads explorers over the four demo roles', () => {
    expect(Array.from({ length: 8 }, (_, i) => explorerAccount(i).email)).toEqual([
      'admin@retailwave.test', 'east.manager@retailwave.test', 'analyst@retailwave.test', 'viewer@retailwave.test',
      'admin@retailwave.test', 'east.manager@retailwave.test', 'analyst@retailwave.test', 'viewer@retailwave.test',
    ]);
  });

  it('asks only for views the portal accepts, inside the explorer’s regions and the dataset', () => {
    const kinds = new Set<string>();
    for (let explorer = 0; explorer < 8; explorer++) {
      const mine = explorerAccount(explorer).regions;
      for (const request of requestsOf(7, explorer, 300)) {
        kinds.add(request.kind);
        const url = new URL(request.path, 'http://localhost');
        const state = parseDashboardState(url.searchParams);
        const { view } = request;
        expect(mine).toEqual(expect.arrayContaining(state.regions));
        const storesSeen = (state.regions.length ? state.regions : mine).flatMap((r) => CATALOG.storesByRegion[r]!);
        expect(storesSeen).toEqual(expect.arrayContaining(state.stores));
        expect(state.from! >= CATALOG.firstDay && state.to! <= CATALOG.lastDay).toBe(true);
        expect(daysBetween(state.from!, state.to!) + 1).toBeGreaterThanOrEqual(7);
        expect(daysBetween(state.from!, state.to!) + 1).toBeLessThanOrEqual(730);
        expect(state.categories.length).toBeLessThanOrEqual(3);
        expect(state.segments.length).toBeLessThanOrEqual(2);
        expect(state.sel.length).toBeLessThanOrEqual(1);
        if (view.selection?.dimension === 'category' && view.categories.length) expect(view.categories).toContain(view.selection.key);
        if (state.drill.length) {
          expect(request.kind).toBe('page:products');
          if (state.drill[1]) expect(CATALOG.subcategories[state.drill[0]!]).toContain(state.drill[1]);
        }
        if (request.kind === 'transactions' && request.sort) {
          expect(state.sort).toEqual({ column: request.sort.replace(/^-/, ''), direction: request.sort.startsWith('-') ? 'desc' : 'asc' });
        }
        if (request.kind.startsWith('breakdown:')) expect(url.searchParams.get('dimension')).toBe(request.kind.slice('breakdown:'.length));
      }
    }
    expect([...kinds].sort()).toEqual([...ENDPOINT_KINDS].sort());
  });

  it('samples the earliest answered views of each endpoint, whatever order they were answered in', () => {
    const [first, second, third] = requestsOf(1, 0, 3).map((request) => ({ ...request, kind: 'kpis' as const }));
    const sample = (explorer: number, seq: number, request: typeof first, status = 200): ExploreSample =>
      ({ explorer, seq, request: request!, status, firstByteMs: 1, totalMs: 1, cache: null, failedTiles: 0 });
    const answered = [sample(1, 1, third), sample(0, 1, second), sample(1, 0, first, 500), sample(0, 0, first)];
    expect(sampleRequests(answered, 2).get('kpis')!.map((s) => [s.explorer, s.seq])).toEqual([[0, 0], [0, 1]]);
  });

  it('reads the cache metric of a Server-Timing header among others', () => {
    expect(parseCacheTiming('cache;desc="hits=3 misses=1"')).toEqual({ hits: 3, misses: 1 });
    expect(parseCacheTiming('db;dur=53, cache;desc="hits=0 misses=2"')).toEqual({ hits: 0, misses: 2 });
    expect(parseCacheTiming(undefined)).toBeNull();
  });
});
