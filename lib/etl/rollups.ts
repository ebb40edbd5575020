// Rebuilds rollup slices from gold.fact_sales. The ETL refreshes only the (day, store) pairs a batch
// touched; the demo seeder refreshes everything. Both run the same SELECTs, so their rollups are identical.
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { intArray } from '@/db/sql';
import { GUEST_SEGMENT } from '@/lib/domain/segments';

export interface DayStore {
  dateKey: number;
  storeKey: number;
}

/** Which slices to rebuild: every one, or the given (day, store) pairs. */
export type RollupSlice = { all: true } | { pairs: DayStore[] };

const MEASURES = sql`count(*)::int, sum(f.quantity)::int, count(distinct f.transaction_id)::int,
  sum(f.gross), sum(f.discount), sum(f.net), sum(f.cost)`;

function sliceFilter(slice: RollupSlice, alias: string): SQL {
  if ('all' in slice) return sql`true`;
  const dates = intArray(slice.pairs.map((p) => p.dateKey));
  const stores = intArray(slice.pairs.map((p) => p.storeKey));
  return sql`(${sql.raw(alias)}.date_key, ${sql.raw(alias)}.store_key) in (select * from unnest(${dates}, ${stores}))`;
}

/**
 * Replaces the rollup rows of a slice with fresh aggregates of fact_sales. Callers that may run
 * concurrently hold `lockRollups` first, so each rebuild sees every fact committed before it.
 */
export async function refreshRollups(db: Database, slice: RollupSlice): Promise<void> {
  if ('pairs' in slice && slice.pairs.length === 0) return;
  for (const table of ROLLUP_TABLES) {
    await db.execute(sql`delete from ${sql.raw(`gold.${table}`)} r where ${sliceFilter(slice, 'r')}`);
  }
  const facts = sliceFilter(slice, 'f');
  // grouped by position: the Guest parameter would be a different bind in GROUP BY and not match
  const segment = sql`coalesce(c.segment, ${GUEST_SEGMENT})`;
  await db.execute(sql`
    insert into gold.agg_sales_daily (date_key, store_key, region_id, category, segment,
      lines, units, transactions, gross, discount, net, cost)
    select f.date_key, f.store_key, f.region_id, p.category, ${segment}, ${MEASURES}
    from gold.fact_sales f
    join gold.dim_product p on p.product_key = f.product_key
    left join gold.dim_customer c on c.customer_sk = f.customer_sk
    where ${facts}
    group by 1, 2, 3, 4, 5`);
  await db.execute(sql`
    insert into gold.agg_baskets_daily (date_key, store_key, region_id, segment,
      lines, units, transactions, gross, discount, net, cost)
    select f.date_key, f.store_key, f.region_id, ${segment}, ${MEASURES}
    from gold.fact_sales f
    left join gold.dim_customer c on c.customer_sk = f.customer_sk
    where ${facts}
    group by 1, 2, 3, 4`);
  await db.execute(sql`
    insert into gold.agg_sales_hourly (date_key, hour, store_key, region_id,
      lines, units, transactions, gross, discount, net, cost)
    select f.date_key, f.hour, f.store_key, f.region_id, ${MEASURES}
    from gold.fact_sales f
    where ${facts}
    group by f.date_key, f.hour, f.store_key, f.region_id`);
  await db.execute(sql`
    insert into gold.agg_customers_daily (date_key, store_key, region_id, segment, customer_id)
    select distinct f.date_key, f.store_key, f.region_id, c.segment, c.customer_id
    from gold.fact_sales f
    join gold.dim_customer c on c.customer_sk = f.customer_sk
    where ${facts}`);
}

/** Every rollup table, rebuilt together. */
export const ROLLUP_TABLES = ['agg_sales_daily', 'agg_baskets_daily', 'agg_sales_hourly', 'agg_customers_daily'] as const;

/** Serialises rollup rebuilds across workers until the caller's transaction ends. */
export async function lockRollups(db: Database): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${ROLLUP_LOCK_KEY})`);
}

const ROLLUP_LOCK_KEY = 7_201_001;
