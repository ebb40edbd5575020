// Keeps the rollups equal to aggregates of gold.fact_sales. The seeder rebuilds everything; the ETL adds
// each batch's new lines to the rows they belong to (addToRollups), so a batch costs what it carries, not
// what the day already holds, and rebuilds only the (day, store) pairs whose old facts changed customer.
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

/**
 * Adds newly inserted fact lines to every rollup. Sums add up; a basket counts in a rollup row only if
 * none of its lines was already in that row (lines of one basket may arrive in several batches), which an
 * index on (store, day, basket) answers per basket. Callers hold `lockRollups`, so concurrent workers add
 * in turn and each sees the lines the others committed.
 */
export async function addToRollups(db: Database, lineIds: readonly number[]): Promise<void> {
  if (lineIds.length === 0) return;
  const ids = intArray(lineIds);
  const segment = sql`coalesce(c.segment, ${GUEST_SEGMENT})`;
  // The batch's lines with every key a rollup groups by.
  const batch = sql`select f.sales_line_id, f.date_key, f.hour, f.store_key, f.region_id, f.transaction_id, f.customer_sk,
      f.quantity, f.gross, f.discount, f.net, f.cost, p.category, ${segment} as segment, c.customer_id
    from gold.fact_sales f
    join gold.dim_product p on p.product_key = f.product_key
    left join gold.dim_customer c on c.customer_sk = f.customer_sk
    where f.sales_line_id = any(${ids}::bigint[])`;
  /** Lines of the same basket, in the same day and store, from before this batch. */
  const earlier = (extra: SQL) => sql`exists (
    select 1 from gold.fact_sales o
    join gold.dim_product op on op.product_key = o.product_key
    left join gold.dim_customer oc on oc.customer_sk = o.customer_sk
    where o.store_key = b.store_key and o.date_key = b.date_key and o.transaction_id = b.transaction_id
      and o.sales_line_id <> all(${ids}::bigint[]) and ${extra})`;
  const sums = sql`count(*)::int, sum(b.quantity)::int, count(distinct b.transaction_id) filter (where not b.seen)::int,
    sum(b.gross), sum(b.discount), sum(b.net), sum(b.cost)`;
  const add = sql`lines = t.lines + excluded.lines, units = t.units + excluded.units, transactions = t.transactions + excluded.transactions,
    gross = t.gross + excluded.gross, discount = t.discount + excluded.discount, net = t.net + excluded.net, cost = t.cost + excluded.cost`;

  await db.execute(sql`
    insert into gold.agg_sales_daily as t (date_key, store_key, region_id, category, segment, lines, units, transactions, gross, discount, net, cost)
    select b.date_key, b.store_key, b.region_id, b.category, b.segment, ${sums}
    from (select b.*, ${earlier(sql`op.category = b.category and coalesce(oc.segment, ${GUEST_SEGMENT}) = b.segment`)} as seen from (${batch}) b) b
    group by 1, 2, 3, 4, 5
    on conflict (date_key, store_key, category, segment) do update set ${add}`);
  await db.execute(sql`
    insert into gold.agg_baskets_daily as t (date_key, store_key, region_id, segment, lines, units, transactions, gross, discount, net, cost)
    select b.date_key, b.store_key, b.region_id, b.segment, ${sums}
    from (select b.*, ${earlier(sql`coalesce(oc.segment, ${GUEST_SEGMENT}) = b.segment`)} as seen from (${batch}) b) b
    group by 1, 2, 3, 4
    on conflict (date_key, store_key, segment) do update set ${add}`);
  await db.execute(sql`
    insert into gold.agg_sales_hourly as t (date_key, hour, store_key, region_id, lines, units, transactions, gross, discount, net, cost)
    select b.date_key, b.hour, b.store_key, b.region_id, ${sums}
    from (select b.*, ${earlier(sql`o.hour = b.hour`)} as seen from (${batch}) b) b
    group by 1, 2, 3, 4
    on conflict (date_key, hour, store_key) do update set ${add}`);
  await db.execute(sql`
    insert into gold.agg_customers_daily (date_key, store_key, region_id, segment, customer_id)
    select distinct b.date_key, b.store_key, b.region_id, b.segment, b.customer_id from (${batch}) b where b.customer_id is not null
    on conflict do nothing`);
}

/** Every rollup table, rebuilt together. */
export const ROLLUP_TABLES = ['agg_sales_daily', 'agg_baskets_daily', 'agg_sales_hourly', 'agg_customers_daily'] as const;

/** Serialises rollup rebuilds across workers until the caller's transaction ends. */
export async function lockRollups(db: Database): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${ROLLUP_LOCK_KEY})`);
}

const ROLLUP_LOCK_KEY = 7_201_001;
