import { queryCacheKey, stableJson } from '@/lib/cache/keys';

const versions = (...pairs: [number, number][]) => pairs.map(([regionId, version]) => ({ regionId, version }));
const key = (overrides: Partial<Parameters<typeof queryCacheKey>[0]> = {}) =>
  queryCacheKey({ namespace: 'rw', query: 'kpis', params: { from: '2025-06-01', to: '2025-06-30' }, versions: versions([1, 3]), ...overrides });

describe('cache keys', () => {
  it('stable JSON sorts object keys at every depth and keeps array order', () => {
    expect(stableJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
    expect(stableJson({ a: 1, b: 2 })).toBe(stableJson({ b: 2, a: 1 }));
    expect(stableJson({ a: undefined, when: new Date('2025-06-01T00:00:00Z') })).toBe('{"when":"2025-06-01T00:00:00.000Z"}');
    expect(stableJson(undefined)).toBe('null');
    expect(() => stableJson({ ids: new Set([1]) })).toThrow(/JSON/);
  });

  it('names the query, the regions with their versions, and a hash of the parameters', () => {
    expect(key()).toMatch(/^rw:q2:kpis:1\.3:[A-Za-z0-9_-]{43}$/);
    expect(key({ versions: versions([2, 0], [1, 7]) })).toMatch(/^rw:q2:kpis:1\.7,2\.0:/);
  });

  it('changes with every input, and only with what the answer depends on', () => {
    const base = key();
    expect(key({ params: { to: '2025-06-30', from: '2025-06-01' } })).toBe(base);
    expect(key({ params: { from: '2025-06-01', to: '2025-06-29' } })).not.toBe(base);
    expect(key({ query: 'trend' })).not.toBe(base);
    expect(key({ versions: versions([1, 4]) })).not.toBe(base);
    expect(key({ versions: versions([2, 3]) })).not.toBe(base);
    expect(key({ versions: versions([1, 3], [2, 0]) })).not.toBe(base);
    expect(key({ namespace: 'other' })).not.toBe(base);
  });

  it('refuses names that could blur the key format, and scopes without regions', () => {
    expect(() => key({ query: 'kpis:1.3' })).toThrow(/query name/);
    expect(() => key({ versions: [] })).toThrow(/region/);
  });
});
