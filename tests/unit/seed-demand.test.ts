import { isoWeekday } from '@/lib/calendar/days';
import { dayWeights, demandQuantiles, demandShareBy, hourWeights, secondAtShare } from '@/lib/seed/demand';
import { generateStores } from '@/lib/seed/stores';
import { planSales, salesDays, SALES_DAYS } from '@/lib/seed/sales-plan';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('demand curve', () => {
  const days = salesDays('2026-11-23');
  const stores = generateStores(42, days[0], days[days.length - 1]);
  // 07:00 in New York the next morning: every store's 23 November is over
  const plan = planSales(42, 1_000_000, stores, days, new Date('2026-11-24T12:00:00Z'));
  const weights = dayWeights(42, plan.days);

  it('covers two years ending on the last day, with exactly the requested lines', () => {
    expect(plan.days).toHaveLength(SALES_DAYS);
    expect(plan.days[plan.days.length - 1]).toBe('2026-11-23');
    expect(plan.days[0]).toBe('2024-11-24');
    expect(sum(plan.lines)).toBe(1_000_000);
    expect(plan.shares.every((share) => share === null)).toBe(true);
  });

  it('ending in the middle of the day, gives the last day only the share each store has sold so far', () => {
    // 15:45 in New York, 12:45 in Los Angeles, on a Monday
    const partial = planSales(42, 1_000_000, stores, days, new Date('2026-11-23T20:45:00Z'));
    expect(sum(partial.lines)).toBe(1_000_000);
    expect(partial.shares.slice(0, -1).every((share) => share === null)).toBe(true);
    const last = partial.shares[partial.shares.length - 1]!;
    const shareIn = (zone: string) => last[stores.findIndex((s) => s.timeZone === zone)];
    expect(shareIn('America/Los_Angeles')).toBeGreaterThan(0.2);
    expect(shareIn('America/Los_Angeles')).toBeLessThan(shareIn('America/Chicago'));
    expect(shareIn('America/Chicago')).toBeLessThan(shareIn('America/New_York'));
    expect(shareIn('America/New_York')).toBeLessThan(0.6);
    // the last day's lines are its full day's scaled by the (traffic-weighted) share sold
    const lastLines = partial.lines[partial.lines.length - 1];
    const fullDay = weights[weights.length - 1] * partial.linesPerWeight;
    expect(lastLines / fullDay).toBeGreaterThan(shareIn('America/Los_Angeles'));
    expect(lastLines / fullDay).toBeLessThan(shareIn('America/New_York'));
  });

  it('peaks on weekends', () => {
    const weekend = weights.filter((_, i) => isoWeekday(plan.days[i]) >= 6);
    const weekday = weights.filter((_, i) => isoWeekday(plan.days[i]) < 6);
    expect(mean(weekend)).toBeGreaterThan(mean(weekday) * 1.2);
  });

  it('peaks in December and on Black Friday', () => {
    const inMonth = (m: string) => weights.filter((_, i) => plan.days[i].slice(5, 7) === m);
    expect(mean(inMonth('12'))).toBeGreaterThan(mean(inMonth('06')) * 1.2);
    const blackFriday = weights[plan.days.indexOf('2025-11-28')];
    expect(blackFriday).toBeGreaterThan(Math.max(...weights.filter((_, i) => plan.days[i].slice(0, 7) === '2025-10')));
  });

  it('grows year over year', () => {
    expect(mean(weights.slice(365))).toBeGreaterThan(mean(weights.slice(0, 365)));
  });

  it('is deterministic for a seed and a moment', () => {
    const at = new Date('2026-11-23T20:45:00Z');
    expect(planSales(42, 5000, stores, days, at)).toEqual(planSales(42, 5000, stores, days, at));
    expect(planSales(43, 5000, stores, days, at).lines).not.toEqual(planSales(42, 5000, stores, days, at).lines);
  });

  it('keeps shoppers inside opening hours with lunch and evening peaks on weekdays', () => {
    for (const weekend of [false, true]) {
      const hours = hourWeights(weekend);
      expect(hours.slice(0, 8).every((w) => w === 0)).toBe(true);
      expect(hours.slice(22).every((w) => w === 0)).toBe(true);
    }
    const weekday = hourWeights(false);
    expect(weekday[12]).toBeGreaterThan(weekday[10]);
    expect(weekday[18]).toBeGreaterThan(weekday[15]);
  });

  it('turns a share of the day into a time of day and back through the quantile table', () => {
    for (const weekend of [false, true]) {
      const quantiles = demandQuantiles(weekend);
      expect(quantiles.length - 1).toBe(sum(hourWeights(weekend)));
      expect(quantiles[0]).toBe(8 * 3600);
      expect(quantiles[quantiles.length - 1]).toBe(22 * 3600);
      expect(demandShareBy(quantiles, 7 * 3600)).toBe(0);
      expect(demandShareBy(quantiles, 23 * 3600)).toBe(1);
      for (let share = 0; share < 1; share += 0.0137) {
        const second = secondAtShare(quantiles, share);
        expect(demandShareBy(quantiles, second)).toBeCloseTo(share, 9);
      }
      // an hour holds its weight's share of the day
      const hours = hourWeights(weekend);
      expect(demandShareBy(quantiles, 13 * 3600) - demandShareBy(quantiles, 12 * 3600)).toBeCloseTo(hours[12] / sum(hours), 9);
    }
  });
});
