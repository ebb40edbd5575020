import { MemoryCache } from '@/lib/cache/memory-cache';

const json = (n: number) => JSON.stringify({ rows: 'x'.repeat(n) });

describe('in-process LRU cache', () => {
  it('evicts the least recently used entries once the byte budget is exceeded', async () => {
    const cache = new MemoryCache(4_000);
    for (const key of ['a', 'b', 'c']) await cache.set(key, json(1_000), 60);
    expect(cache.size).toBe(3);
    expect(cache.usedBytes).toBeLessThanOrEqual(4_000);

    await cache.get('a'); // now b is the least recently used
    await cache.set('d', json(1_000), 60);

    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('a')).toBe(json(1_000));
    expect(await cache.get('c')).toBe(json(1_000));
    expect(await cache.get('d')).toBe(json(1_000));
    expect(cache.usedBytes).toBeLessThanOrEqual(4_000);
  });

  it('evicts as many entries as a large value needs, and never stores a value over the whole budget', async () => {
    const cache = new MemoryCache(4_000);
    for (const key of ['a', 'b', 'c']) await cache.set(key, json(1_000), 60);
    await cache.set('big', json(2_500), 60);
    expect(await cache.get('a')).toBeUndefined();
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('c')).toBe(json(1_000));
    expect(await cache.get('big')).toBe(json(2_500));

    await cache.set('huge', json(5_000), 60);
    expect(await cache.get('huge')).toBeUndefined();
    expect(await cache.get('big')).toBe(json(2_500));
  });

  it('counts bytes, not characters, and frees them on replace and delete', async () => {
    const cache = new MemoryCache(10_000);
    await cache.set('k', JSON.stringify('é'.repeat(1_000)), 60);
    const accented = cache.usedBytes;
    expect(accented).toBeGreaterThan(2_000);
    await cache.set('k', JSON.stringify('e'.repeat(1_000)), 60);
    expect(cache.usedBytes).toBeLessThan(accented - 900);
    await cache.delete('k');
    expect(cache.usedBytes).toBe(0);
    expect(cache.size).toBe(0);
  });

  it('expires entries after their time to live', async () => {
    let now = 1_000_000;
    const cache = new MemoryCache(10_000, () => now);
    await cache.set('k', '1', 30);
    now += 29_999;
    expect(await cache.get('k')).toBe('1');
    now += 1;
    expect(await cache.get('k')).toBeUndefined();
    expect(cache.usedBytes).toBe(0);
  });
});
