// Share tokens: 256 random bits, base64url, shown to the sharer once. Only their sha256 is stored; a
// token this long needs no slow hash (there is nothing to guess), just one that cannot be reversed.
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';

const TOKEN_BYTES = 32;

/** What a well-formed token looks like; anything else is "unknown" without touching the database. */
export const shareTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not a share token');

export function generateShareToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

export function hashShareToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
