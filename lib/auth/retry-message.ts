// What a person reads when a limit turned them away: how long to wait, in whole minutes rounded up (a
// 20-second wait reads "1 minute", never "0"), and the clock time, 24-hour, in the reader's own time zone
// (the browser's, where this runs; the server sends only Retry-After, so the two clocks need not agree).
// The clock time is rounded up to the minute too: "at 14:05" for a wait ending at 14:04:10 is a moment
// the person can try again at, where rounding down would send them back a few seconds too early.

/** The wait in minutes, rounded up: "3 minutes", "1 minute". */
export function waitInMinutes(retryAfterSeconds: number): string {
  const minutes = Math.ceil(Math.max(1, Math.ceil(retryAfterSeconds)) / 60);
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}

/** The wait as a sentence: "Try again in 3 minutes (at 14:05)." */
export function tryAgainSentence(retryAfterSeconds: number, now: Date = new Date(), timeZone?: string): string {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  const at = new Date(Math.ceil((now.getTime() + seconds * 1000) / 60_000) * 60_000);
  const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(at);
  return `Try again in ${waitInMinutes(seconds)} (at ${clock}).`;
}

/** Retry-After as the server sent it (seconds), or null when it is missing or not a positive number. */
export function retryAfterSeconds(header: string | null): number | null {
  if (header === null || !/^\d+$/.test(header.trim())) return null;
  const seconds = Number(header.trim());
  return seconds > 0 ? seconds : null;
}
