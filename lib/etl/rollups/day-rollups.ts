// Keeps the rollups equal to aggregates of gold.fact_sales. The seeder rebuilds everything; the ETL adds
// each batch's new lines to the rows they belong to (addToRollups), so a batch costs what it carries, not
// what the day already holds, and rebuilds only the (day, store) pairs whose old facts changed customer.
// The region-grain rollups are sums of the store-grain ones, redone for every (day, region) touched; the
// customer bitmaps gain each batch's buyers and are rebuilt from agg_customers_daily with it. The rollups
// over runs of days (lib/etl/rollups/span-rollups.ts) take each batch's changes in the same statements as the day
// rows, and are rebuilt from them where day rows were rebuilt.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { CUSTOMER_BITMAP_BITS, ROLLUP_MEASURE_COLUMNS } from '@/db/schema/gold';
import { intArray, smallintArray } from '@/db/sql';
import { GUEST_SEGMENT } from '@/lib/domain/segments';
import { addToSpans, rebuildSpans, SPAN_FAMILIES, SPAN_TABLES, type DayRegion } from './span-rollups';

export interface DayStore {
  dateKey: number;
  storeKey: number;
}

/** Which slices to rebuild: every one, or the given (day, store) pairs. */
export type RollupSlice = { all: true } | { pairs: DayStore[] };

/** The store-grain rollup tables, rebuilt together from the facts. */
const STORE_ROLLUP_TABLES = ['agg_sales_daily', 'agg_baskets_daily', 'agg_sales_hourly', 'agg_customers_daily'] as const;

/** Each region-grain rollup, the store-grain rollup it sums, and the keys it keeps. */
const REGION_ROLLUPS = [
  { table: 'agg_sales_daily_region', from: 'agg_sales_daily', keys: 'date_key, region_id, category, segment' },
  { table: 'agg_baskets_daily_region', from: 'agg_baskets_daily', keys: 'date_key, region_id, segment' },
  { table: 'agg_sales_hourly_region', from: 'agg_sales_hourly', keys: 'date_key, hour, region_id' },
] as const;

/** Every rollup table, store and region grain. */
export const ROLLUP_TABLES = [
  ...STORE_ROLLUP_TABLES, ...REGION_ROLLUPS.map((r) => r.table), 'agg_customer_bitmaps', ...SPAN_TABLES,
] as const;

/** A customer number's bitmap row and its bit there, as one-bit bitmaps that bit_or merges. */
const BITMAP_CHUNK = (no: SQL) => sql`${no} / ${sql.raw(String(CUSTOMER_BITMAP_BITS))}`;
const BITMAP_BIT = (no: SQL) =>
  sql`(B'1'::bit(${sql.raw(String(CUSTOMER_BITMAP_BITS))}) >> (${no} % ${sql.raw(String(CUSTOMER_BITMAP_BITS))}))`;

const MEASURES = sql`count(*), sum(f.quantity), count(distinct f.transaction_id),
  sum(f.gross), sum(f.discount), sum(f.net), sum(f.cost)`;

function sliceFilter(slice: RollupSlice, alias: string): SQL {
  if ('all' in slice) return sql`true`;
  const dates = intArray(slice.pairs.map((p) => p.dateKey));
  const stores = intArray(slice.pairs.map((p) => p.storeKey));
  return sql`(${sql.raw(alias)}.date_key, ${sql.raw(alias)}.store_key) in (select * from unnest(${dates}, ${stores}))`;
}

/**
 * Replaces the rollup rows of a slice with fresh aggregates of fact_sales. Callers that may run
 * concurrently hold `lockRollups` first, so each rebuild sees every fact committed before it. Rows are
 * written in date order: a seeded table then keeps each date range on neighbouring pages.
 */
export async function refreshRollups(db: Database, slice: RollupSlice): Promise<void> {
  if ('pairs' in slice && slice.pairs.length === 0) return;
  for (const table of STORE_ROLLUP_TABLES) {
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
    group by 1, 2, 3, 4, 5 order by 1, 2`);
  await db.execute(sql`
    insert into gold.agg_baskets_daily (date_key, store_key, region_id, segment,
      lines, units, transactions, gross, discount, net, cost)
    select f.date_key, f.store_key, f.region_id, ${segment}, ${MEASURES}
    from gold.fact_sales f
    left join gold.dim_customer c on c.customer_sk = f.customer_sk
    where ${facts}
    group by 1, 2, 3, 4 order by 1, 2`);
  await db.execute(sql`
    insert into gold.agg_sales_hourly (date_key, hour, store_key, region_id,
      lines, units, transactions, gross, discount, net, cost)
    select f.date_key, f.hour, f.store_key, f.region_id, ${MEASURES}
    from gold.fact_sales f
    where ${facts}
    group by f.date_key, f.hour, f.store_key, f.region_id order by 1, 3`);
  await db.execute(sql`
    insert into gold.agg_customers_daily (date_key, store_key, region_id, segment, customer_id)
    select distinct f.date_key, f.store_key, f.region_id, c.segment, c.customer_id
    from gold.fact_sales f
    join gold.dim_customer c on c.customer_sk = f.customer_sk
    where ${facts}
    order by 1, 3`);
  const touched =
    'all' in slice
      ? 'all'
      : await queryRows<DayRegion>(db, sql`
          select distinct p.date_key::int as "dateKey", s.region_id::int as "regionId"
          from unnest(${intArray(slice.pairs.map((p) => p.dateKey))}, ${intArray(slice.pairs.map((p) => p.storeKey))}) p(date_key, store_key)
          join gold.dim_store s on s.store_key = p.store_key`);
  const dayRegions = touched === 'all' ? sql`true` : inDayRegions(touched);
  await sumRegionRollups(db, dayRegions);
  await rebuildCustomerBitmaps(db, dayRegions);
  await rebuildSpans(db, touched);
}

/**
 * Rows (alias `r`) of the given (day, region)s. The pairs travel as literal arrays: the planner then knows
 * there are a handful and reads them through the (day, region) indexes, where a subquery over the batch's
 * lines let it guess wrong and scan a whole rollup.
 */
function inDayRegions(pairs: readonly DayRegion[]): SQL {
  if (pairs.length === 0) return sql`false`;
  return sql`(r.date_key, r.region_id) in (select * from unnest(${intArray(pairs.map((p) => p.dateKey))}, ${smallintArray(pairs.map((p) => p.regionId))}))`;
}

/** Numbers the customer ids the query returns that have no number yet, in id order. */
async function numberCustomers(db: Database, customerIds: SQL): Promise<void> {
  await db.execute(sql`
    insert into silver.customer_numbers (customer_id)
    select distinct x.customer_id from (${customerIds}) x
    where x.customer_id is not null and not exists (select 1 from silver.customer_numbers n where n.customer_id = x.customer_id)
    order by 1`);
}

/** Replaces the customer bitmaps of the (day, region)s matching `where` (alias `r`) from agg_customers_daily. */
async function rebuildCustomerBitmaps(db: Database, where: SQL): Promise<void> {
  await db.execute(sql`delete from gold.agg_customer_bitmaps r where ${where}`);
  await numberCustomers(db, sql`select r.customer_id from gold.agg_customers_daily r where ${where}`);
  await db.execute(sql`
    insert into gold.agg_customer_bitmaps (date_key, region_id, segment, chunk, customers)
    select r.date_key, r.region_id, r.segment, ${BITMAP_CHUNK(sql`n.customer_no`)}, bit_or(${BITMAP_BIT(sql`n.customer_no`)})
    from gold.agg_customers_daily r join silver.customer_numbers n on n.customer_id = r.customer_id
    where ${where}
    group by 1, 2, 3, 4 order by 1, 2`);
}

/**
 * Replaces the region-grain rows matching `where` (over alias `r`, by date_key and region_id) with sums of
 * their store-grain rows. A (day, region) holds a few hundred store rows, so this costs little per batch.
 */
async function sumRegionRollups(db: Database, where: SQL): Promise<void> {
  for (const { table, from, keys } of REGION_ROLLUPS) {
    await db.execute(sql`delete from ${sql.raw(`gold.${table}`)} r where ${where}`);
    await db.execute(sql`
      insert into ${sql.raw(`gold.${table}`)} (${sql.raw(keys)}, ${sql.raw(ROLLUP_MEASURE_COLUMNS.join(', '))})
      select ${sql.raw(keys)}, ${sql.raw(ROLLUP_MEASURE_COLUMNS.map((c) => `sum(${c})`).join(', '))}
      from ${sql.raw(`gold.${from}`)} r where ${where}
      group by ${sql.raw(keys)} order by date_key, region_id`);
  }
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
  const sums = sql`count(*) as lines, sum(b.quantity) as units,
    count(distinct b.transaction_id) filter (where not b.seen) as transactions,
    sum(b.gross) as gross, sum(b.discount) as discount, sum(b.net) as net, sum(b.cost) as cost`;
  const add = sql.raw(ROLLUP_MEASURE_COLUMNS.map((c) => `${c} = t.${c} + excluded.${c}`).join(', '));
  const measures = sql.raw(ROLLUP_MEASURE_COLUMNS.join(', '));

  // Each statement computes the batch's changes to one day rollup once (d), adds them to its rows and to
  // the spans over runs of days kept beside it.
  await db.execute(sql`
    with d as (
      select b.date_key, b.store_key, b.region_id, b.category, b.segment, ${sums}
      from (select b.*, ${earlier(sql`op.category = b.category and coalesce(oc.segment, ${GUEST_SEGMENT}) = b.segment`)} as seen from (${batch}) b) b
      group by 1, 2, 3, 4, 5),
    days as (
      insert into gold.agg_sales_daily as t (date_key, store_key, region_id, category, segment, ${measures})
      select date_key, store_key, region_id, category, segment, ${measures} from d
      on conflict (date_key, store_key, category, segment) do update set ${add})
    ${addToSpans(SPAN_FAMILIES.salesRegion, 'd')}`);
  await db.execute(sql`
    with d as (
      select b.date_key, b.store_key, b.region_id, b.segment, ${sums}
      from (select b.*, ${earlier(sql`coalesce(oc.segment, ${GUEST_SEGMENT}) = b.segment`)} as seen from (${batch}) b) b
      group by 1, 2, 3, 4),
    days as (
      insert into gold.agg_baskets_daily as t (date_key, store_key, region_id, segment, ${measures})
      select date_key, store_key, region_id, segment, ${measures} from d
      on conflict (date_key, store_key, segment) do update set ${add}),
    store_spans as (${addToSpans(SPAN_FAMILIES.baskets, 'd')})
    ${addToSpans(SPAN_FAMILIES.basketsRegion, 'd')}`);
  await db.execute(sql`
    with d as (
      select b.date_key, b.hour, b.store_key, b.region_id, ${sums}
      from (select b.*, ${earlier(sql`o.hour = b.hour`)} as seen from (${batch}) b) b
      group by 1, 2, 3, 4),
    days as (
      insert into gold.agg_sales_hourly as t (date_key, hour, store_key, region_id, ${measures})
      select date_key, hour, store_key, region_id, ${measures} from d
      on conflict (date_key, hour, store_key) do update set ${add})
    ${addToSpans(SPAN_FAMILIES.hourlyRegion, 'd')}`);
  await db.execute(sql`
    insert into gold.agg_customers_daily (date_key, store_key, region_id, segment, customer_id)
    select distinct b.date_key, b.store_key, b.region_id, b.segment, b.customer_id from (${batch}) b where b.customer_id is not null
    on conflict do nothing`);
  const touched = await queryRows<DayRegion>(db, sql`
    select distinct f.date_key as "dateKey", f.region_id::int as "regionId" from gold.fact_sales f where f.sales_line_id = any(${ids}::bigint[])`);
  await sumRegionRollups(db, inDayRegions(touched));
  // Buyers only join a bitmap (a line never leaves one here), so OR-ing the batch's buyers in is exact.
  await numberCustomers(db, sql`select b.customer_id from (${batch}) b`);
  await db.execute(sql`
    with d as (
      select b.date_key, b.region_id, b.segment, ${BITMAP_CHUNK(sql`n.customer_no`)} as chunk, bit_or(${BITMAP_BIT(sql`n.customer_no`)}) as customers
      from (${batch}) b join silver.customer_numbers n on n.customer_id = b.customer_id
      group by 1, 2, 3, 4),
    days as (
      insert into gold.agg_customer_bitmaps as t (date_key, region_id, segment, chunk, customers)
      select date_key, region_id, segment, chunk, customers from d
      on conflict (date_key, region_id, segment, chunk) do update set customers = t.customers | excluded.customers)
    ${addToSpans(SPAN_FAMILIES.customerBitmaps, 'd')}`);
}

/** Serialises rollup rebuilds across workers until the caller's transaction ends. */
export async function lockRollups(db: Database): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${ROLLUP_LOCK_KEY})`);
}

const ROLLUP_LOCK_KEY = 7_201_001;
