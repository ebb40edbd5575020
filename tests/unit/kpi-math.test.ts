import { changeDirection, relativeChange } from '@/lib/analytics/period-change';
import { toKpis } from '@/lib/analytics/kpi-math';
import { trailingMovingAverage } from '@/lib/analytics/moving-average';
import { periodStart, periodStarts } from '@/lib/calendar/periods';
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
  });
});
