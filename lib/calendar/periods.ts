// Calendar buckets for time series: a day, the ISO week (starting Monday) or the month it belongs to,
// and every bucket start of a range, so that quiet periods show as zero instead of disappearing.
import { addDays } from './days';

/** The time grains of trends and dashboards: the one declaration of them. */
export const GRAINS = ['day', 'week', 'month'] as const;
export type Grain = (typeof GRAINS)[number];

export function periodStart(day: string, grain: Grain): string {
  if (grain === 'day') return day;
  if (grain === 'month') return `${day.slice(0, 7)}-01`;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

export function nextPeriod(start: string, grain: Grain): string {
  if (grain === 'day') return addDays(start, 1);
  if (grain === 'week') return addDays(start, 7);
  const y = Number(start.slice(0, 4));
  const m = Number(start.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** Start days of every period that overlaps from..to, in order. */
export function periodStarts(from: string, to: string, grain: Grain): string[] {
  const out: string[] = [];
  for (let p = periodStart(from, grain); p <= to; p = nextPeriod(p, grain)) out.push(p);
  return out;
}

/** The last day of the period starting on `start`. */
export function periodEnd(start: string, grain: Grain): string {
  return addDays(nextPeriod(start, grain), -1);
}
