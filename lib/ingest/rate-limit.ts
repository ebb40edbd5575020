// Per-key request budget of the ingest API, on the shared rate limiter (Upstash when configured, so every
// server process counts together; in memory otherwise).
import { rateLimiter } from '@/lib/rate-limit/process-limiters';

/** 600 requests a minute per key: 10 batches a second sustained, up to 600,000 events a minute. */
export const INGEST_RATE_LIMIT = { name: 'ingest-requests', limit: 600, windowMs: 60_000 } as const;

const ingestRequests = rateLimiter(INGEST_RATE_LIMIT);

/** Counts one request for the key; when over budget, how many seconds to wait. */
export async function takeIngestAllowance(keyId: string): Promise<{ allowed: boolean; retryAfter: number }> {
  const { allowed, retryAfter } = await ingestRequests.take(keyId);
  return { allowed, retryAfter };
}

/** Forgets a key's usage (tests). */
export function resetIngestAllowance(keyId: string): Promise<void> {
  return ingestRequests.reset(keyId);
}
