// The `id:` of every stream message, and what a reconnecting client sends back as Last-Event-ID: the
// change-log position, encrypted and authenticated (AES-256-GCM) for one scope. A plain change id would
// be a global counter, and the gaps between the ids one region's viewer receives would count the changes
// of regions they cannot see. A random nonce per id makes ids unlinkable; the scope (who, which regions,
// which session) is the associated data, so an id forged, altered, or issued to another scope or session
// does not decode, and the stream treats it as unknown.
import 'server-only';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { authSecret } from '@/lib/auth/secret';
import type { Scope } from '@/lib/auth/scope';

const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const POSITION_BYTES = 8;
const ENCODED = /^[A-Za-z0-9_-]{48}$/; // base64url of 12 + 8 + 16 bytes

let key: Buffer | undefined;
function idKey(): Buffer {
  // Derived, so the session secret itself never encrypts anything but sessions.
  key ??= Buffer.from(hkdfSync('sha256', authSecret(), 'retailwave', 'sse event ids v1', 32));
  return key;
}

function scopeBinding(scope: Scope): Buffer {
  const owner = scope.owner;
  const who = owner.kind === 'user' ? `user:${owner.user.userId}:${owner.user.sessionVersion}` : `share:${owner.share.shareId}`;
  return Buffer.from(`${who}|${scope.regionIds.join(',')}`);
}

export function encodeEventId(scope: Scope, position: number): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', idKey(), nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(scopeBinding(scope));
  const plain = Buffer.alloc(POSITION_BYTES);
  plain.writeBigUInt64BE(BigInt(position));
  return Buffer.concat([nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()]).toString('base64url');
}

/** The position an id stands for, or null when it is not one this server issued to this scope. */
export function decodeEventId(scope: Scope, id: string): number | null {
  if (!ENCODED.test(id)) return null;
  const bytes = Buffer.from(id, 'base64url');
  try {
    const decipher = createDecipheriv('aes-256-gcm', idKey(), bytes.subarray(0, NONCE_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(scopeBinding(scope));
    decipher.setAuthTag(bytes.subarray(NONCE_BYTES + POSITION_BYTES));
    const plain = Buffer.concat([decipher.update(bytes.subarray(NONCE_BYTES, NONCE_BYTES + POSITION_BYTES)), decipher.final()]);
    const position = plain.readBigUInt64BE();
    return position <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(position) : null;
  } catch {
    return null;
  }
}
