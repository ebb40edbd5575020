// The client's address, for the audit log and the per-address sign-in limit. Route handlers cannot see the
// socket, but Next's own server writes the socket peer into `x-forwarded-for` when a request reaches the
// app without one. So middleware moves whatever `x-forwarded-for` the request arrived with into an internal
// header (forwardedForHeaders) and Next then fills `x-forwarded-for` with the peer alone (Next 16.5's
// base-server does `x-forwarded-for ??= socket.remoteAddress`; checked on `next start`, and
// tests/e2e/sign-in-limit.e2e.ts fails if a forged header were believed). The forwarded chain
// is believed only as far as TRUST_PROXY says: from the peer, hops are walked right to left while they are
// trusted proxies; the first untrusted hop is the client. TRUST_PROXY unset: the peer is the client.
import { isIP, type BlockList } from 'node:net';
import { env } from '@/lib/env';
import { INTERNAL_HEADER_PREFIX } from './public-paths';
import { trustedProxies } from '@/lib/http/trusted-proxies';

/** The `x-forwarded-for` a request arrived with, moved aside by middleware. */
export const FORWARDED_CHAIN_HEADER = `${INTERNAL_HEADER_PREFIX}forwarded-for`;

/** Middleware: moves the request's own `x-forwarded-for` aside, so Next writes the socket peer there. */
export function forwardedForHeaders(headers: Headers): void {
  const chain = headers.get('x-forwarded-for');
  headers.delete('x-forwarded-for');
  if (chain) headers.set(FORWARDED_CHAIN_HEADER, chain);
}

type HeaderSource = { get(name: string): string | null } | Record<string, unknown>;

export function clientAddress(headers: HeaderSource, trusted: BlockList = processTrustedProxies()): string | null {
  const peer = address(header(headers, 'x-forwarded-for'));
  if (!peer || !isTrusted(trusted, peer)) return peer;
  const hops = (header(headers, FORWARDED_CHAIN_HEADER) ?? '').split(',').map((hop) => hop.trim()).filter(Boolean);
  let client = peer;
  for (const hop of hops.reverse()) {
    const hopAddress = address(hop);
    // Garbage behind a trusted proxy is the client's own text: the proxy that saw it names the client.
    if (!hopAddress) return client;
    client = hopAddress;
    if (!isTrusted(trusted, hopAddress)) return client;
  }
  return client;
}

function header(headers: HeaderSource, name: string): string | null {
  if (typeof (headers as { get?: unknown }).get === 'function') return (headers as { get(n: string): string | null }).get(name);
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : null;
}

/** One address, IPv4-mapped IPv6 written as IPv4 (what Next reports for IPv4 clients on a dual-stack socket). */
function address(value: string | null): string | null {
  const text = value?.trim() ?? '';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(text);
  const plain = mapped ? mapped[1] : text;
  return isIP(plain) ? plain.toLowerCase() : null;
}

function isTrusted(trusted: BlockList, value: string): boolean {
  return trusted.check(value, isIP(value) === 4 ? 'ipv4' : 'ipv6');
}

let cached: { entries: readonly string[]; list: BlockList } | undefined;
function processTrustedProxies(): BlockList {
  const entries = env().TRUST_PROXY;
  if (cached?.entries !== entries) cached = { entries, list: trustedProxies(entries) };
  return cached.list;
}
