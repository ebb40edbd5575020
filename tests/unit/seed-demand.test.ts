import { isoWeekday } from '@/lib/calendar/days';
import { dayWeights, hourWeights } from '@/lib/seed/demand';
import { planDailyLines, SALES_DAYS } from '@/lib/seed/sales-plan';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('demand curve', () => {
  const plan = planDailyLines(42, 1_000_000, '2026-11-23');
  const weights = dayWeights(42, plan.days);

  it('covers two years ending on the last day, with exactly the requested lines', () => {
    expect(plan.days).toHaveLength(SALES_DAYS);
    expect(plan.days[plan.days.length - 1]).toBe('2026-11-23');
    expect(plan.days[0]).toBe('2024-11-24');
    expect(plan.lines.reduce((a, b) => a + b, 0)).toBe(1_000_000);
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

  it('is deterministic for a seed', () => {
    expect(planDailyLines(42, 5000, '2026-11-23')).toEqual(planDailyLines(42, 5000, '2026-11-23'));
    expect(planDailyLines(43, 5000, '2026-11-23').lines).not.toEqual(planDailyLines(42, 5000, '2026-11-23').lines);
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
});
