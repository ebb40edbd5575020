// The headers every page and API response carries (middleware.ts sets them). The Content Security Policy
// lets scripts run only with this response's nonce (Next.js puts it on its own inline scripts when it finds
// the policy on the request, the root layout on ours) and 'strict-dynamic' extends that trust to the
// chunks those scripts load; nothing may come from, post to or frame in another origin.
import { randomBytes } from 'node:crypto';

/** A fresh, unguessable nonce for one response. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    // Plotly writes <style> elements and style attributes at run time, and React's style props are
    // attributes too: a nonce cannot cover them. Styles cannot run code, so 'unsafe-inline' is kept here only.
    "style-src 'self' 'unsafe-inline'",
    // Plotly's PNG export and its icons are data: and blob: URLs made in the page.
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // The live stream and every fetch go to the portal itself.
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Strict-Transport-Security is sent always: browsers ignore it on plain http (RFC 6797 §8.1), so a
 * developer's http://localhost is unaffected, and behind a TLS proxy it is in place without a setting.
 */
export function securityHeaders(nonce: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(nonce),
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  };
}
