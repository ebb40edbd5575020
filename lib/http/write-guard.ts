// Cross-site request forgery and content-type confusion, refused before a write reaches a handler: a
// browser sends the session cookie with a form or fetch from any site, but it also names that site in
// Origin (or, without it, Referer), which a page cannot forge. A write naming another origin is refused;
// one naming none (scripts, API clients, old browsers) is let through, as the cookie alone proves nothing
// more there than an attacker could already do with it. A write with a body must be JSON: an HTML form or
// a no-CORS fetch can send only form encodings and text/plain, so this closes the same door twice.
import { forbiddenOrigin, unsupportedMediaType, type AppError } from '@/lib/errors';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface WriteRequest {
  method: string;
  /** The URL the server received the request at (its scheme is the connection's, as the server saw it). */
  url: string;
  headers: Headers;
}

/**
 * The origins a write may come from: the request's own (its scheme with the Host header it arrived with;
 * X-Forwarded-Host is not believed) and the portal's public URL (NEXTAUTH_URL), which is what a browser
 * names behind a proxy that terminates TLS or rewrites the host.
 */
function ownOrigins(req: WriteRequest, publicUrl: string | undefined): Set<string> {
  const url = new URL(req.url);
  const origins = new Set<string>();
  try {
    // Through URL, so a default port (http://host:80) reads as the browser writes it (http://host).
    origins.add(new URL(`${url.protocol}//${req.headers.get('host') ?? url.host}`).origin.toLowerCase());
  } catch {
    // a Host header that is no host: only the public URL is ours
  }
  if (publicUrl) origins.add(new URL(publicUrl).origin.toLowerCase());
  return origins;
}

/** The origin a browser says the request came from, 'null' for an opaque one, or undefined when it names none. */
function claimedOrigin(headers: Headers): string | undefined {
  const origin = headers.get('origin');
  if (origin !== null) return origin.trim().toLowerCase();
  const referer = headers.get('referer');
  if (referer === null) return undefined;
  try {
    return new URL(referer).origin.toLowerCase();
  } catch {
    return 'null';
  }
}

/**
 * Whether the request carries a body, by its headers: HTTP/1.1 frames a body with Content-Length or
 * Transfer-Encoding, and a browser's bodiless DELETE sends neither (Next.js still hands middleware an
 * empty body stream, so the stream proves nothing). A Request built in code has only its content type.
 */
function hasBody(headers: Headers): boolean {
  const length = headers.get('content-length');
  if (length !== null) return Number(length) > 0;
  return headers.has('transfer-encoding') || headers.has('content-type');
}

function isJson(contentType: string | null): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/** The refusal a write deserves, or null for a read or an acceptable write. */
export function checkWriteOrigin(req: WriteRequest, publicUrl: string | undefined): AppError | null {
  if (!WRITE_METHODS.has(req.method.toUpperCase())) return null;
  const claimed = claimedOrigin(req.headers);
  if (claimed !== undefined && !ownOrigins(req, publicUrl).has(claimed)) return forbiddenOrigin();
  return null;
}

/** The refusal a write to the JSON API deserves: a foreign origin, or a body that is not JSON. */
export function checkApiWrite(req: WriteRequest, publicUrl: string | undefined): AppError | null {
  const refusal = checkWriteOrigin(req, publicUrl);
  if (refusal) return refusal;
  if (WRITE_METHODS.has(req.method.toUpperCase()) && hasBody(req.headers) && !isJson(req.headers.get('content-type'))) return unsupportedMediaType();
  return null;
}
