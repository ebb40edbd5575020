// Aligned power-of-two runs of days, for a rollup kept at several widths (the customer bitmap spans). A
// span of level k covers 2^k days from a day whose number since 1970-01-01 is a multiple of 2^k, so any
// range of days is the union of a few spans, at most two of each width, instead of one row per day.
import { addDays, daysBetween } from './days';

export interface DaySpan {
  /** The span covers 2^level days. */
  level: number;
  /** Its first day, YYYY-MM-DD. */
  first: string;
}

const EPOCH = '1970-01-01';

const dayNumber = (day: string) => daysBetween(EPOCH, day);

/** The span of `level` that holds `day`. */
export function spanHolding(day: string, level: number): DaySpan {
  const width = 2 ** level;
  return { level, first: addDays(EPOCH, Math.floor(dayNumber(day) / width) * width) };
}

/** The last day of a span. */
export function lastDayOf(span: DaySpan): string {
  return addDays(span.first, 2 ** span.level - 1);
}

/** The fewest aligned spans, none wider than 2^maxLevel days, whose union is from…to exactly; in day order. */
export function coverWithSpans(from: string, to: string, maxLevel: number): DaySpan[] {
  const spans: DaySpan[] = [];
  const end = dayNumber(to);
  for (let n = dayNumber(from); n <= end; ) {
    let level = 0;
    // Widen while the wider span still starts here (aligned) and ends within the range.
    while (level < maxLevel && n % 2 ** (level + 1) === 0 && n + 2 ** (level + 1) - 1 <= end) level++;
    spans.push({ level, first: addDays(EPOCH, n) });
    n += 2 ** level;
  }
  return spans;
}
