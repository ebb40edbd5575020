// Posts event batches to /api/ingest the way a well-behaved producer does: it waits out 429s (Retry-After)
// and retries server and network failures with the same event ids, so a retry can only add duplicates.
import type { IngestResult } from '@/lib/ingest/ingest-events';

export interface IngestClientOptions {
  url: string;
  key: string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  maxAttempts?: number;
  onRetry?: (reason: string, waitMs: number) => void;
}

export class IngestRefused extends Error {}

export async function postEventBatch(events: readonly unknown[], options: IngestClientOptions): Promise<IngestResult> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const maxAttempts = options.maxAttempts ?? 6;
  const endpoint = new URL('/api/ingest', options.url).toString();
  const body = JSON.stringify({ events });
  for (let attempt = 1; ; attempt++) {
    const outcome = await attemptOnce(endpoint, body, options, attempt);
    if ('result' in outcome) return outcome.result;
    // 429s do not count against the attempts: waiting them out is the expected behaviour.
    if (!outcome.rateLimited && attempt >= maxAttempts) {
      throw new Error(`giving up on a batch after ${attempt} attempts: ${outcome.reason}`);
    }
    options.onRetry?.(outcome.reason, outcome.waitMs);
    await sleep(outcome.waitMs);
  }
}

type Outcome = { result: IngestResult } | { reason: string; waitMs: number; rateLimited: boolean };

async function attemptOnce(endpoint: string, body: string, options: IngestClientOptions, attempt: number): Promise<Outcome> {
  let res: Response;
  try {
    res = await (options.fetch ?? fetch)(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${options.key}` },
      body,
    });
  } catch (error) {
    return { reason: error instanceof Error ? error.message : String(error), waitMs: backoff(attempt), rateLimited: false };
  }
  if (res.ok) return { result: (await res.json()) as IngestResult };
  const message = await errorMessage(res);
  if (res.status === 429) {
    const seconds = Math.max(1, Number(res.headers.get('retry-after')) || 1);
    return { reason: `rate limited (${message})`, waitMs: seconds * 1000, rateLimited: true };
  }
  if (res.status >= 500) return { reason: `server error ${res.status} (${message})`, waitMs: backoff(attempt), rateLimited: false };
  throw new IngestRefused(`${endpoint} answered ${res.status}: ${message}`);
}

const backoff = (attempt: number) => Math.min(10_000, 250 * 2 ** attempt);

async function errorMessage(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { error?: { message?: string } };
    return body.error?.message ?? text.slice(0, 200);
  } catch {
    return text.slice(0, 200) || res.statusText;
  }
}
