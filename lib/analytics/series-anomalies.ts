// Anomalies of the series a chart draws, at its own grain. Each checked point is compared with a robust
// baseline of comparable earlier points of the same series: at day grain the same weekday of the weeks
// before (retail days differ by weekday far more than by anything else), at week and month grain the
// periods just before. The baseline is the median and the median absolute deviation (scaled to a standard
// deviation), so one earlier spike does not hide the next one, and a grain without enough history gives
// no verdict at all rather than a guess.
import { addDays, isoWeekday } from '@/lib/calendar/days';
import { nextPeriod, periodStart, type Grain } from '@/lib/calendar/periods';
import { formatMoney } from '@/lib/format';

export const SERIES_ANOMALY_RULES = {
  /** How many earlier comparable points form a baseline, and how many are needed for a verdict. */
  baseline: {
    day: { points: 8, min: 6 },
    week: { points: 12, min: 8 },
    // A year of months: fewer cannot tell a season from an anomaly.
    month: { points: 12, min: 12 },
  },
  /** |z| above this is an anomaly. */
  zThreshold: 3.5,
  /**
   * The spread never counts as less than this share of the median: a perfectly steady baseline (MAD 0)
   * still flags a real jump, but not cents of noise.
   */
  minRelativeSpread: 0.05,
} as const satisfies { baseline: Record<Grain, { points: number; min: number }>; zThreshold: number; minRelativeSpread: number };

/** MAD × 1.4826 estimates the standard deviation of normally distributed values. */
const MAD_TO_SIGMA = 1.4826;

export interface SeriesPoint {
  /** Start day of the period (YYYY-MM-DD): the day, the ISO week's Monday or the month's first day. */
  period: string;
  value: number;
}

export interface SeriesAnomaly {
  period: string;
  value: number;
  /** Median of the baseline. */
  median: number;
  /** The spread the z-score divides by (scaled MAD, at least minRelativeSpread × median). */
  spread: number;
  z: number;
  baselinePoints: number;
  direction: 'above' | 'below';
}

export interface SeriesAnomalyOptions {
  /** Only periods from here are checked; earlier ones are baseline only. */
  from: string;
  /** The last day the series covers. */
  to: string;
  /** The day in progress (today in the reporting time zone): its period can only grow, so only highs count. */
  today: string;
  /** ISO weekdays the view keeps (empty: all). At day grain other days are never checked nor compared. */
  weekdays?: readonly number[];
  zThreshold?: number;
}

/** The first day a series must start from so that `from`'s periods have a full baseline. */
export function historyStart(from: string, grain: Grain): string {
  const points = SERIES_ANOMALY_RULES.baseline[grain].points;
  if (grain === 'day') return addDays(from, -7 * points);
  if (grain === 'week') return addDays(periodStart(from, 'week'), -7 * points);
  const first = periodStart(from, 'month');
  const year = Number(first.slice(0, 4));
  const month = Number(first.slice(5, 7)) - points;
  const shifted = new Date(Date.UTC(year, month - 1, 1));
  return shifted.toISOString().slice(0, 10);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median and spread of a baseline, or null when it cannot judge (too short, or nothing sold in it). */
export function robustBaseline(values: readonly number[], min: number): { median: number; spread: number } | null {
  if (values.length < min) return null;
  const m = median(values);
  const spread = Math.max(MAD_TO_SIGMA * median(values.map((v) => Math.abs(v - m))), SERIES_ANOMALY_RULES.minRelativeSpread * Math.abs(m));
  // All zeros: nothing to compare with (a store not yet open, a filter that keeps nothing then).
  if (spread === 0) return null;
  return { median: m, spread };
}

/** Whether the whole period lies in from..to: a period cut by the range is drawn smaller and is not comparable. */
function isWhole(period: string, grain: Grain, from: string, to: string): boolean {
  return period >= from && addDays(nextPeriod(period, grain), -1) <= to;
}

/**
 * The anomalous points of a series at `grain`: consecutive periods (zero-filled), starting early enough to
 * hold the baseline (historyStart). Periods before the first one with any sales are no data, not zeros.
 */
export function findSeriesAnomalies(series: readonly SeriesPoint[], grain: Grain, options: SeriesAnomalyOptions): SeriesAnomaly[] {
  const rules = SERIES_ANOMALY_RULES.baseline[grain];
  const threshold = options.zThreshold ?? SERIES_ANOMALY_RULES.zThreshold;
  const kept = (period: string) =>
    grain !== 'day' || !options.weekdays?.length || options.weekdays.includes(isoWeekday(period));
  const start = series.findIndex((p) => p.value !== 0);
  if (start < 0) return [];
  const comparable = series.slice(start).filter((p) => kept(p.period));
  const out: SeriesAnomaly[] = [];
  for (let i = 0; i < comparable.length; i++) {
    const { period, value } = comparable[i];
    if (period < options.from) continue;
    const inProgress = period <= options.today && options.today < nextPeriod(period, grain);
    const wholeTo = inProgress ? addDays(nextPeriod(period, grain), -1) : options.to;
    if (!isWhole(period, grain, options.from, wholeTo)) continue;
    const earlier = comparable.slice(0, i).filter((p) => grain !== 'day' || isoWeekday(p.period) === isoWeekday(period));
    const baseline = robustBaseline(earlier.slice(-rules.points).map((p) => p.value), rules.min);
    if (!baseline) continue;
    const z = (value - baseline.median) / baseline.spread;
    if (Math.abs(z) <= threshold || (inProgress && z < 0)) continue;
    out.push({ period, value, ...baseline, z, baselinePoints: Math.min(earlier.length, rules.points), direction: z > 0 ? 'above' : 'below' });
  }
  return out;
}

const BASELINE_WORDS: Record<Grain, (period: string, n: number) => string> = {
  day: (period, n) => `the ${n} previous ${new Date(`${period}T00:00:00Z`).toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' })}s`,
  week: (_, n) => `the ${n} previous weeks`,
  month: (_, n) => `the ${n} previous months`,
};

/** "Revenue $12,400 is 4.2σ above the median of the 8 previous Mondays ($5,100)". */
export function describeSeriesAnomaly(anomaly: SeriesAnomaly, grain: Grain): string {
  return `Revenue ${formatMoney(anomaly.value)} is ${Math.abs(anomaly.z).toFixed(1)}σ ${anomaly.direction} the median of ` +
    `${BASELINE_WORDS[grain](anomaly.period, anomaly.baselinePoints)} (${formatMoney(anomaly.median)})`;
}
