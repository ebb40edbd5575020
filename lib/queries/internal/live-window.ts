// The live monitor's clock: which reporting days "today" and "yesterday" are at a given instant, the
// time of day both are read up to, and the last hour of whole minutes. Everything is rounded to the
// minute, so a cached answer is reused for up to a minute (and data changes bump its key anyway).
import 'server-only';
import { addDays, todayIn } from '@/lib/calendar/days';
import { dateTimeFormat } from '@/lib/calendar/formatters';

export interface LiveWindow {
  /** Today and yesterday in the reporting time zone (YYYY-MM-DD). */
  today: string;
  yesterday: string;
  /** Both days are read up to this many seconds after local midnight (exclusive): the end of the current minute. */
  cutoffSeconds: number;
  /** The per-minute series covers [start, end): `minutes` whole minutes ending with the current one. */
  start: Date;
  end: Date;
}

const MINUTE_MS = 60_000;

/** Seconds since local midnight of `at` in `timeZone` (wall clock, so DST days compare by clock time). */
function secondsOfDay(at: Date, timeZone: string): number {
  const parts = dateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return part('hour') * 3600 + part('minute') * 60 + part('second');
}

export function liveWindow(at: Date, timeZone: string, minutes = 60): LiveWindow {
  if (Number.isNaN(at.getTime())) throw new TypeError('liveWindow needs a valid instant');
  const today = todayIn(timeZone, at);
  const seconds = secondsOfDay(at, timeZone);
  const end = new Date(Math.floor(at.getTime() / MINUTE_MS) * MINUTE_MS + MINUTE_MS);
  return {
    today,
    yesterday: addDays(today, -1),
    cutoffSeconds: Math.min(86_400, Math.floor(seconds / 60) * 60 + 60),
    start: new Date(end.getTime() - minutes * MINUTE_MS),
    end,
  };
}

/** A minute's wall-clock label in the reporting time zone, `YYYY-MM-DD HH:MM` (a Plotly date axis reads it as is). */
export function minuteLabel(at: Date, timeZone: string): string {
  const day = todayIn(timeZone, at);
  const time = dateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return `${day} ${time}`;
}
