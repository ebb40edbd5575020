import { isDatabaseUnavailable, isQueryCanceled, rootMessage } from '@/lib/database-errors';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });
const wrapped = (cause: unknown) => Object.assign(new Error('Failed query: select 1\nparams: '), { cause });

describe('isDatabaseUnavailable', () => {
  it('recognises unreachable, terminated and closed databases, and lost deadlock races, through wrappers', () => {
    for (const code of ['ECONNREFUSED', 'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'ETIMEDOUT', '08006', '57P01', '57P03', '40P01', '40001']) {
      expect(isDatabaseUnavailable(wrapped(withCode(code)))).toBe(true);
    }
    expect(isDatabaseUnavailable(new Error('PGlite is closed'))).toBe(true);
    // a socket error from another realm is not `instanceof Error` here
    expect(isDatabaseUnavailable({ message: 'Failed query', cause: { code: 'ECONNREFUSED' } })).toBe(true);
  });

  it('leaves errors that an event or a bug caused alone', () => {
    for (const code of ['22003', '23505', '42P01', '57014', 'ERR_SOMETHING']) expect(isDatabaseUnavailable(wrapped(withCode(code)))).toBe(false);
    expect(isDatabaseUnavailable(new RangeError('Invalid time value'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});

describe('rootMessage', () => {
  it('gives the database’s own words, not the wrapper’s', () => {
    expect(rootMessage(wrapped(withCode('22003', 'integer out of range')))).toBe('integer out of range');
    expect(rootMessage(new Error('plain'))).toBe('plain');
    expect(rootMessage('text')).toBe('text');
  });
});

describe('isQueryCanceled', () => {
  it('recognises a statement Postgres cancelled (57014), through wrappers, and nothing else', () => {
    expect(isQueryCanceled(wrapped(withCode('57014', 'canceling statement due to statement timeout')))).toBe(true);
    for (const code of ['57P01', '40001', '42P01']) expect(isQueryCanceled(wrapped(withCode(code)))).toBe(false);
    expect(isQueryCanceled(new Error('plain'))).toBe(false);
  });
});
