// Silver reference data → gold dimensions. Set-based and idempotent: re-running changes nothing.
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';

/** A customer's first known attributes describe all of their history before any recorded change. */
export const FIRST_VERSION_VALID_FROM = '1900-01-01T00:00:00Z';

/** Upserts stores, products and campaigns (type 1: corrections overwrite). */
export async function syncReferenceDimensions(db: Database): Promise<void> {
  await db.execute(sql`
    insert into gold.dim_store (store_code, name, city, region_id, opened_on, time_zone)
    select s.store_code, s.name, s.city, r.region_id, s.opened_on, s.time_zone
    from silver.stores s join gold.dim_region r on r.name = s.region
    on conflict (store_code) do update set name = excluded.name, city = excluded.city,
      region_id = excluded.region_id, opened_on = excluded.opened_on, time_zone = excluded.time_zone`);
  await db.execute(sql`
    insert into gold.dim_product (sku, name, category, subcategory, brand, unit_price, unit_cost, reorder_point)
    select sku, name, category, subcategory, brand, unit_price, unit_cost, reorder_point from silver.products
    on conflict (sku) do update set name = excluded.name, category = excluded.category,
      subcategory = excluded.subcategory, brand = excluded.brand, unit_price = excluded.unit_price,
      unit_cost = excluded.unit_cost, reorder_point = excluded.reorder_point`);
  await db.execute(sql`
    insert into gold.dim_campaign (campaign_code, name, category, discount_pct, starts_on, ends_on)
    select campaign_code, name, category, discount_pct, starts_on, ends_on from silver.campaigns
    on conflict (campaign_code) do update set name = excluded.name, category = excluded.category,
      discount_pct = excluded.discount_pct, starts_on = excluded.starts_on, ends_on = excluded.ends_on`);
}

/** Gives every silver customer without a gold version its first (current) version. */
export async function insertNewCustomers(db: Database): Promise<void> {
  await db.execute(sql`
    insert into gold.dim_customer (customer_id, name, segment, home_store_key, acquired_on, valid_from, valid_to, is_current)
    select c.customer_id, c.name, c.segment, st.store_key, c.acquired_on, ${FIRST_VERSION_VALID_FROM}::timestamptz, null, true
    from silver.customers c
    left join gold.dim_store st on st.store_code = c.home_store_code
    where not exists (select 1 from gold.dim_customer d where d.customer_id = c.customer_id)`);
}
