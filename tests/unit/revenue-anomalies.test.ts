import {
  ANOMALY_RULES, describeAnomaly, findAnomalies, meanAndStdDev, zeroFilledDays, zScore, type DailyValue,
} from '@/lib/analytics/revenue-anomalies';
import { addDays } from '@/lib/calendar/days';

/** `n` consecutive days from 2026-03-01 with values alternating around 1,000 (mean 1,000, sd ≈ 101.8). */
function steadySeries(n: number): DailyValue[] {
  return Array.from({ length: n }, (_, i) => ({ day: addDays('2026-03-01', i), value: i % 2 === 0 ? 900 : 1_100 }));
}

describe('z-score maths', () => {
  it('uses the sample standard deviation', () => {
    expect(meanAndStdDev([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ mean: 5, stdDev: Math.sqrt(32 / 7) });
    expect(meanAndStdDev([])).toEqual({ mean: 0, stdDev: 0 });
    expect(meanAndStdDev([3])).toEqual({ mean: 3, stdDev: 0 });
  });

  it('measures a value in standard deviations from the baseline mean', () => {
    const baseline = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 90 : 110));
    const score = zScore(150, baseline);
    expect(score?.mean).toBe(100);
    expect(score?.z).toBeCloseTo(50 / meanAndStdDev(baseline).stdDev, 10);
    expect(score?.baselineDays).toBe(20);
  });

  it('gives no verdict on a short or flat baseline', () => {
    expect(zScore(500, [100, 120, 80])).toBeNull();
    expect(zScore(500, Array(20).fill(100))).toBeNull();
    expect(zScore(500, Array(20).fill(0))).toBeNull();
  });
});

describe('rolling anomalies', () => {
  it('flags a spike above 3σ of the trailing 28 days, not the ordinary days', () => {
    const series = steadySeries(40);
    series[35] = { ...series[35], value: 2_000 };
    const found = findAnomalies(series);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ day: series[35].day, value: 2_000, direction: 'above', baselineDays: 28 });
    expect(found[0].mean).toBeCloseTo(1_000, 6);
    expect(found[0].z).toBeGreaterThan(ANOMALY_RULES.zThreshold);
  });

  it('excludes the checked day from its own baseline and flags drops too', () => {
    const series = steadySeries(30);
    series[29] = { ...series[29], value: 0 };
    const [drop] = findAnomalies(series);
    expect(drop).toMatchObject({ day: series[29].day, direction: 'below' });
    expect(drop.z).toBeCloseTo(-1_000 / meanAndStdDev(series.slice(1, 29).map((d) => d.value)).stdDev, 10);
  });

  it('respects the threshold, the from day and the minimum baseline', () => {
    const series = steadySeries(40);
    series[1] = { ...series[1], value: 5_000 }; // one day of baseline: no verdict (and outside day 30’s window)
    series[30] = { ...series[30], value: 1_350 }; // about 3.4σ
    expect(findAnomalies(series).map((a) => a.day)).toEqual([series[30].day]);
    expect(findAnomalies(series, { zThreshold: 4 })).toEqual([]);
    expect(findAnomalies(series, { from: series[31].day })).toEqual([]);
  });

  it('checks the day in progress for highs only', () => {
    const series = steadySeries(30);
    const today = series[29].day;
    series[29] = { day: today, value: 150 }; // a morning's revenue so far
    expect(findAnomalies(series, { partialDay: today })).toEqual([]);
    series[29] = { day: today, value: 3_000 };
    expect(findAnomalies(series, { partialDay: today }).map((a) => a.direction)).toEqual(['above']);
  });

  it('zero-fills days without sales from the first day with any, up to the last day asked for', () => {
    const filled = zeroFilledDays([{ day: '2026-03-03', value: 5 }, { day: '2026-03-01', value: 2 }], '2026-03-04');
    expect(filled).toEqual([
      { day: '2026-03-01', value: 2 }, { day: '2026-03-02', value: 0 }, { day: '2026-03-03', value: 5 }, { day: '2026-03-04', value: 0 },
    ]);
    expect(zeroFilledDays([], '2026-03-04')).toEqual([]);
  });

  it('says what is unusual in words', () => {
    const text = describeAnomaly({ day: '2026-03-30', value: 12_400, mean: 5_100, stdDev: 2_150, z: 3.395, baselineDays: 28, direction: 'above' }, 'East');
    expect(text).toBe('East: revenue $12,400 is 3.4σ above its 28-day mean of $5,100 (σ $2,150)');
  });
});

