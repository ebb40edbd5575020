// The days a range is compared with. `previous`: a range of whole calendar months (so also quarters and
// years) compares with the same number of whole months just before it, so November meets all of October
// rather than the 30 days before it; any other range (whole ISO weeks included, where the two rules agree)
// with the same number of days just before it. `year`: the same dates a year earlier, 29 February → 28.
// A range still running today (it reaches today or beyond) is a partial period: it is compared with the
// same elapsed part of its comparison period, so "this month" on the 7th meets the 1st–7th of last month.
import { addDays, daysBetween, isoWeekday } from './days';

export const COMPARE_MODES = ['previous', 'year'] as const;
export type CompareMode = (typeof COMPARE_MODES)[number];

export type PeriodUnit = 'year' | 'quarter' | 'month' | 'week' | 'day';

export interface DayRange {
  from: string;
  to: string;
}

export interface Comparison {
  compare: CompareMode;
  /** What the (possibly running) range is made of: whole units of this kind, `count` of them. */
  unit: PeriodUnit;
  count: number;
  /** The range is still running: only its part up to today is compared. */
  partial: boolean;
  /** The days compared with: the elapsed part of `period` when partial, else all of it. */
  range: DayRange;
  /** The whole comparison period, for a chart drawn across the whole range. */
  period: DayRange;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Months since year 0: 2026-03-… → 2026 × 12 + 2. */
const monthIndex = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
const firstOfMonth = (index: number) => `${Math.floor(index / 12)}-${pad((index % 12) + 1)}-01`;
const lastOfMonth = (index: number) => addDays(firstOfMonth(index + 1), -1);

/** The same day of the month `n` months away, kept within that month (31 March − 1 month → 28 or 29 Feb). */
export function addMonthsClamped(day: string, n: number): string {
  const index = monthIndex(day) + n;
  const last = lastOfMonth(index);
  const dayOfMonth = Math.min(Number(day.slice(8, 10)), Number(last.slice(8, 10)));
  return `${firstOfMonth(index).slice(0, 8)}${pad(dayOfMonth)}`;
}

/** The same date a year earlier; 29 February maps to 28 February. */
export const sameDayLastYear = (day: string): string => addMonthsClamped(day, -12);

/** The units a range is made of: whole months (named quarters or years where they fit), ISO weeks, or days. */
export function wholeUnits(from: string, to: string): { unit: PeriodUnit; count: number } {
  if (from.endsWith('-01') && addDays(to, 1).endsWith('-01')) {
    const months = monthIndex(to) - monthIndex(from) + 1;
    const startMonth = monthIndex(from) % 12;
    if (startMonth === 0 && months % 12 === 0) return { unit: 'year', count: months / 12 };
    if (startMonth % 3 === 0 && months % 3 === 0) return { unit: 'quarter', count: months / 3 };
    return { unit: 'month', count: months };
  }
  const days = daysBetween(from, to) + 1;
  if (isoWeekday(from) === 1 && days % 7 === 0) return { unit: 'week', count: days / 7 };
  return { unit: 'day', count: days };
}

/**
 * A range that reaches today but is not whole units may be the running part of some: month to date, quarter
 * to date, year to date, this week. It is read as the whole months (or weeks) it would fill by the end of
 * the month (or week) holding its last day, when it starts where those do.
 */
function runningUnits(from: string, to: string): { to: string; unit: PeriodUnit; count: number } | null {
  const monthEnd = lastOfMonth(monthIndex(to));
  const asMonths = wholeUnits(from, monthEnd);
  if (asMonths.unit !== 'week' && asMonths.unit !== 'day') return { to: monthEnd, ...asMonths };
  const weekEnd = addDays(to, 7 - isoWeekday(to));
  const asWeeks = wholeUnits(from, weekEnd);
  return asWeeks.unit === 'week' ? { to: weekEnd, ...asWeeks } : null;
}

const isMonthly = (unit: PeriodUnit) => unit === 'month' || unit === 'quarter' || unit === 'year';

/** The comparison of the range from…to (inclusive days) on the day `today` (reporting time zone). */
export function comparePeriods(range: DayRange, compare: CompareMode, today: string): Comparison {
  const { from } = range;
  const running = from <= today && today <= range.to;
  const whole = { to: range.to, ...wholeUnits(from, range.to) };
  const read = running && whole.unit === 'day' ? (runningUnits(from, range.to) ?? whole) : whole;
  const partial = running && read.to > today;
  const months = read.unit === 'year' ? read.count * 12 : read.unit === 'quarter' ? read.count * 3 : read.count;
  const days = daysBetween(from, read.to) + 1;

  // The comparison period and the same shift applied to a day of the range (for its elapsed end).
  let period: DayRange;
  let shift: (day: string) => string;
  if (compare === 'year') {
    period = { from: sameDayLastYear(from), to: sameDayLastYear(read.to) };
    shift = sameDayLastYear;
  } else if (isMonthly(read.unit)) {
    period = { from: firstOfMonth(monthIndex(from) - months), to: addDays(from, -1) };
    shift = (day) => addMonthsClamped(day, -months);
  } else {
    period = { from: addDays(from, -days), to: addDays(from, -1) };
    shift = (day) => addDays(day, -days);
  }
  const elapsedTo = shift(today);
  const compared = partial && elapsedTo < period.to ? { from: period.from, to: elapsedTo } : period;
  return { compare, unit: read.unit, count: read.count, partial, range: compared, period };
}
