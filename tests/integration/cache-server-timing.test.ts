// The Server-Timing header of API answers counts each request's own query cache reads, through the real
// route wrappers, cache and database: a first view is a miss, the same view again a hit, requests answered
// at the same time never count each other's reads, and errors carry the header too.
process.env.AUTH_SECRET ??= 'test-secret-test-secret-test-secret-0123';
import { GET as breakdownRoute } from '@/app/api/metrics/breakdown/route';
import { GET as kpisRoute } from '@/app/api/metrics/kpis/route';
import { GET as sharedExportRoute } from '@/app/s/[token]/export/route';
import { MemoryCache } from '@/lib/cache/memory-cache';
import { QueryCache } from '@/lib/cache/read-through';
import { withServerTiming } from '@/lib/http/server-timing';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';
import { prepareUsers, scopeFor, sessionClaimsFor } from '../helpers/scopes';
import { getRequest, noParams, sessionCookie } from '../helpers/session-cookie';

const cacheTiming = (res: Response) => res.headers.get('server-timing');
const reads = (hits: number, misses: number) => `cache;desc="hits=${hits} misses=${misses}"`;

describe.each(testEngines())('Server-Timing cache reads on %s', (engine) => {
  let db: TestDatabase;
  let analyst: string;
  // Each test asks for days no other test (or earlier run in this process) asked for: the cache is the process's.
  let nextYear = 1990;
  const newRange = () => {
    const year = nextYear++;
    return `from=${year}-01-01&to=${year}-03-31`;
  };
  const kpis = (range: string) => kpisRoute(getRequest(`/api/metrics/kpis?${range}`, analyst), noParams);
  const breakdown = (range: string, dimension: string) =>
    breakdownRoute(getRequest(`/api/metrics/breakdown?dimension=${dimension}&${range}`, analyst), noParams);

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await prepareUsers(db);
    analyst = await sessionCookie(await sessionClaimsFor(db, 'analyst@retailwave.test'));
  }, 120_000);

  afterAll(async () => {
    await db?.destroy();
  });

  it('reports a new view as a miss and the same view again as a hit', async () => {
    const range = newRange();
    const first = await kpis(range);
    expect(first.status).toBe(200);
    expect(cacheTiming(first)).toBe(reads(0, 1));
    const again = await kpis(range);
    expect(cacheTiming(again)).toBe(reads(1, 0));
    // Another query over the same days is another entry.
    expect(cacheTiming(await breakdown(range, 'region'))).toBe(reads(0, 1));
  });

  it('counts only the reads of its own request when requests are answered at the same time', async () => {
    const [a, b] = [newRange(), newRange()];
    const cold = await Promise.all([kpis(a), breakdown(a, 'hour'), kpis(b), breakdown(b, 'weekday')]);
    expect(cold.map(cacheTiming)).toEqual([reads(0, 1), reads(0, 1), reads(0, 1), reads(0, 1)]);
    const warm = await Promise.all([kpis(a), breakdown(b, 'weekday'), kpis(b), breakdown(a, 'hour')]);
    expect(warm.map(cacheTiming)).toEqual([reads(1, 0), reads(1, 0), reads(1, 0), reads(1, 0)]);
  });

  it('counts a read that waited for the same view loading in another request as a miss', async () => {
    const cache = new QueryCache({ cache: new MemoryCache(), namespace: 'server-timing-test' });
    const scope = await scopeFor(db, 'analyst@retailwave.test');
    let release!: () => void;
    const loading = new Promise<void>((resolve) => (release = resolve));
    const load = () => loading.then(() => ({ revenue: 1 }));
    const request = (params: unknown) =>
      withServerTiming(async () => Response.json(await cache.read(db.db, { query: 'kpis', params, scope }, load)));
    const both = [request('same view'), request('same view')];
    release();
    expect((await Promise.all(both)).map(cacheTiming)).toEqual([reads(0, 1), reads(0, 1)]);
    expect(cacheTiming(await request('same view'))).toBe(reads(1, 0));
  });

  it('puts the header on errors, of both wrappers', async () => {
    const refused = await breakdown(newRange(), 'colour');
    expect(refused.status).toBe(400);
    expect(cacheTiming(refused)).toBe(reads(0, 0));
    const unknownLink = await sharedExportRoute(getRequest('/s/no-such-token/export?format=csv'), { params: Promise.resolve({ token: 'no-such-token' }) });
    expect(unknownLink.status).toBe(404);
    expect(cacheTiming(unknownLink)).toBe(reads(0, 0));
  });
});
