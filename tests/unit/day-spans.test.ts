import { addDays } from '@/lib/calendar/days';
import { coverWithSpans, lastDayOf, spanHolding, type DaySpan } from '@/lib/calendar/day-spans';

/** Every day the spans cover, in order. */
function daysOf(spans: DaySpan[]): string[] {
  return spans.flatMap((s) => Array.from({ length: 2 ** s.level }, (_, i) => addDays(s.first, i)));
}

function daysFrom(from: string, to: string): string[] {
  const days = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

describe('coverWithSpans', () => {
  it('covers a range exactly, each day once, with aligned spans', () => {
    // 1970-01-01 is day 0, so 2026-11-07 is day 20,764 (= 4 × 5,191): a 4-day span may start there.
    const spans = coverWithSpans('2026-11-07', '2026-12-06', 10);
    expect(daysOf(spans)).toEqual(daysFrom('2026-11-07', '2026-12-06'));
    for (const s of spans) expect(spanHolding(s.first, s.level)).toEqual(s);
  });

  it('needs at most two spans of each width, for ranges of every length and start', () => {
    let start = '2024-01-01';
    for (let i = 0; i < 400; i++) {
      start = addDays(start, 7);
      const end = addDays(start, (i * 37) % 900);
      const spans = coverWithSpans(start, end, 10);
      expect(daysOf(spans)).toEqual(daysFrom(start, end));
      const perLevel = new Map<number, number>();
      for (const s of spans) perLevel.set(s.level, (perLevel.get(s.level) ?? 0) + 1);
      expect(Math.max(...perLevel.values())).toBeLessThanOrEqual(2);
    }
  });

  it('turns a year into a couple of dozen spans instead of 365 days', () => {
    expect(coverWithSpans('2025-12-07', '2026-12-06', 10).length).toBeLessThanOrEqual(18);
  });

  it('never goes wider than the widest level kept', () => {
    const spans = coverWithSpans('2020-01-01', '2026-12-31', 4);
    expect(Math.max(...spans.map((s) => s.level))).toBe(4);
    expect(daysOf(spans)).toHaveLength(daysFrom('2020-01-01', '2026-12-31').length);
  });

  it('gives a single day as one span of one day', () => {
    expect(coverWithSpans('2026-03-05', '2026-03-05', 10)).toEqual([{ level: 0, first: '2026-03-05' }]);
  });
});

describe('spanHolding', () => {
  it('finds the aligned span a day belongs to, and its last day', () => {
    const span = spanHolding('2026-12-06', 3);
    expect(span.first <= '2026-12-06' && lastDayOf(span) >= '2026-12-06').toBe(true);
    expect(lastDayOf(span)).toBe(addDays(span.first, 7));
    expect(spanHolding(lastDayOf(span), 3)).toEqual(span);
    expect(spanHolding(addDays(lastDayOf(span), 1), 3).first).toBe(addDays(span.first, 8));
  });
});
