import fc from 'fast-check';
import { safeCallbackPath } from '@/lib/auth/callback-url';

const ORIGIN = 'https://portal.example';

/** What a browser makes of the path on the portal's page. */
function landsOnPortal(path: string): boolean {
  return /^\/[^/\\]/.test(path) && new URL(path, ORIGIN).origin === ORIGIN;
}

describe('callback URL after sign-in', () => {
  it('keeps same-origin paths with their query and fragment', () => {
    expect(safeCallbackPath('/dashboards/sales?from=2026-01-01&regions=East#top')).toBe('/dashboards/sales?from=2026-01-01&regions=East#top');
    expect(safeCallbackPath(`${ORIGIN}/explore?x=1`, ORIGIN)).toBe('/explore?x=1');
  });

  it.each([
    '/\\evil.example/x', // what /login?callbackUrl=/%5Cevil.example/x decodes to
    '//evil.example', '\\\\evil.example', '/\\/evil.example', '\\/evil.example',
    'https://evil.example/', 'javascript:alert(1)', 'data:text/html,x', 'evil.example',
    ' /\\evil.example', '/\t/evil.example', '/\n/evil.example', '/\u0000/evil.example', '\u200b//evil.example',
    '/..//evil.example', '/./\\evil.example', '/%2e%2e//evil.example',
    'https://portal.example.evil.example/', 'https://portal.example@evil.example/', '',
  ])('refuses %j', (raw) => {
    expect(safeCallbackPath(raw, ORIGIN)).toBeNull();
  });

  it('never returns anything that leaves the portal, for any string', () => {
    const hostile = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.array(fc.constantFrom('/', '\\', '%5C', '%2F', '%2e', '.', ':', '@', 'evil.example', ' ', '\t', '\u0000', '\u3000', 'https:', '?', '#'), { maxLength: 12 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(hostile, fc.boolean(), (raw, withOrigin) => {
        const path = safeCallbackPath(raw, withOrigin ? ORIGIN : undefined);
        return path === null || landsOnPortal(path);
      }),
      { numRuns: 5_000 },
    );
  });
});
