// One product within the scope: its sales trend (net revenue, units and cost per day, ISO week or month in
// the reporting time zone), its sales and margin per store in view, and each of those stores' latest stock
// count. A product counts as visible only when it sold or was stocked in the viewer's regions: the catalogue
// itself is readable by everyone, so its existence elsewhere must not leak through this page.
import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { intArray, smallintArray } from '@/db/sql';
import type { Scope } from '@/lib/auth/scope';
import type { ScopedFilters } from '@/lib/auth/scoped-filters';
import type { Grain } from '@/lib/calendar/periods';
import { cached } from '@/lib/cache/process-cache';
import { regionNameOf } from '@/lib/filters/regions';
import { bucketDays, type TrendPoint } from './internal/daily-totals';
import { FACT_FROM, factWhere, withStoreKeys, type QueryFilters } from './internal/filter-sql';
import { readInScope } from './internal/read-in-scope';
import { rollupRows } from './internal/rollup-rows';
import { planSource } from './internal/source-plan';

export interface ProductInfo {
  sku: string;
  name: string;
  category: string;
  subcategory: string;
  brand: string;
}

export interface ProductStoreRow {
  storeCode: string;
  storeName: string;
  region: string;
  revenue: number;
  units: number;
  /** Net revenue − cost; null where the store sold nothing in view. */
  margin: number | null;
  /** margin ÷ revenue; null without revenue. */
  marginRate: number | null;
  /** The store's latest count (null: never counted); not limited to the date range. */
  onHand: number | null;
  reorderPoint: number | null;
  countedOn: string | null;
}

export interface ProductDetail {
  product: ProductInfo;
  grain: Grain;
  trend: TrendPoint[];
  totals: { revenue: number; units: number; transactions: number; cost: number; margin: number | null; marginRate: number | null; onHand: number };
  /** Stores in view that sold the product in the range or hold a count of it, by revenue. */
  stores: ProductStoreRow[];
}

const cents = (n: number) => Math.round(n * 100) / 100;
const rate = (margin: number, revenue: number) => (revenue > 0 ? Math.round((margin / revenue) * 10_000) / 10_000 : null);

/** The product of `sku` if it sold or was stocked in `regionIds`, with its key. */
async function visibleProduct(tx: Database, regionIds: readonly number[], sku: string): Promise<(ProductInfo & { productKey: number }) | null> {
  const regions = smallintArray(regionIds);
  const [row] = await queryRows<ProductInfo & { productKey: number }>(tx, sql`
    select p.product_key as "productKey", p.sku, p.name, p.category, p.subcategory, p.brand from gold.dim_product p
    where p.sku = ${sku} and (
      exists (select 1 from gold.fact_sales f where f.product_key = p.product_key and f.region_id = any(${regions}))
      or exists (select 1 from gold.fact_inventory i where i.product_key = p.product_key and i.region_id = any(${regions})))`);
  return row ?? null;
}

/** The product of `sku` if it sold or was stocked in the scope's regions; null otherwise, wherever else it exists. */
export async function findProduct(db: Database, scope: Scope, sku: string): Promise<ProductInfo | null> {
  return cached(db, { query: 'product-find', params: { sku }, scope }, () =>
    readInScope(db, scope, async (tx) => {
      const found = await visibleProduct(tx, scope.regionIds, sku);
      return found && { sku: found.sku, name: found.name, category: found.category, subcategory: found.subcategory, brand: found.brand };
    }),
  );
}

/** Daily totals of one product: from the products cube (region grain) where it keeps every filter, else the facts. */
async function readProductDays(tx: Database, f: QueryFilters, productKey: number): Promise<Map<string, TrendPoint>> {
  const source = planSource(['day', 'product'], f);
  const query =
    source === 'facts'
      ? sql`select d.date::text as period, sum(f.net)::float8 as revenue, count(distinct f.transaction_id)::int as transactions,
              sum(f.quantity)::float8 as units, sum(f.discount)::float8 as discount, sum(f.cost)::float8 as cost
            from ${FACT_FROM} join gold.dim_date d on d.date_key = f.date_key
            where ${factWhere(f)} and f.product_key = ${productKey} group by d.date`
      : sql`select d.date::text as period, sum(r.net)::float8 as revenue, sum(r.transactions)::float8 as transactions,
              sum(r.units)::float8 as units, sum(r.discount)::float8 as discount, sum(r.cost)::float8 as cost
            from ${rollupRows(source, f, { byDay: true })} join gold.dim_date d on d.date_key = r.date_key
            where r.product_key = ${productKey} group by d.date`;
  const rows = await queryRows<TrendPoint>(tx, query);
  return new Map(rows.map((r) => [r.period, r]));
}

/**
 * Sales per store. No cube keeps products at store grain, so this reads the product's lines of the range
 * from gold.fact_sales through its product index (product first, then day): one product's lines only.
 */
async function readStoreSales(tx: Database, f: QueryFilters, productKey: number) {
  return queryRows<{ store_key: number; revenue: number; units: number; cost: number }>(tx, sql`
    select f.store_key, sum(f.net)::float8 as revenue, sum(f.quantity)::float8 as units, sum(f.cost)::float8 as cost
    from ${FACT_FROM} where ${factWhere(f)} and f.product_key = ${productKey} group by f.store_key`);
}

/**
 * Each store's latest count of the product. Counts land on few days (weekly snapshots, the days events
 * arrived), so the days are walked down the primary key (day, store, product) and each store probes them
 * newest first: index lookups instead of a scan of every product's counts.
 */
async function readStoreStock(tx: Database, f: QueryFilters, productKey: number) {
  const stores = f.storeKeys.length ? sql`and s.store_key = any(${intArray(f.storeKeys)})` : sql``;
  return queryRows<{ store_key: number; on_hand: number; reorder_point: number; counted_on: string }>(tx, sql`
    with recursive days as (
      select max(date_key) as d from gold.fact_inventory
      union all
      select (select max(date_key) from gold.fact_inventory where date_key < days.d) from days where days.d is not null)
    select s.store_key, c.on_hand, c.reorder_point, c.counted_on from gold.dim_store s
    cross join lateral (
      select i.on_hand, i.reorder_point, dd.date::text as counted_on
      from days join gold.fact_inventory i on i.date_key = days.d and i.store_key = s.store_key and i.product_key = ${productKey}
      join gold.dim_date dd on dd.date_key = i.date_key
      order by i.date_key desc limit 1) c
    where s.region_id = any(${smallintArray(f.regionIds)}) ${stores} ${f.nothing ? sql`and false` : sql``}`);
}

export async function getProductDetail(db: Database, scope: Scope, filters: ScopedFilters, sku: string, grain: Grain): Promise<ProductDetail | null> {
  return cached(db, { query: 'product-detail', params: { filters, sku, grain }, scope, through: filters.to }, () =>
    readInScope(db, scope, async (tx) => {
      const found = await visibleProduct(tx, scope.regionIds, sku);
      if (!found) return null;
      const { productKey, ...product } = found;
      const f = await withStoreKeys(tx, scope, filters);
      const days = await readProductDays(tx, f, productKey);
      const sales = await readStoreSales(tx, f, productKey);
      const stock = await readStoreStock(tx, f, productKey);
      const stores = await queryRows<{ store_key: number; store_code: string; name: string; region_id: number }>(tx, sql`
        select store_key, store_code, name, region_id from gold.dim_store where region_id = any(${smallintArray(f.regionIds)})`);
      const storeOf = new Map(stores.map((s) => [s.store_key, s]));
      const salesOf = new Map(sales.map((s) => [s.store_key, s]));
      const stockOf = new Map(stock.map((s) => [s.store_key, s]));
      const rows: ProductStoreRow[] = [...new Set([...salesOf.keys(), ...stockOf.keys()])].flatMap((key) => {
        const store = storeOf.get(key);
        if (!store) return [];
        const sold = salesOf.get(key);
        const counted = stockOf.get(key);
        const revenue = cents(sold?.revenue ?? 0);
        const margin = sold ? cents(sold.revenue - sold.cost) : null;
        return [{
          storeCode: store.store_code,
          storeName: store.name,
          region: regionNameOf(store.region_id) ?? String(store.region_id),
          revenue,
          units: sold?.units ?? 0,
          margin,
          marginRate: margin === null ? null : rate(margin, revenue),
          onHand: counted?.on_hand ?? null,
          reorderPoint: counted?.reorder_point ?? null,
          countedOn: counted?.counted_on ?? null,
        }];
      });
      rows.sort((a, b) => b.revenue - a.revenue || a.storeCode.localeCompare(b.storeCode));
      const sum = (pick: (p: TrendPoint) => number) => [...days.values()].reduce((a, p) => a + pick(p), 0);
      const revenue = cents(sum((p) => p.revenue));
      const cost = cents(sum((p) => p.cost));
      const margin = revenue === 0 && cost === 0 ? null : cents(revenue - cost);
      return {
        product,
        grain,
        trend: bucketDays(days, f.from, f.to, grain),
        totals: {
          revenue, units: sum((p) => p.units), transactions: sum((p) => p.transactions), cost,
          margin, marginRate: margin === null ? null : rate(margin, revenue),
          onHand: rows.reduce((a, r) => a + (r.onHand ?? 0), 0),
        },
        stores: rows,
      };
    }),
  );
}
