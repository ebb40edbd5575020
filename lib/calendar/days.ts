// Calendar-day arithmetic on 'YYYY-MM-DD' strings. Days carry no time zone: callers decide which
// zone's "today" they mean (the reporting time zone, see todayIn).
import { dateTimeFormat } from './formatters';

export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const toUtc = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** True for a real calendar day in YYYY-MM-DD form (rejects 2026-02-30). */
export function isValidDay(day: string): boolean {
  return DAY_PATTERN.test(day) && fromUtc(toUtc(day)) === day;
}

export function addDays(day: string, n: number): string {
  return fromUtc(toUtc(day) + n * 86_400_000);
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b) - toUtc(a)) / 86_400_000);
}

export function dateKeyOf(day: string): number {
  return Number(day.replace(/-/g, ''));
}

export function dayOfDateKey(key: number): string {
  const s = String(key);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

/** Today's calendar day in an IANA time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The period of equal length that ends the day before `from`. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const length = daysBetween(from, to) + 1;
  return { from: addDays(from, -length), to: addDays(from, -1) };
}

/** ISO weekday: 1 = Monday … 7 = Sunday, as gold.dim_date.weekday. */
export function isoWeekday(day: string): number {
  const d = new Date(toUtc(day)).getUTCDay();
  return d === 0 ? 7 : d;
}

export const monthOf = (day: string): number => Number(day.slice(5, 7));

/** Consecutive runs of days that stay within one calendar month, covering `from`…`to` inclusive. */
export function monthRuns(from: string, to: string): string[][] {
  const runs: string[][] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const last = runs[runs.length - 1];
    if (last && last[0].slice(0, 7) === day.slice(0, 7)) last.push(day);
    else runs.push([day]);
  }
  return runs;
}
