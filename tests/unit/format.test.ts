import { formatDateTime, formatOrDash, formatMoney, NO_VALUE } from '@/lib/format';

describe('one way to write a moment', () => {
  const at = new Date('2026-12-07T14:05:09Z');

  it('is 24-hour, in the zone asked for, and names the zone', () => {
    expect(formatDateTime(at, 'UTC')).toBe('2026-12-07 14:05 UTC');
    expect(formatDateTime(at, 'UTC', { seconds: true })).toBe('2026-12-07 14:05:09 UTC');
    expect(formatDateTime('2026-12-07T23:30:00Z', 'America/New_York')).toBe('2026-12-07 18:30 EST');
    expect(formatDateTime('2026-07-01T00:30:00Z', 'America/Los_Angeles')).toBe('2026-06-30 17:30 PDT');
  });

  it('writes midnight as 00, never 24', () => {
    expect(formatDateTime('2026-12-08T00:00:00Z', 'UTC')).toBe('2026-12-08 00:00 UTC');
  });
});

describe('a missing figure', () => {
  it('reads as a dash, and a zero as a zero', () => {
    expect(formatOrDash(formatMoney)(null)).toBe(NO_VALUE);
    expect(formatOrDash(formatMoney)(0)).toBe('$0');
  });
});
