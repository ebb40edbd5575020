// Generates the demo reference data (stores, products, customers, campaigns) and upserts it into
// silver, one column array per parameter, so 20,000 customers are a couple of statements.
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { intArray, textArray } from '@/db/sql';
import { generateCampaigns, type DemoCampaign } from './campaigns';
import { customerCountFor, generateCustomers, type DemoCustomer } from './customers';
import { generateProducts, type DemoProduct } from './products';
import { generateStores, type DemoStore } from './stores';

export interface DemoReferenceData {
  stores: DemoStore[];
  products: DemoProduct[];
  customers: DemoCustomer[];
  campaigns: DemoCampaign[];
}

export function generateReferenceData(seed: number, lines: number, firstDay: string, lastDay: string): DemoReferenceData {
  const stores = generateStores(seed, firstDay, lastDay);
  return {
    stores,
    products: generateProducts(seed),
    customers: generateCustomers(seed, customerCountFor(lines), stores, firstDay, lastDay),
    campaigns: generateCampaigns(firstDay, lastDay),
  };
}

const BATCH = 10_000;

function batches<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) out.push(rows.slice(i, i + BATCH));
  return out;
}

export async function writeReferenceData(db: Database, data: DemoReferenceData): Promise<void> {
  const { stores, products, customers, campaigns } = data;
  await db.execute(sql`
    insert into silver.stores (store_code, name, city, region, opened_on, time_zone)
    select code, name, city, region, opened::date, zone
    from unnest(${textArray(stores.map((s) => s.code))}, ${textArray(stores.map((s) => s.name))},
      ${textArray(stores.map((s) => s.city))}, ${textArray(stores.map((s) => s.region))},
      ${textArray(stores.map((s) => s.openedOn))}, ${textArray(stores.map((s) => s.timeZone))}) as t(code, name, city, region, opened, zone)
    on conflict (store_code) do update set name = excluded.name, city = excluded.city, region = excluded.region,
      opened_on = excluded.opened_on, time_zone = excluded.time_zone`);
  for (const rows of batches(products)) {
    await db.execute(sql`
      insert into silver.products (sku, name, category, subcategory, brand, unit_price, unit_cost, reorder_point)
      select sku, name, category, subcategory, brand, price / 100.0, cost / 100.0, reorder
      from unnest(${textArray(rows.map((p) => p.sku))}, ${textArray(rows.map((p) => p.name))},
        ${textArray(rows.map((p) => p.category))}, ${textArray(rows.map((p) => p.subcategory))},
        ${textArray(rows.map((p) => p.brand))}, ${intArray(rows.map((p) => p.priceCents))},
        ${intArray(rows.map((p) => p.costCents))}, ${intArray(rows.map((p) => p.reorderPoint))})
        as t(sku, name, category, subcategory, brand, price, cost, reorder)
      on conflict (sku) do update set name = excluded.name, category = excluded.category,
        subcategory = excluded.subcategory, brand = excluded.brand, unit_price = excluded.unit_price,
        unit_cost = excluded.unit_cost, reorder_point = excluded.reorder_point`);
  }
  for (const rows of batches(customers)) {
    await db.execute(sql`
      insert into silver.customers (customer_id, name, segment, home_store_code, acquired_on)
      select id, name, segment, home, acquired::date
      from unnest(${textArray(rows.map((c) => c.customerId))}, ${textArray(rows.map((c) => c.name))},
        ${textArray(rows.map((c) => c.segment))}, ${textArray(rows.map((c) => stores[c.homeStore].code))},
        ${textArray(rows.map((c) => c.acquiredOn))}) as t(id, name, segment, home, acquired)
      on conflict (customer_id) do update set name = excluded.name, segment = excluded.segment,
        home_store_code = excluded.home_store_code, acquired_on = excluded.acquired_on, updated_at = now()`);
  }
  await writeCampaigns(db, campaigns);
}

/** Upserts campaigns into silver (the live stream adds each new one before its first day). */
export async function writeCampaigns(db: Database, campaigns: readonly DemoCampaign[]): Promise<void> {
  if (campaigns.length === 0) return;
  await db.execute(sql`
    insert into silver.campaigns (campaign_code, name, category, discount_pct, starts_on, ends_on)
    select code, name, nullif(category, ''), pct, starts::date, ends::date
    from unnest(${textArray(campaigns.map((c) => c.code))}, ${textArray(campaigns.map((c) => c.name))},
      ${textArray(campaigns.map((c) => c.category ?? ''))}, ${intArray(campaigns.map((c) => c.discountPct))},
      ${textArray(campaigns.map((c) => c.startsOn))}, ${textArray(campaigns.map((c) => c.endsOn))})
      as t(code, name, category, pct, starts, ends)
    on conflict (campaign_code) do update set name = excluded.name, category = excluded.category,
      discount_pct = excluded.discount_pct, starts_on = excluded.starts_on, ends_on = excluded.ends_on`);
}
