// Valid sale events → silver.sales_lines. An event id becomes a line at most once (unique event_id); a
// second event with a loaded id (bronze rows stored before ids were compared case-blind, or written
// around the API) is quarantined as such, never dropped without a trace.
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { centsToDecimal } from './money';
import { jsonRecords } from '@/db/json-records';
import type { Quarantined, ValidSale } from './validate';

export interface InsertedLines {
  /** Silver ids of the lines written. */
  lineIds: number[];
  /** Sales whose event id already had a line. */
  repeated: Quarantined[];
}

export async function insertSalesLines(db: Database, sales: readonly ValidSale[]): Promise<InsertedLines> {
  if (sales.length === 0) return { lineIds: [], repeated: [] };
  const records = sales.map((s) => ({
    event_id: s.eventId,
    bronze_id: s.bronzeId,
    transaction_id: s.transactionId,
    store_code: s.storeCode,
    sku: s.sku,
    customer_id: s.customerId,
    quantity: s.quantity,
    unit_price: centsToDecimal(s.unitPriceCents),
    discount: centsToDecimal(s.discountCents),
    gross: centsToDecimal(s.grossCents),
    net: centsToDecimal(s.netCents),
    occurred_at: s.occurredAt.toISOString(),
  }));
  const rows = await queryRows<{ id: number; bronze_id: number }>(
    db,
    sql`
      insert into silver.sales_lines (event_id, bronze_id, transaction_id, store_code, sku, customer_id, quantity,
        unit_price, discount, gross, net, occurred_at)
      select event_id, bronze_id, transaction_id, store_code, sku, customer_id, quantity,
        unit_price, discount, gross, net, occurred_at
      from ${jsonRecords(records)} as r(event_id uuid, bronze_id bigint, transaction_id text, store_code text, sku text,
        customer_id text, quantity int, unit_price numeric, discount numeric, gross numeric, net numeric,
        occurred_at timestamptz)
      order by bronze_id
      on conflict (event_id) do nothing
      returning id::float8 as id, bronze_id::float8 as bronze_id`,
  );
  const written = new Set(rows.map((r) => r.bronze_id));
  return {
    lineIds: rows.map((r) => r.id),
    repeated: sales
      .filter((s) => !written.has(s.bronzeId))
      .map((s) => ({ kind: 'quarantine', bronzeId: s.bronzeId, eventId: s.eventId, reason: `event ${s.eventId} was already loaded; not a second sale` })),
  };
}
