import { PageStore, type RenderedPage } from '@/lib/page-cache/page-store';

const page = (bytes: number, storedAt = 1_000): RenderedPage => ({ status: 200, headers: [['content-type', 'text/html']], body: Buffer.alloc(bytes, 'x'), storedAt });

describe('the rendered-page store', () => {
  it('answers a stored page until it is older than the maximum age', () => {
    const store = new PageStore(1_000_000, 60_000);
    expect(store.put('a', page(100), 900)).toBe(true);
    expect(store.get('a', 30_000)?.body.byteLength).toBe(100);
    expect(store.get('a', 61_001)).toBeUndefined();
    expect(store.stats()).toMatchObject({ pages: 0, bytes: 0, hits: 1, misses: 1 });
  });

  it('stays within its byte budget by dropping the least recently used pages', () => {
    const store = new PageStore(10_000, 60_000);
    for (const key of ['a', 'b', 'c']) store.put(key, page(2_400), 0);
    store.get('a', 1_000); // a is now the most recently used
    store.put('d', page(2_400), 0);
    store.put('e', page(2_400), 0);
    expect(store.stats().bytes).toBeLessThanOrEqual(10_000);
    expect(store.get('b', 1_000)).toBeUndefined();
    expect(store.get('a', 1_000)).toBeDefined();
    expect(store.get('e', 1_000)).toBeDefined();
  });

  it('refuses a page bigger than a quarter of the budget', () => {
    const store = new PageStore(10_000, 60_000);
    expect(store.put('big', page(3_000), 0)).toBe(false);
    expect(store.get('big', 1_000)).toBeUndefined();
  });

  it('does not keep a page whose render reported an error, but keeps the next good render', () => {
    const store = new PageStore(1_000_000, 60_000);
    store.markFailed('k', 2_000);
    expect(store.put('k', page(100, 2_500), 1_500)).toBe(false); // rendering across the failure
    expect(store.get('k', 2_600)).toBeUndefined();
    expect(store.put('k', page(100, 3_500), 3_000)).toBe(true); // started after it
    expect(store.get('k', 3_600)).toBeDefined();
  });
});
