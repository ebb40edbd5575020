// The wait a rate-limited person is told: whole minutes rounded up, and a 24-hour clock time that is
// never before the moment the limiter lets them in again.
import fc from 'fast-check';
import { retryAfterSeconds, tryAgainSentence, waitInMinutes } from '@/lib/auth/retry-message';

const NOON = new Date('2026-12-07T12:00:00Z');

describe('tryAgainSentence', () => {
  it('says how many minutes and at what time, 24-hour, in the given zone', () => {
    expect(tryAgainSentence(60, NOON, 'UTC')).toBe('Try again in 1 minute (at 12:01).');
    expect(tryAgainSentence(20, new Date('2026-12-07T13:59:50Z'), 'UTC')).toBe('Try again in 1 minute (at 14:01).');
    expect(tryAgainSentence(45 * 60, new Date('2026-12-07T22:30:00Z'), 'America/New_York')).toBe('Try again in 45 minutes (at 18:15).');
    expect(tryAgainSentence(3600, new Date('2026-12-07T23:30:00Z'), 'UTC')).toBe('Try again in 60 minutes (at 00:30).');
  });

  it('never says 0 minutes and never names a time before the wait is over', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 24 * 3600 }), fc.integer({ min: 0, max: 10 * 365 * 86_400_000 }), (seconds, offset) => {
        const now = new Date(Date.UTC(2020, 0, 1) + offset);
        const sentence = tryAgainSentence(seconds, now, 'UTC');
        const match = /^Try again in (\d+) (minute|minutes) \(at (\d{2}):(\d{2})\)\.$/.exec(sentence);
        expect(match).not.toBeNull();
        const minutes = Number(match![1]);
        expect(minutes).toBe(Math.max(1, Math.ceil(seconds / 60)));
        expect(match![2]).toBe(minutes === 1 ? 'minute' : 'minutes');
        // The named minute is the first whole minute at or after the end of the wait.
        const end = now.getTime() + Math.max(1, seconds) * 1000;
        const named = Math.ceil(end / 60_000) * 60_000;
        expect(named - end).toBeLessThan(60_000);
        expect(`${match![3]}:${match![4]}`).toBe(new Date(named).toISOString().slice(11, 16));
      }),
    );
  });
});

describe('waitInMinutes', () => {
  it.each([[1, '1 minute'], [60, '1 minute'], [61, '2 minutes'], [900, '15 minutes']])('%i seconds read %s', (seconds, text) => {
    expect(waitInMinutes(seconds)).toBe(text);
  });
});

describe('retryAfterSeconds', () => {
  it('reads a Retry-After of whole seconds and nothing else', () => {
    expect(retryAfterSeconds('42')).toBe(42);
    expect(retryAfterSeconds(' 7 ')).toBe(7);
    for (const bad of [null, '', '0', '-3', '1.5', 'soon', 'Wed, 21 Oct 2026 07:28:00 GMT']) expect(retryAfterSeconds(bad)).toBeNull();
  });
});
