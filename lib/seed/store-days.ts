// A demo store's day on its own clock: the instant it starts (as the seeder's SQL computes it) and how
// much of its demand has passed at a given moment. The demo dataset ends at a moment, so its last days
// are partial, and differently for each store: New York may have closed while Los Angeles is still open.
import { isoWeekday, todayIn } from '@/lib/calendar/days';
import { dateTimeFormat } from '@/lib/calendar/formatters';
import { demandQuantiles, demandShareBy } from './demand';
import { DEMO_TIME_ZONES } from './stores';

const HOUR_MS = 3_600_000;

/** Local wall-clock time minus UTC at an instant, in ms. */
function offsetMs(timeZone: string, at: number): number {
  const parts = dateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(at));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - Math.floor(at / 1000) * 1000;
}

/**
 * Midnight of a store's day (YYYY-MM-DD) in ms since the epoch, at the offset in force at its noon: clocks
 * change at night, never in opening hours. The seeder's SQL adds the time of day to the same instant
 * (`(day + time '12:00') at time zone zone - interval '12 hours'`).
 */
export function storeDayStart(day: string, timeZone: string): number {
  const noonUtc = Date.parse(`${day}T12:00:00Z`);
  // the offset at the local noon: a first guess from UTC noon, then the offset at that guess
  const localNoon = noonUtc - offsetMs(timeZone, noonUtc - offsetMs(timeZone, noonUtc));
  return localNoon - 12 * HOUR_MS;
}

/** Share (0–1) of a store day's demand that has passed at `now`: 0 before it opens, 1 once it has closed. */
export function storeDayShare(day: string, timeZone: string, now: Date): number {
  const today = todayIn(timeZone, now);
  if (day < today) return 1;
  if (day > today) return 0;
  const second = (now.getTime() - storeDayStart(day, timeZone)) / 1000;
  return demandShareBy(demandQuantiles(isoWeekday(day) >= 6), second);
}

/** The last day of a dataset ending at `now`: the latest store-local today among the demo's time zones. */
export function lastStoreDay(now: Date): string {
  return DEMO_TIME_ZONES.map((zone) => todayIn(zone, now)).reduce((a, b) => (b > a ? b : a));
}

/** The earliest store-local today among the demo's time zones at `now`. */
export function firstStoreDay(now: Date): string {
  return DEMO_TIME_ZONES.map((zone) => todayIn(zone, now)).reduce((a, b) => (b < a ? b : a));
}
