// Calendar-day arithmetic on YYYY-MM-DD strings. Days carry no time zone: they are the reporting time
// zone's calendar days, and only the SQL that builds timestamps applies the zone.

const DAY_MS = 86_400_000;

const toUtc = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const addDays = (day: string, n: number): string => fromUtc(toUtc(day) + n * DAY_MS);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => Math.round((toUtc(to) - toUtc(from)) / DAY_MS);

/** ISO weekday: 1 = Monday … 7 = Sunday, as gold.dim_date.weekday. */
export function isoWeekday(day: string): number {
  const d = new Date(toUtc(day)).getUTCDay();
  return d === 0 ? 7 : d;
}

export const monthOf = (day: string): number => Number(day.slice(5, 7));

export function isIsoDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && fromUtc(toUtc(value)) === value;
}

/** Today's date in a time zone, e.g. for "the demo dataset ends on the day it is seeded". */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

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
