// The live monitor's feed: the newest sales lines in scope from today and yesterday (reporting time zone),
// newest first by the time they occurred; times as ISO instants (UTC); money net of discounts in the store
// currency. Lines stamped later than the current minute (the seeded demo day) have not happened yet.
import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { smallintArray } from '@/db/sql';
import { assertScope, type Scope } from '@/lib/auth/scope';
import { cached } from '@/lib/cache/process-cache';
import { dateKeyOf } from '@/lib/calendar/days';
import { liveWindow } from './internal/live-window';
import { readInScope } from './internal/read-in-scope';
import type { TransactionRow } from './list-transactions';

/** A feed line: the detail table's row, fewer columns. */
export type LatestSale = Pick<
  TransactionRow,
  'lineId' | 'occurredAt' | 'transactionId' | 'storeCode' | 'storeName' | 'region' | 'sku' | 'product' | 'quantity' | 'net'
>;

export async function listLatestSales(db: Database, scope: Scope, options: { at: Date; timeZone: string; limit: number }): Promise<LatestSale[]> {
  assertScope(scope);
  if (!Number.isInteger(options.limit) || options.limit < 1 || options.limit > 200) throw new RangeError('limit must be 1–200');
  const w = liveWindow(options.at, options.timeZone);
  const params = { until: w.end.toISOString(), timeZone: options.timeZone, limit: options.limit };
  return cached(db, { query: 'latest-sales', params, scope }, () =>
    readInScope(db, scope, (tx) =>
      queryRows<LatestSale>(
        tx,
        sql`select f.sales_line_id::float8 as "lineId",
              to_char(f.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "occurredAt",
              f.transaction_id as "transactionId", s.store_code as "storeCode", s.name as "storeName", r.name as region,
              p.sku, p.name as product, f.quantity, f.net::float8 as net
            from gold.fact_sales f
              join gold.dim_store s on s.store_key = f.store_key
              join gold.dim_region r on r.region_id = f.region_id
              join gold.dim_product p on p.product_key = f.product_key
            where f.date_key in (${dateKeyOf(w.today)}, ${dateKeyOf(w.yesterday)})
              and f.region_id = any(${smallintArray(scope.regionIds)})
              and f.occurred_at < ${w.end.toISOString()}::timestamptz
            order by f.occurred_at desc, f.sales_line_id desc
            limit ${options.limit}`,
      ),
    ),
  );
}
