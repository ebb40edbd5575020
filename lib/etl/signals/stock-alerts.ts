// Low-stock alerts from the current stock levels (silver.inventory_levels: the latest count per store and
// product). A count below the product's reorder point opens an alert unless one is already open for that
// store × product (it then only refreshes the figures); a count at or above it resolves the open one. So
// one dip below the reorder point is one alert, however many counts arrive until it recovers.
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { ON_OPEN_ALERT } from './raise-alerts';
import { jsonRecords } from '@/db/json-records';

/** Which levels to check: the (store, SKU) pairs a batch counted, or every level (the demo seeder). */
export type StockSelection = { all: true } | { pairs: readonly { storeCode: string; sku: string }[] };

/** Current levels with what an alert needs, driven by the pairs (primary-key lookups) or by every level. */
function levelsOf(selection: StockSelection): SQL {
  const source =
    'all' in selection
      ? sql`silver.inventory_levels il`
      : sql`${jsonRecords(selection.pairs.map((p) => ({ store_code: p.storeCode, sku: p.sku })))} as r(store_code text, sku text)
          join silver.inventory_levels il on il.store_code = r.store_code and il.sku = r.sku`;
  return sql`select distinct on (st.store_key, p.product_key) st.store_key, st.store_code, st.region_id, p.product_key, p.sku,
      p.name, il.on_hand, p.reorder_point, il.updated_at, 'low_stock:' || st.store_key || ':' || p.product_key as dedupe_key
    from ${source}
    join gold.dim_store st on st.store_code = il.store_code
    join gold.dim_product p on p.sku = il.sku
    order by st.store_key, p.product_key`;
}

export async function syncLowStockAlerts(db: Database, selection: StockSelection): Promise<void> {
  if ('pairs' in selection && selection.pairs.length === 0) return;
  await db.execute(sql`
    with levels as (${levelsOf(selection)})
    update gold.alerts a set resolved_at = now(), updated_at = now()
    from levels l
    where a.dedupe_key = l.dedupe_key and a.resolved_at is null and l.on_hand >= l.reorder_point`);
  // Like raiseAlerts, but set-based, so the seeder's thousands of levels are one statement.
  await db.execute(sql`
    with levels as (${levelsOf(selection)})
    insert into gold.alerts (kind, region_id, store_key, subject, dedupe_key, reason, severity, detail)
    select 'low_stock', region_id, store_key, sku, dedupe_key,
      format('%s (%s) at %s: %s on hand, reorder point %s', name, sku, store_code, on_hand, reorder_point),
      case when on_hand = 0 then 'high' else 'medium' end,
      jsonb_build_object('sku', sku, 'product', name, 'storeCode', store_code, 'onHand', on_hand,
        'reorderPoint', reorder_point, 'countedAt', updated_at)
    from levels where on_hand < reorder_point
    order by dedupe_key
    ${ON_OPEN_ALERT}`);
}
