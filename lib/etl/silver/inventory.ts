// Inventory events → silver.inventory_levels (latest level per store and product) and gold.fact_inventory
// (the level at the end of each day in the reporting time zone: the day's latest event wins).
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import type { DayStore } from '@/lib/etl/rollups/maintain-rollups';
import { jsonRecords } from '@/db/json-records';
import type { ValidInventory } from './validate';

/** Writes a batch's inventory events; returns the (day, store) slices they touched. */
export async function loadInventory(db: Database, events: readonly ValidInventory[], timeZone: string): Promise<DayStore[]> {
  if (events.length === 0) return [];
  const records = events.map((e) => ({
    store_code: e.storeCode,
    sku: e.sku,
    on_hand: e.onHand,
    occurred_at: e.occurredAt.toISOString(),
    bronze_id: e.bronzeId,
  }));
  // One row per key and statement (an upsert may not touch a row twice); rows in key order so that
  // concurrent workers lock them in the same order.
  await db.execute(sql`
    insert into silver.inventory_levels (store_code, sku, on_hand, updated_at)
    select distinct on (store_code, sku) store_code, sku, on_hand, occurred_at
    from ${jsonRecords(records)} as r(store_code text, sku text, on_hand int, occurred_at timestamptz, bronze_id bigint)
    order by store_code, sku, occurred_at desc, bronze_id desc
    on conflict (store_code, sku) do update set on_hand = excluded.on_hand, updated_at = excluded.updated_at
    where excluded.updated_at >= silver.inventory_levels.updated_at`);
  return queryRows<DayStore>(
    db,
    sql`
      with levels as (
        select to_char(r.occurred_at at time zone ${timeZone}, 'YYYYMMDD')::int as date_key, r.*
        from ${jsonRecords(records)} as r(store_code text, sku text, on_hand int, occurred_at timestamptz, bronze_id bigint)
      ), upserted as (
        insert into gold.fact_inventory (date_key, store_key, product_key, region_id, on_hand, reorder_point)
        select distinct on (l.date_key, st.store_key, p.product_key)
          l.date_key, st.store_key, p.product_key, st.region_id, l.on_hand, p.reorder_point
        from levels l
        join gold.dim_store st on st.store_code = l.store_code
        join gold.dim_product p on p.sku = l.sku
        order by l.date_key, st.store_key, p.product_key, l.occurred_at desc, l.bronze_id desc
        on conflict (date_key, store_key, product_key) do update set on_hand = excluded.on_hand,
          region_id = excluded.region_id, reorder_point = excluded.reorder_point
        returning date_key, store_key)
      select distinct date_key as "dateKey", store_key as "storeKey" from upserted`,
  );
}
