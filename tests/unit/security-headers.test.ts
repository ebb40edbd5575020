// The security headers every response carries (lib/http/security-headers.ts), read the way a browser reads them.
import { contentSecurityPolicy, newNonce, securityHeaders } from '@/lib/http/security-headers';

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]));
}

describe('security headers', () => {
  const nonce = newNonce();
  const csp = directives(contentSecurityPolicy(nonce));

  it('runs only scripts with the response’s nonce (and what they load), never eval or inline code', () => {
    expect(csp.get('script-src')).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(contentSecurityPolicy(nonce)).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  it('cannot be framed, embed plugins, rebase URLs or post forms elsewhere', () => {
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
  });

  it('names no other origin anywhere', () => {
    const sources = [...csp.values()].flat();
    expect(sources.filter((s) => !/^'[^']+'$/.test(s) && s !== 'data:' && s !== 'blob:')).toEqual([]);
  });

  it('uses a fresh nonce each time, unguessable and safe in a header', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(Buffer.from(n, 'base64')).toHaveLength(16);
  });

  it('sets the framing, sniffing, referrer, transport and device headers', () => {
    const headers = securityHeaders(nonce);
    expect(headers).toMatchObject({
      'X-Frame-Options': 'DENY',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    });
    expect(headers['Strict-Transport-Security']).toMatch(/^max-age=\d{8,}/);
    for (const feature of ['camera', 'microphone', 'geolocation']) expect(headers['Permissions-Policy']).toContain(`${feature}=()`);
    expect(headers['Content-Security-Policy']).toBe(contentSecurityPolicy(nonce));
  });
});
