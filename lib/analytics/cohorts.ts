// Retention cohorts on calendar periods: months, or ISO weeks starting on Monday. Days are 'YYYY-MM-DD'
// in the reporting time zone. A period is named by its first day; the distance between two periods is
// counted in whole calendar periods (Jan 31 → Feb 1 is one month), never in 30-day or 7-day steps.
import { addDays, daysBetween } from '@/lib/calendar/days';
import type { Grain } from '@/lib/calendar/periods';

export type CohortGrain = 'month' | 'week';

/**
 * How many periods the customer views show: at least a year of monthly or half a year of weekly
 * cohorts, so a short filter range (the default 30 days) still gives a heatmap worth reading; at most
 * what the longest filter range holds in months, and a year of weeks (a wider weekly triangle is unreadable).
 */
export const WINDOW_PERIODS: Record<CohortGrain, { min: number; max: number }> = {
  month: { min: 12, max: 37 },
  week: { min: 26, max: 52 },
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The dashboard grain as a cohort grain: days are too fine for cohorts and read as months. */
export function cohortGrainOf(grain: Grain): CohortGrain {
  return grain === 'week' ? 'week' : 'month';
}

/** ISO weekday of a day: 1 = Monday … 7 = Sunday. */
function isoWeekday(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The first day of the month, or the Monday of the ISO week, that contains `day`. */
export function periodStart(day: string, grain: CohortGrain): string {
  return grain === 'month' ? `${day.slice(0, 7)}-01` : addDays(day, 1 - isoWeekday(day));
}

/** The start of the period `n` periods after (or, when negative, before) the one containing `day`. */
export function addPeriods(day: string, n: number, grain: CohortGrain): string {
  if (grain === 'week') return addDays(periodStart(day, 'week'), 7 * n);
  const months = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1 + n;
  return `${String(Math.floor(months / 12)).padStart(4, '0')}-${String((months % 12) + 1).padStart(2, '0')}-01`;
}

/** Whole calendar periods from the period of `from` to the period of `to` (negative when `to` is earlier). */
export function periodIndex(from: string, to: string, grain: CohortGrain): number {
  if (grain === 'week') return daysBetween(periodStart(from, 'week'), periodStart(to, 'week')) / 7;
  const monthNumber = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7));
  return monthNumber(to) - monthNumber(from);
}

/** Every period start from the period of `from` to the period of `to`, in order. */
export function periodStarts(from: string, to: string, grain: CohortGrain): string[] {
  const count = periodIndex(from, to, grain) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, n) => addPeriods(from, n, grain));
}

/** The ISO week-numbering year and week of a day (week 1 holds the year's first Thursday). */
export function isoWeekOf(day: string): { year: number; week: number } {
  const thursday = addDays(day, 4 - isoWeekday(day));
  const year = Number(thursday.slice(0, 4));
  return { year, week: Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1 };
}

/**
 * "Jan 2026" for a month; "2026-W01" for an ISO week. Given the last day shown (`through`), a period not
 * over by then is marked: "Jan 2026 (so far)".
 */
export function periodLabel(day: string, grain: CohortGrain, through?: string): string {
  const mark = through !== undefined && periodStart(day, grain) === runningPeriod(through, grain) ? ' (so far)' : '';
  if (grain === 'month') return `${MONTHS[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}${mark}`;
  const { year, week } = isoWeekOf(day);
  return `${year}-W${String(week).padStart(2, '0')}${mark}`;
}

/** The period containing `through` when it is not over by then (the current month or week so far), else null. */
export function runningPeriod(through: string, grain: CohortGrain): string | null {
  const period = periodStart(through, grain);
  return addDays(addPeriods(period, 1, grain), -1) > through ? period : null;
}

/**
 * The days the customer views cover for a filter range: from the start of the period containing `from`,
 * widened back or narrowed forward to keep WINDOW_PERIODS periods ending with the period of `to`.
 */
export function customerWindow(range: { from: string; to: string }, grain: CohortGrain): { from: string; to: string } {
  const { min, max } = WINDOW_PERIODS[grain];
  const earliest = addPeriods(range.to, -(max - 1), grain);
  const latest = addPeriods(range.to, -(min - 1), grain);
  const from = periodStart(range.from, grain);
  return { from: from < earliest ? earliest : from > latest ? latest : from, to: range.to };
}

/** Distinct cohort customers who bought in a period: cohort and period are period starts. */
export interface CohortCell {
  cohort: string;
  period: string;
  customers: number;
}

export interface CohortRow {
  /** The cohort's period start. */
  cohort: string;
  label: string;
  /** Customers whose first purchase fell in this period. */
  size: number;
  /** customers[n]: members who bought n periods after their cohort period; null once past the window's end. */
  customers: (number | null)[];
  /**
   * retention[n] = customers[n] ÷ size, a fraction; null past the window's end, for an empty cohort, and
   * in the running period after the cohort's own (a period not over yet is not a drop in retention).
   */
  retention: (number | null)[];
}

export interface CohortTriangle {
  grain: CohortGrain;
  /** Columns of the heatmap: period offsets 0 … periods − 1. */
  periods: number;
  /** The window's last period when the window ends before it does: its counts are so far only. */
  running: string | null;
  rows: CohortRow[];
}

/**
 * Lays cells out as the cohort triangle of the window: one row per period from `window.from` to
 * `window.to` (empty cohorts included, so the rows are evenly spaced), one column per period offset; a
 * last period that runs past `window.to` is `running`.
 * A cell of a purchase before its cohort period means the query is wrong, so it throws.
 */
export function buildCohortTriangle(cells: readonly CohortCell[], grain: CohortGrain, window: { from: string; to: string }): CohortTriangle {
  const cohorts = periodStarts(window.from, window.to, grain);
  const counts = new Map(cohorts.map((c) => [c, new Map<number, number>()]));
  for (const cell of cells) {
    const row = counts.get(periodStart(cell.cohort, grain));
    const n = periodIndex(cell.cohort, cell.period, grain);
    if (!row || n < 0 || n >= cohorts.length) throw new RangeError(`cohort cell outside the window: ${cell.cohort} → ${cell.period}`);
    row.set(n, (row.get(n) ?? 0) + cell.customers);
  }
  const running = runningPeriod(window.to, grain);
  const rows = cohorts.map((cohort, i): CohortRow => {
    const observed = cohorts.length - i;
    const byPeriod = counts.get(cohort)!;
    const size = byPeriod.get(0) ?? 0;
    const customers = cohorts.map((_, n) => (n < observed ? (byPeriod.get(n) ?? 0) : null));
    const unfinished = (n: number) => n > 0 && addPeriods(cohort, n, grain) === running;
    const retention = customers.map((c, n) => (c === null || size === 0 || unfinished(n) ? null : c / size));
    return { cohort, label: periodLabel(cohort, grain), size, customers, retention };
  });
  return { grain, periods: cohorts.length, running, rows };
}
