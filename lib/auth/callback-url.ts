// Where a sign-in may send the browser afterwards: a path on this portal, never another site. Used by the
// login page and next-auth's redirect callback alike. Refused: anything that is not a plain path starting
// with one `/` — protocol-relative `//host`, `/\host` (browsers read `\` as `/`), schemes, whitespace and
// control characters (which browsers strip before parsing) — and anything that normalises into one of those
// (`/..//host`). Next decodes the query string once, so `%5C` arrives here as `\` and is refused.
const MAX_LENGTH = 2_000;
const PROBE_ORIGIN = 'http://portal.invalid';
const FORBIDDEN = /[\s\u0000-\u001f\u007f-\u009f\\\u200b-\u200f\u2028\u2029\ufeff]/;

/** A same-origin path (`/…`, with query and fragment), or null when `raw` is not safely one. */
export function safeCallbackPath(raw: unknown, origin?: string): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_LENGTH || FORBIDDEN.test(raw)) return null;
  let candidate = raw;
  if (origin && !raw.startsWith('/')) {
    const absolute = URL.canParse(raw) ? new URL(raw) : null;
    if (!absolute || absolute.origin !== new URL(origin).origin) return null;
    candidate = `${absolute.pathname}${absolute.search}${absolute.hash}`;
  }
  if (!isSinglySlashed(candidate)) return null;
  const resolved = new URL(candidate, PROBE_ORIGIN);
  if (resolved.origin !== PROBE_ORIGIN) return null;
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  return isSinglySlashed(path) ? path : null;
}

/** `/` and then something other than a slash (a bare `/` is no destination: the default one is used). */
function isSinglySlashed(path: string): boolean {
  return path.length > 1 && path[0] === '/' && path[1] !== '/' && path[1] !== '\\';
}
