// Posting live events the way a point-of-sale system does: POST /api/ingest with the run's API key.
import { randomUUID } from 'node:crypto';
import { baseUrl } from './browser';

export function ingestKey(): string {
  const key = process.env.E2E_INGEST_KEY;
  if (!key) throw new Error('E2E_INGEST_KEY is not set: run the browser tests with `npm run test:e2e`');
  return key;
}

export interface SaleLine {
  transactionId: string;
  storeCode: string;
  sku: string;
  quantity: number;
  unitPrice: number;
  customerId?: string;
}

/** A sale envelope that happened `agoMs` before now. */
export function saleEnvelope(line: SaleLine, agoMs = 2_000) {
  return { id: randomUUID(), type: 'sale', occurredAt: new Date(Date.now() - agoMs).toISOString(), source: 'e2e', payload: line };
}

export interface IngestResult {
  accepted: number;
  duplicates: number;
  rejected: { index: number; reason: string }[];
}

/** Posts events to the server under test (or another base URL) and returns its answer once accepted into bronze. */
export async function ingest(events: unknown[], url = baseUrl()): Promise<IngestResult> {
  const res = await fetch(`${url}/api/ingest`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ingestKey()}`, 'content-type': 'application/json' },
    body: JSON.stringify({ events }),
  });
  if (!res.ok) throw new Error(`POST /api/ingest answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as IngestResult;
}
