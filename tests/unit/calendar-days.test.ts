import { addDays, daysBetween, isValidDay, previousPeriod, todayIn } from '@/lib/calendar/days';
import { holidaysOfYear } from '@/lib/calendar/holidays';

describe('calendar days', () => {
  it('validates real calendar days only', () => {
    expect(isValidDay('2026-02-28')).toBe(true);
    expect(isValidDay('2024-02-29')).toBe(true);
    expect(isValidDay('2026-02-29')).toBe(false);
    expect(isValidDay('2026-13-01')).toBe(false);
    expect(isValidDay('26-01-01')).toBe(false);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2025-12-25', '2026-01-05')).toBe(11);
  });

  it('gives the previous period of equal length', () => {
    expect(previousPeriod('2026-03-01', '2026-03-31')).toEqual({ from: '2026-01-29', to: '2026-02-28' });
    expect(previousPeriod('2026-11-23', '2026-11-23')).toEqual({ from: '2026-11-22', to: '2026-11-22' });
  });

  it("knows today's date in a time zone", () => {
    const instant = new Date('2026-11-23T02:30:00Z');
    expect(todayIn('UTC', instant)).toBe('2026-11-23');
    expect(todayIn('America/Los_Angeles', instant)).toBe('2026-11-22');
  });

  it('places the moving retail holidays', () => {
    const h = Object.fromEntries(holidaysOfYear(2026).map((x) => [x.name, x.date]));
    expect(h['Thanksgiving']).toBe('2026-11-26');
    expect(h['Black Friday']).toBe('2026-11-27');
    expect(h['Easter Sunday']).toBe('2026-04-05');
    expect(h['Memorial Day']).toBe('2026-05-25');
  });
});
