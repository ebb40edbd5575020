import type { Principal } from '@/lib/auth/principal';
import { isCacheablePageRequest, pageCacheKey, pageEncoding, type PageKeyParts } from '@/lib/page-cache/page-key';

const east: Principal = { userId: '7d1c7c3e-0c36-4bb2-9a62-3f1f6a3d9b10', email: 'east@x.test', name: 'East', role: 'manager', regionIds: [2], sessionVersion: 1, isActive: true };
const base: PageKeyParts = {
  viewer: east, pathname: '/dashboards/sales', search: '?from=2026-01-01&to=2026-01-31',
  versions: [{ regionId: 2, version: 7 }], day: '2026-12-06', encoding: 'gzip',
};

describe('page cache keys', () => {
  it('are the same for every viewer with the same role and regions, whoever they are', () => {
    const colleague: Principal = { ...east, userId: '0f2f8f0a-8d0e-4a3a-9a11-5a8a1f1b2c3d', email: 'other@x.test', name: 'Other', sessionVersion: 4 };
    expect(pageCacheKey({ ...base, viewer: colleague })).toBe(pageCacheKey(base));
    expect(pageCacheKey({ ...base, viewer: { role: 'analyst', regionIds: [5, 2] } })).toBe(pageCacheKey({ ...base, viewer: { role: 'analyst', regionIds: [2, 5] } }));
  });

  it.each<[string, Partial<PageKeyParts>]>([
    ['a viewer with other regions', { viewer: { ...east, regionIds: [2, 5] } }],
    ['a viewer with another role', { viewer: { ...east, role: 'viewer' } }],
    ['new data in the region', { versions: [{ regionId: 2, version: 8 }] }],
    ['another view', { search: '?from=2026-01-01&to=2026-02-28' }],
    ['another dashboard', { pathname: '/dashboards/products' }],
    ['the next day', { day: '2026-12-07' }],
    ['another encoding', { encoding: 'identity' }],
  ])('differ for %s', (_what, change) => {
    expect(pageCacheKey({ ...base, ...change })).not.toBe(pageCacheKey(base));
  });

  it('keep only whole dashboard documents', () => {
    const headers = (h: Record<string, string> = {}) => ({ get: (n: string) => h[n] ?? null });
    expect(isCacheablePageRequest({ method: 'GET', pathname: '/dashboards/sales', headers: headers() })).toBe(true);
    expect(isCacheablePageRequest({ method: 'GET', pathname: '/dashboards/customers', headers: headers() })).toBe(true);
    expect(isCacheablePageRequest({ method: 'GET', pathname: '/dashboards/live', headers: headers() })).toBe(false);
    expect(isCacheablePageRequest({ method: 'GET', pathname: '/admin/users', headers: headers() })).toBe(false);
    expect(isCacheablePageRequest({ method: 'POST', pathname: '/dashboards/sales', headers: headers() })).toBe(false);
    expect(isCacheablePageRequest({ method: 'GET', pathname: '/dashboards/sales', headers: headers({ rsc: '1' }) })).toBe(false);
    expect(isCacheablePageRequest({ method: 'GET', pathname: '/dashboards/sales', headers: headers({ 'next-router-prefetch': '1' }) })).toBe(false);
  });

  it('expect gzip exactly when the client accepts it', () => {
    expect(pageEncoding('gzip, deflate, br, zstd')).toBe('gzip');
    expect(pageEncoding('br;q=1.0, gzip;q=0.8')).toBe('gzip');
    expect(pageEncoding('gzip;q=0')).toBe('identity');
    expect(pageEncoding('br')).toBe('identity');
    expect(pageEncoding(null)).toBe('identity');
  });
});
