import os from 'node:os';
import { serverProcessCount } from '@/lib/cli/serve-cluster';
import { EnvError, parseEnv } from '@/lib/env';

describe('settings', () => {
  it('applies the documented defaults', () => {
    const env = parseEnv({});
    expect(env.DATA_DIR).toBe('.data');
    expect(env.PORT).toBe(3000);
    expect(env.REPORTING_TIME_ZONE).toBe('UTC');
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.INGEST_API_KEYS).toEqual([]);
  });

  it('names every bad variable in one message', () => {
    expect(() => parseEnv({ PORT: 'eighty', REPORTING_TIME_ZONE: 'Mars/Olympus', DATABASE_URL: 'not a url' })).toThrow(EnvError);
    try {
      parseEnv({ PORT: 'eighty', REPORTING_TIME_ZONE: 'Mars/Olympus', DATABASE_URL: 'not a url' });
    } catch (e) {
      const message = (e as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('REPORTING_TIME_ZONE');
      expect(message).toContain('DATABASE_URL');
    }
  });

  it('trusts no proxy unless TRUST_PROXY names addresses or CIDR ranges, and refuses anything else', () => {
    expect(parseEnv({}).TRUST_PROXY).toEqual([]);
    expect(parseEnv({ TRUST_PROXY: ' 10.0.0.0/8, 192.0.2.1 ,fd00::/8' }).TRUST_PROXY).toEqual(['10.0.0.0/8', '192.0.2.1', 'fd00::/8']);
    expect(() => parseEnv({ TRUST_PROXY: '10.0.0.0/8, proxy.internal' })).toThrow(/TRUST_PROXY/);
    expect(() => parseEnv({ TRUST_PROXY: '10.0.0.0/40' })).toThrow(/TRUST_PROXY/);
  });

  it('wants both Upstash variables or neither', () => {
    expect(() => parseEnv({ UPSTASH_REDIS_REST_URL: 'https://x.upstash.io' })).toThrow(/UPSTASH_REDIS_REST_TOKEN/);
  });

  it('runs one server process per CPU on Postgres, one on the embedded database, or WEB_CONCURRENCY', () => {
    expect(serverProcessCount(parseEnv({}))).toBe(1);
    expect(serverProcessCount(parseEnv({ DATABASE_URL: 'postgres://db/x' }))).toBe(os.availableParallelism());
    expect(serverProcessCount(parseEnv({ DATABASE_URL: 'postgres://db/x', WEB_CONCURRENCY: '3' }))).toBe(3);
    expect(serverProcessCount(parseEnv({ WEB_CONCURRENCY: '1' }))).toBe(1);
  });

  it('refuses several server processes on the embedded database, which one process holds', () => {
    expect(() => parseEnv({ WEB_CONCURRENCY: '2' })).toThrow(/WEB_CONCURRENCY: the embedded database serves one process/);
    expect(() => parseEnv({ DATABASE_URL: 'postgres://db/x', WEB_CONCURRENCY: '0' })).toThrow(/WEB_CONCURRENCY/);
  });

  it('leaves the dashboard read bounds to their defaults unless set, and refuses values out of range', () => {
    const unset = parseEnv({ DASHBOARD_READ_SLOTS: '' });
    expect([unset.DASHBOARD_READ_SLOTS, unset.DASHBOARD_STATEMENT_TIMEOUT_MS, unset.DASHBOARD_QUEUE_TIMEOUT_MS]).toEqual([undefined, undefined, undefined]);
    const set = parseEnv({ DASHBOARD_READ_SLOTS: '3', DASHBOARD_STATEMENT_TIMEOUT_MS: '5000', DASHBOARD_QUEUE_TIMEOUT_MS: '20000' });
    expect([set.DASHBOARD_READ_SLOTS, set.DASHBOARD_STATEMENT_TIMEOUT_MS, set.DASHBOARD_QUEUE_TIMEOUT_MS]).toEqual([3, 5000, 20000]);
    expect(() => parseEnv({ DASHBOARD_READ_SLOTS: '0' })).toThrow(/DASHBOARD_READ_SLOTS/);
    expect(() => parseEnv({ DASHBOARD_STATEMENT_TIMEOUT_MS: 'ten seconds' })).toThrow(/DASHBOARD_STATEMENT_TIMEOUT_MS/);
    expect(() => parseEnv({ DASHBOARD_QUEUE_TIMEOUT_MS: '1.5' })).toThrow(/DASHBOARD_QUEUE_TIMEOUT_MS/);
  });

  it('splits ingest keys', () => {
    expect(parseEnv({ INGEST_API_KEYS: 'aaaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbb' }).INGEST_API_KEYS).toEqual(['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb']);
  });
});
