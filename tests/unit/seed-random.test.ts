import { allocate, createRandom, streamFor, weightedLookup } from '@/lib/seed/random';

describe('seeded random numbers', () => {
  it('repeats the same stream for the same seed and differs for another', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const c = createRandom(8);
    const first = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('keeps purposes independent', () => {
    expect(streamFor(1, 1).next()).not.toEqual(streamFor(1, 2).next());
  });

  it('draws integers within inclusive bounds', () => {
    const random = createRandom(3);
    const draws = Array.from({ length: 1000 }, () => random.int(2, 4));
    expect(new Set(draws)).toEqual(new Set([2, 3, 4]));
  });
});

describe('allocate', () => {
  it('splits a total exactly, in proportion to the weights', () => {
    const parts = allocate(1000, [1, 2, 3.5, 0]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(parts[3]).toBe(0);
    expect(parts[2]).toBeGreaterThan(parts[1]);
    expect(parts[1]).toBeGreaterThan(parts[0]);
  });

  it('gives nothing when every weight is zero', () => {
    expect(allocate(10, [0, 0])).toEqual([0, 0]);
  });
});

describe('weightedLookup', () => {
  it('repeats items in proportion to their weight and keeps rare ones', () => {
    const table = weightedLookup([1000, 1, 0], 100);
    expect(table).toHaveLength(100);
    expect(table.filter((i) => i === 1)).toHaveLength(1);
    expect(table).not.toContain(2);
  });
});
