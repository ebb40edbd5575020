import {
  addPeriods,
  buildCohortTriangle,
  cohortGrainOf,
  customerWindow,
  isoWeekOf,
  periodIndex,
  periodLabel,
  periodStart,
  periodStarts,
  runningPeriod,
} from '@/lib/analytics/cohorts';

describe('cohort periods', () => {
  it('counts whole calendar months, not 30-day steps', () => {
    expect(periodIndex('2026-01-31', '2026-02-01', 'month')).toBe(1);
    expect(periodIndex('2026-01-01', '2026-01-31', 'month')).toBe(0);
    expect(periodIndex('2026-01-31', '2026-03-01', 'month')).toBe(2);
    expect(periodIndex('2026-02-28', '2026-03-31', 'month')).toBe(1);
    expect(periodIndex('2025-12-31', '2026-01-01', 'month')).toBe(1);
    expect(periodIndex('2025-01-15', '2026-01-14', 'month')).toBe(12);
    expect(periodIndex('2026-03-01', '2026-02-28', 'month')).toBe(-1);
  });

  it('assigns Jan 31 to the January cohort and Feb 1 to the next period', () => {
    expect(periodStart('2026-01-31', 'month')).toBe('2026-01-01');
    expect(periodStart('2026-02-01', 'month')).toBe('2026-02-01');
    expect(periodStart('2024-02-29', 'month')).toBe('2024-02-01');
  });

  it('starts weeks on Monday, across year ends', () => {
    // 2026-01-01 is a Thursday: its ISO week starts on Monday 2025-12-29 and is 2026-W01.
    expect(periodStart('2026-01-01', 'week')).toBe('2025-12-29');
    expect(periodStart('2025-12-28', 'week')).toBe('2025-12-22');
    expect(periodStart('2025-12-29', 'week')).toBe('2025-12-29');
    expect(periodStart('2026-01-04', 'week')).toBe('2025-12-29');
    expect(periodStart('2026-01-05', 'week')).toBe('2026-01-05');
  });

  it('counts weekly periods across year ends, including 53-week years', () => {
    expect(periodIndex('2025-12-28', '2025-12-29', 'week')).toBe(1); // Sunday → Monday
    expect(periodIndex('2025-12-29', '2026-01-04', 'week')).toBe(0); // the same ISO week over New Year
    expect(periodIndex('2025-12-31', '2026-01-05', 'week')).toBe(1);
    expect(periodIndex('2020-12-31', '2021-01-03', 'week')).toBe(0); // 2020-W53
    expect(periodIndex('2020-12-31', '2021-01-04', 'week')).toBe(1);
    expect(periodIndex('2025-01-01', '2026-01-01', 'week')).toBe(52);
  });

  it('names ISO weeks by their week-numbering year', () => {
    expect(isoWeekOf('2025-12-29')).toEqual({ year: 2026, week: 1 });
    expect(isoWeekOf('2025-12-28')).toEqual({ year: 2025, week: 52 });
    expect(isoWeekOf('2021-01-03')).toEqual({ year: 2020, week: 53 });
    expect(isoWeekOf('2027-01-01')).toEqual({ year: 2026, week: 53 });
    expect(periodLabel('2025-12-29', 'week')).toBe('2026-W01');
    expect(periodLabel('2026-02-01', 'month')).toBe('Feb 2026');
  });

  it('steps periods forwards and backwards', () => {
    expect(addPeriods('2026-01-31', 1, 'month')).toBe('2026-02-01');
    expect(addPeriods('2026-03-15', -3, 'month')).toBe('2025-12-01');
    expect(addPeriods('2026-01-01', -1, 'week')).toBe('2025-12-22');
    expect(periodStarts('2025-11-30', '2026-01-02', 'month')).toEqual(['2025-11-01', '2025-12-01', '2026-01-01']);
    expect(periodStarts('2025-12-24', '2026-01-06', 'week')).toEqual(['2025-12-22', '2025-12-29', '2026-01-05']);
  });

  it('knows the period still running on the last day shown, and marks it in labels', () => {
    expect(runningPeriod('2026-03-15', 'month')).toBe('2026-03-01');
    expect(runningPeriod('2026-03-31', 'month')).toBeNull();
    expect(runningPeriod('2024-02-29', 'month')).toBeNull();
    expect(runningPeriod('2026-01-01', 'week')).toBe('2025-12-29'); // a Thursday
    expect(runningPeriod('2026-01-04', 'week')).toBeNull(); // a Sunday ends the ISO week
    expect(periodLabel('2026-03-01', 'month', '2026-03-15')).toBe('Mar 2026 (so far)');
    expect(periodLabel('2026-02-01', 'month', '2026-03-15')).toBe('Feb 2026');
    expect(periodLabel('2026-03-01', 'month', '2026-03-31')).toBe('Mar 2026');
    expect(periodLabel('2025-12-29', 'week', '2026-01-01')).toBe('2026-W01 (so far)');
  });

  it('reads the dashboard grain, with days shown as months', () => {
    expect(cohortGrainOf('week')).toBe('week');
    expect(cohortGrainOf('month')).toBe('month');
    expect(cohortGrainOf('day')).toBe('month');
  });

  it('widens a short range, keeps a long one and caps weekly windows at a year', () => {
    expect(customerWindow({ from: '2026-06-01', to: '2026-06-30' }, 'month')).toEqual({ from: '2025-07-01', to: '2026-06-30' });
    expect(customerWindow({ from: '2024-03-10', to: '2026-06-30' }, 'month')).toEqual({ from: '2024-03-01', to: '2026-06-30' });
    const weekly = customerWindow({ from: '2026-06-01', to: '2026-06-30' }, 'week');
    expect(weekly.from).toBe('2026-01-05');
    expect(periodStarts(weekly.from, weekly.to, 'week')).toHaveLength(26);
    const longWeekly = customerWindow({ from: '2024-01-01', to: '2026-06-30' }, 'week');
    expect(periodStarts(longWeekly.from, longWeekly.to, 'week')).toHaveLength(52);
    expect(customerWindow({ from: '2024-01-01', to: '2026-06-30' }, 'month').from).toBe('2024-01-01');
  });
});

describe('cohort triangle', () => {
  const window = { from: '2026-01-01', to: '2026-03-15' };

  it('lays out sizes, counts and retention, with unobserved periods null and the running one left out of retention', () => {
    const triangle = buildCohortTriangle(
      [
        { cohort: '2026-01-01', period: '2026-01-01', customers: 10 },
        { cohort: '2026-01-01', period: '2026-02-01', customers: 4 },
        { cohort: '2026-01-01', period: '2026-03-01', customers: 5 },
        { cohort: '2026-03-01', period: '2026-03-01', customers: 2 },
      ],
      'month',
      window,
    );
    expect(triangle.periods).toBe(3);
    expect(triangle.running).toBe('2026-03-01');
    expect(triangle.rows.map((r) => [r.cohort, r.label, r.size])).toEqual([
      ['2026-01-01', 'Jan 2026', 10],
      ['2026-02-01', 'Feb 2026', 0],
      ['2026-03-01', 'Mar 2026', 2],
    ]);
    // March is counted to the 15th only: its customers so far, but no retention (half a month is not a drop)
    expect(triangle.rows[0].customers).toEqual([10, 4, 5]);
    expect(triangle.rows[0].retention).toEqual([1, 0.4, null]);
    expect(triangle.rows[1].customers).toEqual([0, 0, null]);
    expect(triangle.rows[1].retention).toEqual([null, null, null]);
    expect(triangle.rows[2].customers).toEqual([2, null, null]);
    expect(triangle.rows[2].retention).toEqual([1, null, null]);
  });

  it('puts a Jan 31 first purchase and a Feb 1 return in periods 0 and 1', () => {
    const { rows } = buildCohortTriangle(
      [
        { cohort: periodStart('2026-01-31', 'month'), period: periodStart('2026-01-31', 'month'), customers: 1 },
        { cohort: periodStart('2026-01-31', 'month'), period: periodStart('2026-02-01', 'month'), customers: 1 },
      ],
      'month',
      window,
    );
    expect(rows[0].customers.slice(0, 2)).toEqual([1, 1]);
  });

  it('builds weekly triangles across a year end', () => {
    const { rows, periods } = buildCohortTriangle(
      [
        { cohort: '2025-12-22', period: '2025-12-22', customers: 3 },
        { cohort: '2025-12-22', period: '2025-12-29', customers: 2 },
        { cohort: '2025-12-29', period: '2025-12-29', customers: 1 },
      ],
      'week',
      { from: '2025-12-24', to: '2026-01-01' },
    );
    expect(periods).toBe(2);
    expect(rows.map((r) => r.label)).toEqual(['2025-W52', '2026-W01']);
    expect(rows[0].retention).toEqual([1, null]); // 2026-W01 runs to Sunday Jan 4
    expect(rows[1].customers).toEqual([1, null]);
    const ended = buildCohortTriangle([{ cohort: '2025-12-22', period: '2025-12-22', customers: 3 }, { cohort: '2025-12-22', period: '2025-12-29', customers: 2 }],
      'week', { from: '2025-12-24', to: '2026-01-04' });
    expect([ended.running, ended.rows[0].retention]).toEqual([null, [1, 2 / 3]]);
  });

  it('refuses a purchase before its cohort or outside the window', () => {
    expect(() => buildCohortTriangle([{ cohort: '2026-02-01', period: '2026-01-01', customers: 1 }], 'month', window)).toThrow(RangeError);
    expect(() => buildCohortTriangle([{ cohort: '2025-12-01', period: '2026-01-01', customers: 1 }], 'month', window)).toThrow(RangeError);
  });
});
