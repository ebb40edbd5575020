import { lastDayOf } from '@/lib/calendar/day-spans';
import { addDays } from '@/lib/calendar/days';
import { periodEnd, periodPieces } from '@/lib/queries/internal/customer-periods';

/** Every day a period's pieces cover, in order. */
function daysOf(pieces: ReturnType<typeof periodPieces>, period: string): string[] {
  const days: string[] = [];
  for (const s of pieces.spans.filter((p) => p.period === period)) {
    for (let day = s.first; day <= lastDayOf(s); day = addDays(day, 1)) days.push(day);
  }
  days.push(...pieces.days.filter((p) => p.period === period).map((p) => p.day));
  return days.sort();
}

const range = (from: string, to: string) => Array.from({ length: 1 + (Date.parse(to) - Date.parse(from)) / 86_400_000 }, (_, i) => addDays(from, i));

describe('customer periods', () => {
  it('covers each run of days exactly, with spans up to the horizon and single days after it', () => {
    const runs = [
      { period: '2025-12-31', from: '2024-01-01', to: '2025-12-31' },
      { period: '2026-01-01', from: '2026-01-01', to: '2026-01-31' },
      { period: '2026-02-01', from: '2026-02-01', to: '2026-02-20' },
    ];
    const pieces = periodPieces(runs, '2026-02-10');
    for (const run of runs) expect({ period: run.period, days: daysOf(pieces, run.period) }).toEqual({ period: run.period, days: range(run.from, run.to) });
    // no span reaches past the horizon, and a long run takes a few wide spans rather than a day each
    expect(pieces.spans.every((s) => lastDayOf(s) <= '2026-02-10')).toBe(true);
    expect(pieces.spans.filter((s) => s.period === '2025-12-31').length).toBeLessThan(20);
    expect(pieces.days.filter((d) => d.period === '2026-02-01').map((d) => d.day)).toEqual(expect.arrayContaining(range('2026-02-11', '2026-02-20')));
  });

  it('reads a run wholly after the horizon as single days', () => {
    const pieces = periodPieces([{ period: '2026-03-01', from: '2026-03-05', to: '2026-03-08' }], '2026-02-28');
    expect(pieces.spans).toEqual([]);
    expect(pieces.days.map((d) => d.day)).toEqual(range('2026-03-05', '2026-03-08'));
  });

  it('ends months and ISO weeks on their last day', () => {
    expect(periodEnd('2024-02-01', 'month')).toBe('2024-02-29');
    expect(periodEnd('2025-12-29', 'week')).toBe('2026-01-04');
  });
});
