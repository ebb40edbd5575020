// Region revenue anomalies for the ETL's alerts (lib/etl/signals; charts use series-anomalies.ts): a day's revenue against the mean and standard deviation of the days just before it
// (a trailing window that excludes the day itself), as a z-score. |z| above the threshold is flagged.
// A day still in progress can only grow, so it is flagged when it is already far above usual, never below.
import { addDays } from '@/lib/calendar/days';
import { formatMoney } from '@/lib/format';

export const ANOMALY_RULES = {
  /** Days before the checked day that form its baseline. */
  windowDays: 28,
  /** Fewer baseline days than this (a region just starting) → no verdict. */
  minBaselineDays: 14,
  /** |z| above this is an anomaly. */
  zThreshold: 3,
  /** An anomaly alert with |z| at or above this is high severity. */
  highSeverityZ: 5,
  /** The ETL re-checks the days a batch touched only when they are this recent (older late data is rare). */
  alertLookbackDays: 7,
} as const;

export interface DailyValue {
  /** YYYY-MM-DD */
  day: string;
  value: number;
}

export interface ZScore {
  mean: number;
  stdDev: number;
  z: number;
  baselineDays: number;
}

export interface RevenueAnomaly extends ZScore {
  day: string;
  value: number;
  direction: 'above' | 'below';
}

export interface AnomalyOptions {
  windowDays?: number;
  minBaselineDays?: number;
  zThreshold?: number;
  /** Days before this are baseline only, never checked. */
  from?: string;
  /** The day still in progress (today, in the reporting time zone): checked for highs only. */
  partialDay?: string;
}

/** Mean and sample standard deviation (n − 1). */
export function meanAndStdDev(values: readonly number[]): { mean: number; stdDev: number } {
  const n = values.length;
  if (n === 0) return { mean: 0, stdDev: 0 };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { mean, stdDev: 0 };
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1);
  return { mean, stdDev: Math.sqrt(variance) };
}

/** The z-score of `value` against `baseline`; null when the baseline is too short or flat. */
export function zScore(value: number, baseline: readonly number[], minBaselineDays: number = ANOMALY_RULES.minBaselineDays): ZScore | null {
  if (baseline.length < minBaselineDays) return null;
  const { mean, stdDev } = meanAndStdDev(baseline);
  // A flat baseline has no spread to measure against; compare with a tolerance for float noise.
  if (stdDev <= Math.abs(mean) * 1e-9) return null;
  return { mean, stdDev, z: (value - mean) / stdDev, baselineDays: baseline.length };
}

/**
 * Fills the calendar days of `series` from its first day to `to` with zeros where nothing was sold: a day
 * without sales is a real zero once a region has started trading. Days before the first are left out.
 */
export function zeroFilledDays(series: readonly DailyValue[], to: string): DailyValue[] {
  if (series.length === 0) return [];
  const byDay = new Map(series.map((d) => [d.day, d.value]));
  const first = [...byDay.keys()].sort()[0];
  const out: DailyValue[] = [];
  for (let day = first; day <= to; day = addDays(day, 1)) out.push({ day, value: byDay.get(day) ?? 0 });
  return out;
}

/** The anomalous days of a consecutive daily series (use zeroFilledDays first). */
export function findAnomalies(series: readonly DailyValue[], options: AnomalyOptions = {}): RevenueAnomaly[] {
  const windowDays = options.windowDays ?? ANOMALY_RULES.windowDays;
  const minBaselineDays = options.minBaselineDays ?? ANOMALY_RULES.minBaselineDays;
  const threshold = options.zThreshold ?? ANOMALY_RULES.zThreshold;
  const out: RevenueAnomaly[] = [];
  for (let i = 0; i < series.length; i++) {
    const { day, value } = series[i];
    if (options.from && day < options.from) continue;
    const baseline = series.slice(Math.max(0, i - windowDays), i).map((d) => d.value);
    const score = zScore(value, baseline, minBaselineDays);
    if (!score || Math.abs(score.z) <= threshold) continue;
    if (day === options.partialDay && score.z < 0) continue;
    out.push({ day, value, ...score, direction: score.z > 0 ? 'above' : 'below' });
  }
  return out;
}

/** "East: revenue $12,400 is 3.4σ above its 28-day mean of $5,100 (σ $2,150)". */
export function describeAnomaly(anomaly: RevenueAnomaly, regionName: string): string {
  const sigma = Math.abs(anomaly.z).toFixed(1);
  return `${regionName}: revenue ${formatMoney(anomaly.value)} is ${sigma}σ ${anomaly.direction} its ${anomaly.baselineDays}-day mean of ` +
    `${formatMoney(anomaly.mean)} (σ ${formatMoney(anomaly.stdDev)})`;
}
