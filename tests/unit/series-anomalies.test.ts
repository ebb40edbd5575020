import fc from 'fast-check';
import {
  describeSeriesAnomaly, findSeriesAnomalies, historyStart, median, robustBaseline, SERIES_ANOMALY_RULES, type SeriesPoint,
} from '@/lib/analytics/series-anomalies';
import { addDays, isoWeekday } from '@/lib/calendar/days';
import { nextPeriod, type Grain } from '@/lib/calendar/periods';

const FIRST = '2025-01-06'; // a Monday, first of a week
const TODAY = '2027-01-01'; // after every series here: nothing is in progress

function series(grain: Grain, values: readonly number[], first = grain === 'month' ? '2025-01-01' : FIRST): SeriesPoint[] {
  const out: SeriesPoint[] = [];
  let period = first;
  for (const value of values) {
    out.push({ period, value });
    period = nextPeriod(period, grain);
  }
  return out;
}

/** The options for checking every period of `points` after the first `skip` (the history). */
function whole(points: SeriesPoint[], grain: Grain, skip: number) {
  const last = points[points.length - 1].period;
  return { from: points[skip].period, to: addDays(nextPeriod(last, grain), -1), today: TODAY };
}

const grainArb = fc.constantFrom<Grain>('day', 'week', 'month');
const lengthOf = (grain: Grain) => (grain === 'day' ? 120 : grain === 'week' ? 40 : 30);

describe('robust baseline', () => {
  it('is the median with the scaled MAD as spread, floored at a share of the median', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(robustBaseline([90, 100, 110, 100, 95, 105], 6)).toEqual({ median: 100, spread: 1.4826 * 5 });
    expect(robustBaseline([100, 100, 100, 100, 100, 100], 6)).toEqual({ median: 100, spread: 100 * SERIES_ANOMALY_RULES.minRelativeSpread });
  });

  it('gives no verdict on a short baseline or one with nothing sold', () => {
    expect(robustBaseline([100, 120, 80], 6)).toBeNull();
    expect(robustBaseline([0, 0, 0, 0, 0, 0], 6)).toBeNull();
  });
});

describe('series anomalies (properties)', () => {
  it('a constant series has none, at any grain', () => {
    fc.assert(fc.property(grainArb, fc.double({ min: 0, max: 1e7, noNaN: true }), (grain, value) => {
      const points = series(grain, Array(lengthOf(grain)).fill(value));
      expect(findSeriesAnomalies(points, grain, whole(points, grain, 0))).toEqual([]);
    }));
  });

  it('a perfectly weekly series has none, at any grain', () => {
    const week = fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 7, maxLength: 7 });
    fc.assert(fc.property(week, (weekValues) => {
      const days = series('day', Array.from({ length: 7 * 30 }, (_, i) => weekValues[i % 7]));
      expect(findSeriesAnomalies(days, 'day', whole(days, 'day', 0))).toEqual([]);
      const total = weekValues.reduce((a, b) => a + b, 0);
      const weeks = series('week', Array(30).fill(total));
      expect(findSeriesAnomalies(weeks, 'week', whole(weeks, 'week', 0))).toEqual([]);
    }), { numRuns: 40 });
  });

  it('finds one spike (or drop) in a noisy weekly pattern, and only it', () => {
    fc.assert(fc.property(
      grainArb,
      fc.integer({ min: 0, max: 1_000_000 }),
      fc.double({ min: 0.6, max: 20, noNaN: true }),
      fc.boolean(),
      (grain, seed, size, down) => {
        const n = lengthOf(grain);
        // ±2% deterministic noise on a weekly shape: a realistic spread that a 60% jump clears by far
        const noise = (i: number) => 1 + 0.02 * Math.sin(seed + i * 12.9898);
        const values = Array.from({ length: n }, (_, i) => (grain === 'day' ? [80, 70, 75, 90, 120, 160, 140][i % 7] : 1_000) * noise(i));
        const at = n - 1 - (seed % 5);
        values[at] = down ? 0 : values[at] * (1 + size);
        const points = series(grain, values);
        const found = findSeriesAnomalies(points, grain, whole(points, grain, SERIES_ANOMALY_RULES.baseline[grain].points));
        expect(found.map((a) => [a.period, a.direction])).toEqual([[points[at].period, down ? 'below' : 'above']]);
      },
    ));
  });

  it('never flags a day the weekday filter leaves out, nor compares with one', () => {
    fc.assert(fc.property(
      fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 6 }),
      fc.array(fc.double({ min: 0, max: 1e5, noNaN: true }), { minLength: 140, maxLength: 140 }),
      (weekdays, values) => {
        const points = series('day', values);
        for (const a of findSeriesAnomalies(points, 'day', { ...whole(points, 'day', 0), weekdays })) {
          expect(weekdays).toContain(isoWeekday(a.period));
        }
      },
    ));
    // A Monday-only view: the other days are nearly $0 and would all look anomalous against Mondays.
    const mondays = series('day', Array.from({ length: 140 }, (_, i) => (i % 7 === 0 ? 1_000 + (i % 3) * 10 : i % 7 === 1 ? 3 : 0)));
    expect(findSeriesAnomalies(mondays, 'day', { ...whole(mondays, 'day', 0), weekdays: [1] })).toEqual([]);
  });
});

describe('series anomalies (rules)', () => {
  it('checks only whole periods of the range: a week or month cut by from or to is drawn smaller and skipped', () => {
    const weeks = series('week', [...Array(20).fill(1_000)]);
    weeks[12].value = 5_000;
    const cutFrom = { from: addDays(weeks[12].period, 2), to: addDays(weeks[19].period, 6), today: TODAY };
    expect(findSeriesAnomalies(weeks, 'week', cutFrom)).toEqual([]);
    const cutTo = { from: weeks[12].period, to: addDays(weeks[12].period, 3), today: TODAY };
    expect(findSeriesAnomalies(weeks, 'week', cutTo)).toEqual([]);
    expect(findSeriesAnomalies(weeks, 'week', { ...cutTo, to: addDays(weeks[12].period, 6) }).map((a) => a.period)).toEqual([weeks[12].period]);
  });

  it('a period in progress is flagged only above usual', () => {
    const days = series('day', Array(70).fill(1_000));
    const today = days[69].period;
    days[69].value = 100;
    expect(findSeriesAnomalies(days, 'day', { from: days[56].period, to: today, today })).toEqual([]);
    days[69].value = 3_000;
    expect(findSeriesAnomalies(days, 'day', { from: days[56].period, to: today, today }).map((a) => a.direction)).toEqual(['above']);
  });

  it('needs a year of months, and reads no data before the first sale as a baseline', () => {
    const months = series('month', [...Array(12).fill(0), ...Array(11).fill(1_000), 9_000]);
    expect(findSeriesAnomalies(months, 'month', whole(months, 'month', 12))).toEqual([]);
    const longer = series('month', [...Array(12).fill(1_000), 9_000]);
    expect(findSeriesAnomalies(longer, 'month', whole(longer, 'month', 12)).map((a) => a.period)).toEqual(['2026-01-01']);
  });

  it('history starts a full baseline before the range', () => {
    expect(historyStart('2026-03-11', 'day')).toBe(addDays('2026-03-11', -56));
    expect(historyStart('2026-03-11', 'week')).toBe('2025-12-15');
    expect(historyStart('2026-03-11', 'month')).toBe('2025-03-01');
  });

  it('describes the baseline it used', () => {
    const text = describeSeriesAnomaly({ period: '2026-03-30', value: 12_400, median: 5_100, spread: 700, z: 10.43, baselinePoints: 8, direction: 'above' }, 'day');
    expect(text).toBe('Revenue $12,400 is 10.4σ above the median of the 8 previous Mondays ($5,100)');
  });
});
