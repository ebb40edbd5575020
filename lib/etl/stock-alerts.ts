// Low-stock alerts from the current stock levels (silver.inventory_levels: the latest count per store and
// product). A count below the product's reorder point opens an alert unless one is already open for that
// store × product (it then only refreshes the figures); a count at or above it resolves the open one. So
// one dip below the reorder point is one alert, however many counts arrive until it recovers.
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { ON_OPEN_ALERT } from './raise-alerts';
import { jsonRecords } from './records';

/** Which levels to check: the (store, SKU) pairs a batch counted, or every level (the demo seeder). */
export type StockSelection = { all: true } | { pairs: readonly { storeCode: string; sku: string }[] };

const LOW_STOCK_KEY = sql`'low_stock:' || st.store_key || ':' || p.product_key`;

function levelsOf(selection: StockSelection): SQL {
  const filter =
    'all' in selection
      ? sql`true`
      : sql`(il.store_code, il.sku) in (select store_code, sku from ${jsonRecords(
          selection.pairs.map((p) => ({ store_code: p.storeCode, sku: p.sku })),
        )} as r(store_code text, sku text))`;
  return sql`silver.inventory_levels il
    join gold.dim_store st on st.store_code = il.store_code
    join gold.dim_product p on p.sku = il.sku
    where ${filter}`;
}

export async function syncLowStockAlerts(db: Database, selection: StockSelection): Promise<void> {
  if ('pairs' in selection && selection.pairs.length === 0) return;
  await db.execute(sql`
    update gold.alerts a set resolved_at = now(), updated_at = now()
    from ${levelsOf(selection)} and il.on_hand >= p.reorder_point
      and a.dedupe_key = ${LOW_STOCK_KEY} and a.resolved_at is null`);
  // Like raiseAlerts, but set-based, so the seeder's thousands of levels are one statement.
  await db.execute(sql`
    insert into gold.alerts (kind, region_id, store_key, subject, dedupe_key, reason, severity, detail)
    select 'low_stock', st.region_id, st.store_key, p.sku, ${LOW_STOCK_KEY},
      format('%s (%s) at %s: %s on hand, reorder point %s', p.name, p.sku, st.store_code, il.on_hand, p.reorder_point),
      case when il.on_hand = 0 then 'high' else 'medium' end,
      jsonb_build_object('sku', p.sku, 'product', p.name, 'storeCode', st.store_code, 'onHand', il.on_hand,
        'reorderPoint', p.reorder_point, 'countedAt', il.updated_at)
    from ${levelsOf(selection)} and il.on_hand < p.reorder_point
    order by 5
    ${ON_OPEN_ALERT}`);
}
