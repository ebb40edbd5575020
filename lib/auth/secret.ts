// The key that signs sessions and share links. From AUTH_SECRET; on a single machine with the embedded
// database (or in development) it is generated once and kept under DATA_DIR so restarts keep sessions.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { env } from '@/lib/env';

let cached: string | undefined;

export function authSecret(): string {
  if (cached) return cached;
  const settings = env();
  if (settings.AUTH_SECRET) return (cached = settings.AUTH_SECRET);
  if (settings.DATABASE_URL && settings.NODE_ENV === 'production') {
    throw new Error('AUTH_SECRET must be set (32+ characters) when the portal runs on a shared Postgres in production.');
  }
  const file = path.resolve(settings.DATA_DIR, 'auth-secret');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  return (cached = readFileSync(file, 'utf8').trim());
}
