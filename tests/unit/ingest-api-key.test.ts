import { authenticateIngestKey } from '@/lib/ingest/api-key';

const KEYS = ['first-key-0123456789', 'second-key-0123456789'];

describe('authenticateIngestKey', () => {
  it('accepts any configured key and names it by a stable, non-secret fingerprint', () => {
    const a = authenticateIngestKey(`Bearer ${KEYS[0]}`, KEYS);
    const b = authenticateIngestKey(`bearer  ${KEYS[1]} `, KEYS);
    expect(a?.keyId).toMatch(/^key-[0-9a-f]{8}$/);
    expect(b?.keyId).toMatch(/^key-[0-9a-f]{8}$/);
    expect(a?.keyId).not.toBe(b?.keyId);
    expect(authenticateIngestKey(`Bearer ${KEYS[0]}`, KEYS)).toEqual(a);
    expect(a?.keyId).not.toContain(KEYS[0]);
  });

  it.each([
    ['no header', null],
    ['an empty header', ''],
    ['another scheme', `Basic ${KEYS[0]}`],
    ['the bare key', KEYS[0]],
    ['a wrong key', 'Bearer wrong-key-0123456789'],
    ['a prefix of a key', `Bearer ${KEYS[0].slice(0, -1)}`],
    ['a key with extra text', `Bearer ${KEYS[0]}x`],
    ['two tokens', `Bearer ${KEYS[0]} ${KEYS[1]}`],
  ])('refuses %s', (_name, header) => {
    expect(authenticateIngestKey(header, KEYS)).toBeNull();
  });

  it('refuses everything when no key is configured', () => {
    expect(authenticateIngestKey(`Bearer ${KEYS[0]}`, [])).toBeNull();
    expect(authenticateIngestKey('Bearer ', [])).toBeNull();
  });
});
