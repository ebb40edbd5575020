import { clientAddress, FORWARDED_CHAIN_HEADER, forwardedForHeaders } from '@/lib/auth/client-address';
import { isProxyEntry, trustedProxies } from '@/lib/http/trusted-proxies';

/** Headers as a route handler sees them: the socket peer from Next, the request's own chain moved aside. */
const seen = (peer: string | null, chain?: string) => {
  const headers = new Headers();
  if (peer) headers.set('x-forwarded-for', peer);
  if (chain) headers.set(FORWARDED_CHAIN_HEADER, chain);
  return headers;
};

describe('client address', () => {
  const none = trustedProxies([]);
  const proxies = trustedProxies(['10.0.0.0/8', '192.0.2.10', 'fd00::/8']);

  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    expect(clientAddress(seen('198.51.100.7', '203.0.113.1'), none)).toBe('198.51.100.7');
    expect(clientAddress(seen('::ffff:198.51.100.7', '203.0.113.1, 10.0.0.1'), none)).toBe('198.51.100.7');
  });

  it('is the socket peer when the peer is not a trusted proxy, even if the chain names trusted hops', () => {
    expect(clientAddress(seen('198.51.100.7', '203.0.113.1, 10.0.0.1'), proxies)).toBe('198.51.100.7');
  });

  it('walks the chain right to left past trusted proxies to the first untrusted hop', () => {
    expect(clientAddress(seen('10.0.0.1', '203.0.113.66, 198.51.100.9'), proxies)).toBe('198.51.100.9');
    expect(clientAddress(seen('10.0.0.1', '203.0.113.66, 198.51.100.9, 192.0.2.10'), proxies)).toBe('198.51.100.9');
    expect(clientAddress(seen('fd00::1', '2001:db8::5'), proxies)).toBe('2001:db8::5');
    // Every hop trusted: the farthest one is all we know.
    expect(clientAddress(seen('10.0.0.1', '10.0.0.2, 10.0.0.3'), proxies)).toBe('10.0.0.2');
    // A trusted proxy without a chain: the proxy is the client as far as we can tell.
    expect(clientAddress(seen('10.0.0.1'), proxies)).toBe('10.0.0.1');
  });

  it('stops at garbage behind a trusted proxy instead of believing it', () => {
    expect(clientAddress(seen('10.0.0.1', 'evil, 10.0.0.2'), proxies)).toBe('10.0.0.2');
    expect(clientAddress(seen('10.0.0.1', '198.51.100.9, not-an-ip'), proxies)).toBe('10.0.0.1');
  });

  it('is unknown without a single valid peer address', () => {
    expect(clientAddress(seen(null), none)).toBeNull();
    expect(clientAddress(seen('1.2.3.4, 5.6.7.8'), none)).toBeNull();
    expect(clientAddress(seen('localhost'), none)).toBeNull();
  });

  it('reads plain header records too (next-auth hands authorize one)', () => {
    expect(clientAddress({ 'x-forwarded-for': '198.51.100.7', [FORWARDED_CHAIN_HEADER]: '1.1.1.1' }, none)).toBe('198.51.100.7');
  });

  it('middleware moves the request’s own X-Forwarded-For aside so Next can write the peer', () => {
    const headers = new Headers({ 'x-forwarded-for': '203.0.113.1, 10.0.0.1' });
    forwardedForHeaders(headers);
    expect(headers.get('x-forwarded-for')).toBeNull();
    expect(headers.get(FORWARDED_CHAIN_HEADER)).toBe('203.0.113.1, 10.0.0.1');
    const without = new Headers();
    forwardedForHeaders(without);
    expect([...without.keys()]).toEqual([]);
  });

  it('middleware hands the app the chain aside and no X-Forwarded-For of the client’s own', async () => {
    const { NextRequest } = await import('next/server');
    const { middleware } = await import('@/middleware');
    const forged = { 'x-forwarded-for': '203.0.113.1', [FORWARDED_CHAIN_HEADER]: '10.9.9.9' };
    const res = await middleware(new NextRequest('http://portal.test/login', { headers: forged }));
    const overridden = (res.headers.get('x-middleware-override-headers') ?? '').split(',');
    expect(overridden).not.toContain('x-forwarded-for');
    expect(res.headers.get(`x-middleware-request-${FORWARDED_CHAIN_HEADER}`)).toBe('203.0.113.1');
  });

  it('accepts TRUST_PROXY entries that are addresses or CIDR ranges only', () => {
    for (const ok of ['10.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8', '0.0.0.0/0']) expect(isProxyEntry(ok)).toBe(true);
    for (const bad of ['10.0.0.0/33', 'fd00::/129', 'proxy.local', '10.0.0.0/8/1', '10.0.0.0/', '10.0.0.0/x', '']) expect(isProxyEntry(bad)).toBe(false);
  });
});
