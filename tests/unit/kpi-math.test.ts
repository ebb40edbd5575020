import { changeDirection, relativeChange } from '@/lib/analytics/period-change';
import fc from 'fast-check';
import { likeForLike, toKpis } from '@/lib/analytics/kpi-math';
import { trailingMovingAverage } from '@/lib/analytics/moving-average';
import { periodEnd, periodStart, periodStarts } from '@/lib/calendar/periods';
import { previousPeriod } from '@/lib/calendar/days';

describe('period-over-period maths', () => {
  it('gives the relative change, and null without a base', () => {
    expect(relativeChange(120, 100)).toBeCloseTo(0.2);
    expect(relativeChange(80, 100)).toBeCloseTo(-0.2);
    expect(relativeChange(5, 0)).toBeNull();
    expect(relativeChange(-50, -100)).toBeCloseTo(0.5);
    expect(relativeChange(null, 100)).toBeNull();
    expect(relativeChange(100, null)).toBeNull();
  });

  it('calls a change that shows as 0.0% flat, and anything larger up or down', () => {
    expect(changeDirection(0)).toBe('flat');
    expect(changeDirection(0.00049)).toBe('flat');
    expect(changeDirection(-0.00049)).toBe('flat');
    expect(changeDirection(0.0005)).toBe('up');
    expect(changeDirection(-0.002)).toBe('down');
  });

  it('compares with the equal period just before', () => {
    expect(previousPeriod('2026-02-01', '2026-02-28')).toEqual({ from: '2026-01-04', to: '2026-01-31' });
  });

  it('derives average order value and margin from totals, never from sums of ratios', () => {
    const k = toKpis({ revenue: 1000, transactions: 40, units: 90, discount: 50, cost: 640 }, 31);
    expect(k.avgOrderValue).toBe(25);
    expect(k.grossMargin).toBe(0.36);
    expect(k.unitsPerTransaction).toBe(2.25);
    expect(k.marginAmount).toBe(360);
  });

  it('gives additive measures as 0 and ratios as null when there is no data', () => {
    expect(toKpis({ revenue: 0, transactions: 0, units: 0, discount: 0, cost: 0 }, 0)).toEqual({
      revenue: 0, transactions: 0, units: 0, discount: 0, uniqueCustomers: 0, marginAmount: 0,
      avgOrderValue: null, unitsPerTransaction: null, grossMargin: null,
    });
  });

  it('averages over a trailing window only once it is full', () => {
    expect(trailingMovingAverage([1, 2, 3, 4, 5], 3)).toEqual([null, null, 2, 3, 4]);
  });

  it('buckets days into ISO weeks and months across year ends', () => {
    expect(periodStart('2027-01-01', 'week')).toBe('2026-12-28');
    expect(periodStart('2026-01-31', 'month')).toBe('2026-01-01');
    expect(periodStarts('2026-12-15', '2027-02-02', 'month')).toEqual(['2026-12-01', '2027-01-01', '2027-02-01']);
    // the trend marks a period running while its last day is today or later
    expect(periodEnd('2028-02-01', 'month')).toBe('2028-02-29');
    expect(periodEnd('2026-12-28', 'week')).toBe('2027-01-03');
    expect(periodEnd('2026-12-07', 'day')).toBe('2026-12-07');
  });
});

describe('like-for-like growth', () => {
  it('counts only the stores with a sale in both periods', () => {
    // store 3 opened this period, store 4 closed after the last one: neither reads as growth or decline
    const current = new Map([[1, 110], [2, 220], [3, 500]]);
    const previous = new Map([[1, 100], [2, 200], [4, 900]]);
    expect(likeForLike(current, previous)).toEqual({ growth: expect.closeTo(0.1, 10), stores: 2 });
  });

  it('is null when no store was open in both, or those sold nothing before', () => {
    expect(likeForLike(new Map([[1, 10]]), new Map([[2, 10]]))).toEqual({ growth: null, stores: 0 });
    expect(likeForLike(new Map(), new Map())).toEqual({ growth: null, stores: 0 });
    expect(likeForLike(new Map([[1, 10]]), new Map([[1, 0]]))).toEqual({ growth: null, stores: 1 });
  });

  it('equals the plain growth when the same stores sold in both, and ignores stores in one period only', () => {
    const revenue = fc.float({ min: 1, max: 1e6, noNaN: true });
    const stores = fc.dictionary(fc.integer({ min: 1, max: 60 }).map(String), fc.tuple(revenue, revenue), { minKeys: 1 });
    fc.assert(fc.property(stores, fc.dictionary(fc.integer({ min: 61, max: 90 }).map(String), revenue), (both, onlyNow) => {
      const entries = Object.entries(both).map(([k, v]) => [Number(k), v] as const);
      const current = new Map([...entries.map(([k, [now]]) => [k, now] as [number, number]), ...Object.entries(onlyNow).map(([k, v]) => [Number(k), v] as [number, number])]);
      const previous = new Map(entries.map(([k, [, before]]) => [k, before] as [number, number]));
      const now = entries.reduce((s, [, [n]]) => s + n, 0);
      const before = entries.reduce((s, [, [, b]]) => s + b, 0);
      const result = likeForLike(current, previous);
      expect(result.stores).toBe(entries.length);
      expect(result.growth).toBeCloseTo((now - before) / before, 9);
    }));
  });
});
