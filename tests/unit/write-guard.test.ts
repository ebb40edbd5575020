/**
 * The write guard (lib/http/write-guard.ts) against what a hostile page can make a browser send: another
 * origin, an opaque one, a Referer instead of an Origin, origins that merely look like ours, and bodies a
 * form or a no-CORS fetch can carry. Requests naming no origin at all (scripts, API clients) pass.
 */
import { checkApiWrite, checkWriteOrigin, type WriteRequest } from '@/lib/http/write-guard';

const OWN = 'http://localhost:3000';

function write(headers: Record<string, string>, init: { method?: string; url?: string } = {}): WriteRequest {
  return { method: init.method ?? 'POST', url: init.url ?? `${OWN}/api/shares`, headers: new Headers({ host: 'localhost:3000', ...headers }) };
}
const json = { 'content-type': 'application/json', 'content-length': '2' };
const codeOf = (req: WriteRequest, publicUrl?: string) => checkApiWrite(req, publicUrl)?.code ?? null;

describe('origin of a write', () => {
  it('accepts the origin the request arrived at, in any letter case', () => {
    expect(codeOf(write({ ...json, origin: OWN }))).toBeNull();
    expect(codeOf(write({ ...json, origin: 'HTTP://LocalHost:3000' }))).toBeNull();
  });

  it('accepts a write that names no origin and no referer', () => {
    expect(codeOf(write(json))).toBeNull();
  });

  it.each([
    ['another site', 'https://evil.example'],
    ['an opaque origin (sandboxed frame, data: URL)', 'null'],
    ['a look-alike host', 'http://localhost:3000.evil.example'],
    ['a look-alike prefix', 'http://evil-localhost:3000'],
    ['another port', 'http://localhost:3001'],
    ['another scheme', 'https://localhost:3000'],
    ['the host without its port', 'http://localhost'],
    ['garbage', 'not a url'],
  ])('refuses %s', (_what, origin) => {
    expect(codeOf(write({ ...json, origin }))).toBe('forbidden_origin');
  });

  it('refuses a foreign Referer when there is no Origin, and an unparseable one', () => {
    expect(codeOf(write({ ...json, referer: 'https://evil.example/page' }))).toBe('forbidden_origin');
    expect(codeOf(write({ ...json, referer: 'http://localhost:3000.evil.example/' }))).toBe('forbidden_origin');
    expect(codeOf(write({ ...json, referer: '::::' }))).toBe('forbidden_origin');
    expect(codeOf(write({ ...json, referer: `${OWN}/dashboards/sales?from=2026-01-01` }))).toBeNull();
  });

  it('judges Origin before Referer: a foreign Origin is not saved by our Referer', () => {
    expect(codeOf(write({ ...json, origin: 'https://evil.example', referer: `${OWN}/x` }))).toBe('forbidden_origin');
  });

  it('does not believe X-Forwarded-Host', () => {
    expect(codeOf(write({ ...json, origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' }))).toBe('forbidden_origin');
  });

  it('accepts the configured public URL (a TLS proxy in front), and only it', () => {
    const behindProxy = { ...json, host: 'portal.example.com', origin: 'https://portal.example.com' };
    expect(codeOf(write(behindProxy, { url: 'http://portal.example.com/api/shares' }))).toBe('forbidden_origin');
    expect(codeOf(write(behindProxy, { url: 'http://portal.example.com/api/shares' }), 'https://portal.example.com')).toBeNull();
    expect(codeOf(write({ ...json, origin: 'https://portal.example.com.evil.example' }), 'https://portal.example.com')).toBe('forbidden_origin');
  });

  it('checks every write method and no read', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'delete']) expect(codeOf(write({ origin: 'https://evil.example' }, { method }))).toBe('forbidden_origin');
    for (const method of ['GET', 'HEAD', 'OPTIONS']) expect(codeOf(write({ origin: 'https://evil.example' }, { method }))).toBeNull();
  });
});

describe('body of an API write', () => {
  it('accepts JSON, with or without parameters', () => {
    expect(codeOf(write({ 'content-type': 'application/json', 'content-length': '9' }))).toBeNull();
    expect(codeOf(write({ 'content-type': 'Application/JSON; charset=utf-8', 'content-length': '9' }))).toBeNull();
  });

  it.each([
    ['text/plain (a no-CORS fetch)', 'text/plain;charset=UTF-8'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['a multipart form', 'multipart/form-data; boundary=x'],
    ['a JSON look-alike', 'application/json-patch'],
    ['a type smuggled after text/plain', 'text/plain; application/json'],
  ])('refuses %s with 415', (_what, type) => {
    expect(codeOf(write({ 'content-type': type, 'content-length': '9', origin: OWN }))).toBe('unsupported_media_type');
  });

  it('refuses a body without a content type, chunked, or typed without a length (a Request built in code)', () => {
    expect(codeOf(write({ 'content-length': '9' }))).toBe('unsupported_media_type');
    expect(codeOf(write({ 'transfer-encoding': 'chunked' }))).toBe('unsupported_media_type');
    expect(codeOf(write({ 'content-type': 'text/plain;charset=UTF-8' }))).toBe('unsupported_media_type');
  });

  it('needs no content type for a write without a body (a browser sends no length on a bodiless DELETE)', () => {
    expect(codeOf(write({}))).toBeNull();
    expect(codeOf(write({ 'content-length': '0', 'content-type': 'text/plain' }))).toBeNull();
    expect(codeOf(write({}, { method: 'DELETE' }))).toBeNull();
  });

  it('leaves page writes (server actions post forms) to the origin check alone', () => {
    const action = write({ 'content-type': 'text/plain;charset=UTF-8', 'content-length': '9', origin: OWN }, { url: `${OWN}/admin/users` });
    expect(checkWriteOrigin(action, undefined)).toBeNull();
    expect(checkWriteOrigin({ ...action, headers: new Headers({ host: 'localhost:3000', origin: 'https://evil.example' }) }, undefined)?.code).toBe('forbidden_origin');
  });
});
