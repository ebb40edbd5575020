import fc from 'fast-check';
import { addDays, daysBetween, isoWeekday } from '@/lib/calendar/days';
import { addMonthsClamped, comparePeriods, sameDayLastYear, wholeUnits, type CompareMode } from '@/lib/calendar/comparison';
import { comparisonLabel, formatDayRange } from '@/lib/calendar/comparison-label';
import { presetRange } from '@/lib/filters/date-presets';

// A day long after every range below: nothing is running.
const LATER = '2099-01-01';
const previous = (from: string, to: string, today = LATER) => comparePeriods({ from, to }, 'previous', today);
const lastYear = (from: string, to: string, today = LATER) => comparePeriods({ from, to }, 'year', today);

describe('period alignment: whole units compare with the same number of whole units before them', () => {
  it.each([
    ['a month', '2026-11-01', '2026-11-30', '2026-10-01', '2026-10-31', 'month', 'vs Oct 2026'],
    ['February after a 31-day January', '2026-02-01', '2026-02-28', '2026-01-01', '2026-01-31', 'month', 'vs Jan 2026'],
    ['March after a leap February', '2028-03-01', '2028-03-31', '2028-02-01', '2028-02-29', 'month', 'vs Feb 2028'],
    ['two months across a year end', '2027-01-01', '2027-02-28', '2026-11-01', '2026-12-31', 'month', 'vs 1 Nov – 31 Dec 2026'],
    ['a quarter', '2026-07-01', '2026-09-30', '2026-04-01', '2026-06-30', 'quarter', 'vs Q2 2026'],
    ['the first quarter', '2026-01-01', '2026-03-31', '2025-10-01', '2025-12-31', 'quarter', 'vs Q4 2025'],
    ['a year', '2025-01-01', '2025-12-31', '2024-01-01', '2024-12-31', 'year', 'vs 2024'],
    ['an ISO week', '2026-11-23', '2026-11-29', '2026-11-16', '2026-11-22', 'week', 'vs week of 16 Nov 2026'],
    ['three ISO weeks', '2026-11-09', '2026-11-29', '2026-10-19', '2026-11-08', 'week', 'vs 19 Oct – 8 Nov 2026'],
    ['any other run of days', '2026-11-08', '2026-12-07', '2026-10-09', '2026-11-07', 'day', 'vs 9 Oct – 7 Nov 2026'],
    ['months that do not start a quarter', '2026-02-01', '2026-04-30', '2025-11-01', '2026-01-31', 'month', 'vs 1 Nov 2025 – 31 Jan 2026'],
  ])('%s', (_name, from, to, prevFrom, prevTo, unit, label) => {
    const c = previous(from, to);
    expect(c.range).toEqual({ from: prevFrom, to: prevTo });
    expect(c.unit).toBe(unit);
    expect(c.partial).toBe(false);
    expect(comparisonLabel(c)).toBe(label);
  });

  it('a month that is also whole ISO weeks is read as the month (February 2027 starts on a Monday)', () => {
    expect(previous('2027-02-01', '2027-02-28').range).toEqual({ from: '2027-01-01', to: '2027-01-31' });
  });
});

describe('period alignment: year over year', () => {
  it('compares the same dates a year earlier', () => {
    expect(lastYear('2026-11-01', '2026-11-30').range).toEqual({ from: '2025-11-01', to: '2025-11-30' });
    expect(comparisonLabel(lastYear('2026-11-01', '2026-11-30'))).toBe('vs same days 2025');
    expect(comparisonLabel(lastYear('2026-12-20', '2027-01-10'))).toBe('vs same days a year earlier');
  });

  it('maps 29 February to 28 February', () => {
    expect(sameDayLastYear('2028-02-29')).toBe('2027-02-28');
    expect(lastYear('2028-02-01', '2028-02-29').range).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    expect(lastYear('2028-02-29', '2028-03-01').range).toEqual({ from: '2027-02-28', to: '2027-03-01' });
  });

  it('a partial year-over-year period stops at the same date last year', () => {
    const c = lastYear('2026-12-01', '2026-12-31', '2026-12-07');
    expect(c.partial).toBe(true);
    expect(c.range).toEqual({ from: '2025-12-01', to: '2025-12-07' });
    expect(c.period).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });
});

describe('period alignment: a period still running compares with the same elapsed part', () => {
  it('a whole month that runs past today: 1–7 Dec vs 1–7 Nov', () => {
    const c = previous('2026-12-01', '2026-12-31', '2026-12-07');
    expect(c).toMatchObject({ unit: 'month', partial: true, range: { from: '2026-11-01', to: '2026-11-07' }, period: { from: '2026-11-01', to: '2026-11-30' } });
    expect(comparisonLabel(c)).toBe('vs 1–7 Nov 2026');
  });

  it.each([
    ['mtd', '2026-12-07', { from: '2026-11-01', to: '2026-11-07' }],
    ['qtd', '2026-12-07', { from: '2026-07-01', to: '2026-09-07' }],
    ['ytd', '2026-12-07', { from: '2025-01-01', to: '2025-12-07' }],
    ['mtd', '2026-03-31', { from: '2026-02-01', to: '2026-02-28' }],
    ['mtd', '2026-03-30', { from: '2026-02-01', to: '2026-02-28' }],
  ] as const)('the %s preset on %s', (preset, today, expected) => {
    const c = previous(presetRange(preset, today).from, presetRange(preset, today).to, today);
    expect(c.range).toEqual(expected);
  });

  it('this week so far (Monday to Wednesday) compares with Monday to Wednesday of last week', () => {
    const c = previous('2026-11-30', '2026-12-02', '2026-12-02');
    expect(c).toMatchObject({ unit: 'week', partial: true, range: { from: '2026-11-23', to: '2026-11-25' } });
  });

  it('a run of days past today compares with the same number of elapsed days', () => {
    const c = previous('2026-11-20', '2026-12-20', '2026-12-07');
    expect(c).toMatchObject({ unit: 'day', partial: true, range: { from: '2026-10-20', to: '2026-11-06' } });
  });

  it('a range wholly in the past or wholly in the future is not partial', () => {
    expect(previous('2026-11-01', '2026-11-30', '2026-12-07').partial).toBe(false);
    expect(previous('2027-01-01', '2027-01-31', '2026-12-07').partial).toBe(false);
  });
});

const dayArb = fc.integer({ min: 0, max: 365 * 30 }).map((n) => addDays('2010-01-01', n));
const rangeArb = fc.tuple(dayArb, fc.integer({ min: 0, max: 3 * 366 - 1 })).map(([from, n]) => ({ from, to: addDays(from, n) }));
const monthsArb = fc.tuple(fc.integer({ min: 2010, max: 2040 }), fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 36 })).map(([y, m, n]) => {
  const from = `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { from, to: addDays(addMonthsClamped(from, n), -1), months: n };
});
const modeArb = fc.constantFrom<CompareMode>('previous', 'year');

describe('period alignment: properties', () => {
  it('vs previous period: the whole comparison period ends the day before `from`, and the compared days never overlap the range', () => {
    fc.assert(fc.property(rangeArb, dayArb, (range, today) => {
      const c = comparePeriods(range, 'previous', today);
      expect(c.period.to).toBe(addDays(range.from, -1));
      expect(c.range.from).toBe(c.period.from);
      expect(c.range.to <= c.period.to && c.range.from <= c.range.to).toBe(true);
      expect(c.range.to < range.from).toBe(true);
    }));
  });

  it('vs previous period: a range of days that is not whole units and not running compares with as many days just before it', () => {
    fc.assert(fc.property(rangeArb, (range) => {
      const c = comparePeriods(range, 'previous', LATER);
      fc.pre(c.unit === 'day' || c.unit === 'week');
      expect(daysBetween(c.range.from, c.range.to)).toBe(daysBetween(range.from, range.to));
      expect(c.range.to).toBe(addDays(range.from, -1));
    }));
  });

  it('vs previous period: n whole months compare with the n whole months before them', () => {
    fc.assert(fc.property(monthsArb, ({ from, to, months }) => {
      const c = comparePeriods({ from, to }, 'previous', LATER);
      expect(c.range).toEqual({ from: addMonthsClamped(from, -months), to: addDays(from, -1) });
      expect(['month', 'quarter', 'year']).toContain(c.unit);
      expect(wholeUnits(c.range.from, c.range.to).unit).not.toBe('day');
    }));
  });

  it('whole ISO weeks are recognised whatever Monday they start on', () => {
    fc.assert(fc.property(dayArb, fc.integer({ min: 1, max: 20 }), (day, weeks) => {
      const monday = addDays(day, 1 - isoWeekday(day));
      fc.pre(!monday.endsWith('-01'));
      expect(wholeUnits(monday, addDays(monday, weeks * 7 - 1))).toEqual({ unit: 'week', count: weeks });
    }));
  });

  it('vs same period last year: every compared day is its day a year earlier (29 February → 28)', () => {
    fc.assert(fc.property(rangeArb, dayArb, (range, today) => {
      const c = comparePeriods(range, 'year', today);
      expect(c.range.from).toBe(sameDayLastYear(range.from));
      if (!c.partial) expect(c.range.to).toBe(sameDayLastYear(range.to));
      else expect(c.range.to).toBe(sameDayLastYear(today));
      expect(c.range.from.slice(5)).toBe(range.from.slice(5) === '02-29' ? '02-28' : range.from.slice(5));
    }));
  });

  it('a running period compares with exactly as many days as have elapsed, or all of a shorter comparison period', () => {
    fc.assert(fc.property(rangeArb, dayArb, modeArb, (range, today, mode) => {
      const c = comparePeriods(range, mode, today);
      fc.pre(c.partial);
      expect(range.from <= today && today <= range.to).toBe(true);
      const elapsed = daysBetween(range.from, today);
      const compared = daysBetween(c.range.from, c.range.to);
      // days and weeks before match exactly; months differ by up to 3 days per month crossed, years by a leap day
      if (mode === 'previous' && (c.unit === 'day' || c.unit === 'week')) expect(compared).toBe(elapsed);
      else expect(Math.abs(compared - elapsed)).toBeLessThanOrEqual(3 + Math.ceil(elapsed / 28));
      expect(c.range.to <= c.period.to).toBe(true);
    }));
  });
});

describe('formatDayRange', () => {
  it('names days as briefly as is unambiguous', () => {
    expect(formatDayRange({ from: '2026-11-07', to: '2026-11-07' })).toBe('7 Nov 2026');
    expect(formatDayRange({ from: '2026-11-01', to: '2026-11-07' })).toBe('1–7 Nov 2026');
    expect(formatDayRange({ from: '2026-10-08', to: '2026-11-06' })).toBe('8 Oct – 6 Nov 2026');
    expect(formatDayRange({ from: '2025-12-08', to: '2026-01-06' })).toBe('8 Dec 2025 – 6 Jan 2026');
  });
});
