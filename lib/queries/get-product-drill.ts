// Product drill-down: the children of the current drill path (all categories; a category's subcategories;
// a subcategory's products) with revenue (net), units, transactions and gross margin. At product level it
// adds stock on hand (latest inventory snapshot, summed over the stores in view) and how many of those
// stores are below the reorder point.
import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { intArray, smallintArray, textArray } from '@/db/sql';
import type { Scope } from '@/lib/auth/scope';
import type { ScopedFilters } from '@/lib/auth/scoped-filters';
import { FACT_FROM, factWhere, withStoreKeys, type QueryFilters } from './internal/filter-sql';
import { rollupRows } from './internal/rollup-rows';
import { cached } from '@/lib/cache/process-cache';
import { readInScope } from './internal/read-in-scope';
import { planSource } from './internal/source-plan';

export type DrillLevel = 'category' | 'subcategory' | 'product';

export interface DrillRow {
  key: string;
  label: string;
  revenue: number;
  units: number;
  transactions: number;
  grossMargin: number;
  /** Product level only. */
  stockOnHand?: number;
  lowStockStores?: number;
}

export interface ProductDrill {
  level: DrillLevel;
  path: string[];
  rows: DrillRow[];
}

const margin = (net: number, cost: number) => (net > 0 ? Math.round(((net - cost) / net) * 10_000) / 10_000 : 0);

const LEVEL_GROUPING = ['category', 'subcategory', 'product'] as const;

/** The filters narrowed to the drill path (the page's filters usually carry it already). */
function withinPath(f: QueryFilters, path: string[]): QueryFilters {
  const [category, subcategory] = path;
  const outside = (values: readonly string[], item: string | undefined) => item !== undefined && values.length > 0 && !values.includes(item);
  return {
    ...f,
    categories: category !== undefined ? [category] : f.categories,
    subcategories: subcategory !== undefined ? [subcategory] : f.subcategories,
    nothing: f.nothing || outside(f.categories, category) || outside(f.subcategories, subcategory),
  };
}

async function readLevel(tx: Database, filters: QueryFilters, path: string[]) {
  type Row = { key: string; label: string; revenue: number; units: number; transactions: number; cost: number };
  const f = withinPath(filters, path);
  const grouping = LEVEL_GROUPING[path.length];
  const source = planSource(grouping, f);
  if (source !== 'facts') {
    const [key, label, joins] =
      grouping === 'product'
        ? [sql`dp.sku`, sql`dp.name`, sql`join gold.dim_product dp on dp.product_key = r.product_key`]
        : [sql.raw(`r.${grouping}`), sql.raw(`r.${grouping}`), sql``];
    return queryRows<Row>(
      tx,
      sql`select ${key} as key, ${label} as label, sum(r.net)::float8 as revenue, sum(r.units)::float8 as units,
            sum(r.transactions)::float8 as transactions, sum(r.cost)::float8 as cost
          from ${rollupRows(source, f, { byDay: false })} ${joins}
          group by 1, 2 order by revenue desc, 1 limit 500`,
    );
  }
  const [key, label] =
    grouping === 'category' ? [sql`p.category`, sql`p.category`] : grouping === 'subcategory' ? [sql`p.subcategory`, sql`p.subcategory`] : [sql`p.sku`, sql`p.name`];
  return queryRows<Row>(
    tx,
    sql`select ${key} as key, ${label} as label, sum(f.net)::float8 as revenue, sum(f.quantity)::float8 as units,
          count(distinct f.transaction_id)::int as transactions, sum(f.cost)::float8 as cost
        from ${FACT_FROM} where ${factWhere(f)}
        group by 1, 2 order by revenue desc, 1 limit 500`,
  );
}

async function readStock(tx: Database, f: QueryFilters, skus: string[]) {
  if (skus.length === 0) return new Map<string, { onHand: number; low: number }>();
  const stores = f.storeKeys.length ? sql`and i.store_key = any(${intArray(f.storeKeys)})` : sql``;
  const rows = await queryRows<{ sku: string; on_hand: number; low: number }>(
    tx,
    sql`select p.sku, sum(i.on_hand)::int as on_hand, count(*) filter (where i.on_hand < i.reorder_point)::int as low
        from gold.fact_inventory i join gold.dim_product p on p.product_key = i.product_key
        where i.date_key = (select max(date_key) from gold.fact_inventory where region_id = any(${smallintArray(f.regionIds)}))
          and i.region_id = any(${smallintArray(f.regionIds)}) ${stores}
          and p.sku = any(${textArray(skus)})
        group by p.sku`,
  );
  return new Map(rows.map((r) => [r.sku, { onHand: r.on_hand, low: r.low }]));
}

export async function getProductDrill(db: Database, scope: Scope, filters: ScopedFilters, path: string[]): Promise<ProductDrill> {
  const level: DrillLevel = path.length === 0 ? 'category' : path.length === 1 ? 'subcategory' : 'product';
  return cached(db, { query: 'product-drill', params: { filters, path }, scope }, () =>
    readInScope(db, scope, async (tx) => {
      const f = await withStoreKeys(tx, scope, filters);
      const rows = await readLevel(tx, f, path.slice(0, 2));
      const stock = level === 'product' ? await readStock(tx, f, rows.map((r) => r.key)) : null;
      return {
        level,
        path: path.slice(0, 2),
        rows: rows.map((r) => ({
          key: r.key,
          label: r.label,
          revenue: Math.round(r.revenue * 100) / 100,
          units: r.units,
          transactions: r.transactions,
          grossMargin: margin(r.revenue, r.cost),
          ...(stock ? { stockOnHand: stock.get(r.key)?.onHand ?? 0, lowStockStores: stock.get(r.key)?.low ?? 0 } : {}),
        })),
      };
    }),
  );
}
