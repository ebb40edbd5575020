import { buildCustomerPools, eligibleCounts } from '@/lib/seed/customer-pools';
import { generateReferenceData } from '@/lib/seed/reference-data';
import { basketPattern, basketsForLines } from '@/lib/seed/sales-plan';

describe('basket pattern', () => {
  const pattern = basketPattern(42);

  it('has baskets of 1–6 lines, about 2.5 on average', () => {
    expect(Math.min(...pattern.size)).toBe(1);
    expect(Math.max(...pattern.size)).toBe(6);
    const average = pattern.lines / pattern.size.length;
    expect(average).toBeGreaterThan(2.3);
    expect(average).toBeLessThan(2.7);
    pattern.start.forEach((start, i) => expect(start).toBe(i === 0 ? 0 : pattern.start[i - 1] + pattern.size[i - 1]));
  });

  it('counts the baskets a day of lines needs, the last one possibly cut short', () => {
    expect(basketsForLines(pattern, 0)).toBe(0);
    expect(basketsForLines(pattern, 1)).toBe(1);
    expect(basketsForLines(pattern, pattern.size[0])).toBe(1);
    expect(basketsForLines(pattern, pattern.size[0] + 1)).toBe(2);
    expect(basketsForLines(pattern, pattern.lines)).toBe(pattern.size.length);
    expect(basketsForLines(pattern, pattern.lines * 2 + 1)).toBe(pattern.size.length * 2 + 1);
  });

  it('counts baskets from any starting point in the pattern', () => {
    const offset = 10;
    expect(basketsForLines(pattern, 0, offset)).toBe(0);
    expect(basketsForLines(pattern, pattern.size[offset], offset)).toBe(1);
    expect(basketsForLines(pattern, pattern.size[offset] + 1, offset)).toBe(2);
    expect(basketsForLines(pattern, pattern.lines, offset)).toBe(pattern.size.length);
    // Wrapping past the end of the pattern continues at its start.
    const tail = pattern.lines - pattern.start[pattern.size.length - 1];
    expect(basketsForLines(pattern, tail, pattern.size.length - 1)).toBe(1);
    expect(basketsForLines(pattern, tail + pattern.size[0], pattern.size.length - 1)).toBe(2);
  });
});

describe('customer pools', () => {
  const data = generateReferenceData(42, 100_000, '2024-11-24', '2026-11-23');
  const pools = buildCustomerPools(data.customers, data.stores.length);

  it('holds every customer once, grouped by home store', () => {
    expect(pools.customerNo).toHaveLength(data.customers.length);
    expect(new Set(pools.customerNo).size).toBe(data.customers.length);
    expect(pools.start[0]).toBe(0);
  });

  it('lets more customers shop as they sign up', () => {
    const counts = eligibleCounts(pools, ['2024-11-24', '2026-11-23']);
    const stores = data.stores.length;
    for (let s = 0; s < stores; s++) expect(counts[stores + s]).toBeGreaterThanOrEqual(counts[s]);
    expect(counts.slice(stores).reduce((a, b) => a + b, 0)).toBe(data.customers.length);
  });
});
