import { FailureLog } from '@/lib/upstash/failure-log';

describe('failure log', () => {
  it('writes at most once per interval and says how many it left out', () => {
    const write = jest.fn();
    const log = new FailureLog('cache unavailable', 60_000, write);
    const error = new Error('down');
    log.report(error, 0);
    log.report(error, 1_000);
    log.report(error, 59_999);
    log.report(error, 60_000);
    expect(write.mock.calls).toEqual([
      ['[retailwave] cache unavailable', error],
      ['[retailwave] cache unavailable (2 more since the last report)', error],
    ]);
  });
});
