// Ingest API keys (INGEST_API_KEYS): a bearer key is compared with every configured key in constant time
// (SHA-256 digests have equal length, so timingSafeEqual applies and the key's length does not leak).
import { createHash, timingSafeEqual } from 'node:crypto';

export interface IngestClient {
  /** A short, non-secret fingerprint of the key: names the client in bronze and in rate limiting. */
  keyId: string;
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** The client a request's `Authorization: Bearer <key>` header belongs to, or null. */
export function authenticateIngestKey(authorization: string | null, keys: readonly string[]): IngestClient | null {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? '');
  if (!match) return null;
  const presented = digest(match[1]);
  let found: Buffer | null = null;
  // No early exit: every key is compared, so timing does not reveal which key (or whether one) matched.
  for (const key of keys) {
    const candidate = digest(key);
    if (timingSafeEqual(candidate, presented)) found = candidate;
  }
  return found ? { keyId: `key-${found.toString('hex').slice(0, 8)}` } : null;
}
