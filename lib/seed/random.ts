// Seeded pseudo-random numbers for the demo seeder's JavaScript side (reference data, day noise).
// The sales lines themselves draw their randomness in SQL from hashint8extended, see sales.ts.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** Uniform in [min, max). */
  between(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
}

/** mulberry32: tiny, fast and good enough for synthetic data; the same seed gives the same stream. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    between: (min, max) => min + next() * (max - min),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
  };
}

/** An independent stream per purpose, so adding draws to one part leaves the others unchanged. */
export function streamFor(seed: number, purpose: number): Random {
  return createRandom(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + purpose * 0x27d4eb2d);
}

/** Index of a weighted choice; weights need not sum to 1. */
export function weightedIndex(random: Random, weights: readonly number[]): number {
  const sum = weights.reduce((a, b) => a + b, 0);
  let r = random.next() * sum;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i];
    if (r < 0) return i;
  }
  return weights.length - 1;
}

/**
 * Splits `total` into integer parts proportional to `weights` (largest remainder), so the parts
 * always add up to exactly `total`.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w / sum) * total);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % byRemainder.length, left--) parts[byRemainder[k][1]]++;
  return parts;
}

/**
 * A lookup table of about `size` item indexes (0-based), each repeated in proportion to its weight and
 * at least once when its weight is positive. SQL picks from it with a hash modulo its length: a weighted
 * choice that costs one array subscript per row.
 */
export function weightedLookup(weights: readonly number[], size: number): number[] {
  const positive = weights.filter((w) => w > 0).length;
  const counts = allocate(Math.max(0, size - positive), weights).map((c, i) => (weights[i] > 0 ? c + 1 : 0));
  const table: number[] = [];
  counts.forEach((count, index) => {
    for (let k = 0; k < count; k++) table.push(index);
  });
  return table;
}
