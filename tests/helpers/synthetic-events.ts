// Deterministic streams of sale envelopes for tests and benchmarks of the ETL (not the demo seeder:
// that writes silver directly). The same seed always yields the same events, ids included.
import type { RetailEvent } from '@/lib/etl/silver/events';

export interface SyntheticSalesOptions {
  count: number;
  storeCodes: readonly string[];
  skus: readonly string[];
  /** Customers to attribute some sales to; about a third of sales are guests. */
  customerIds?: readonly string[];
  /** Sales are spread evenly at random between these instants. */
  from: Date;
  to: Date;
  seed?: number;
  source?: string;
}

/** mulberry32: small, fast and good enough for test data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function uuidFrom(next: () => number): string {
  const bytes = Array.from({ length: 16 }, () => Math.floor(next() * 256));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Sale events in baskets of one to four lines sharing a transaction id, store, customer and time. */
export function syntheticSaleEvents(options: SyntheticSalesOptions): RetailEvent[] {
  const next = random(options.seed ?? 1);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const span = options.to.getTime() - options.from.getTime();
  const events: RetailEvent[] = [];
  let basket = 0;
  while (events.length < options.count) {
    basket += 1;
    const storeCode = pick(options.storeCodes);
    const customers = options.customerIds ?? [];
    const customerId = customers.length > 0 && next() > 0.33 ? pick(customers) : undefined;
    const occurredAt = new Date(options.from.getTime() + Math.floor(next() * span)).toISOString();
    const transactionId = `T${String(options.seed ?? 1)}-${basket}`;
    const lines = Math.min(1 + Math.floor(next() * 4), options.count - events.length);
    for (let line = 0; line < lines; line++) {
      const quantity = 1 + Math.floor(next() * 3);
      const unitPrice = Math.round(100 + next() * 9_900) / 100;
      const discount = next() < 0.2 ? Math.round(quantity * unitPrice * 10) / 100 : undefined;
      events.push({
        id: uuidFrom(next),
        type: 'sale',
        occurredAt,
        source: options.source ?? 'synthetic',
        payload: { transactionId, storeCode, sku: pick(options.skus), customerId, quantity, unitPrice, discount },
      });
    }
  }
  return events;
}
