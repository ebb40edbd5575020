// Keeps every rollup equal to aggregates of gold.fact_sales: the sales cubes (lib/etl/rollups/cubes.ts, from
// their one definition in db/schema/gold-cubes.ts), the customer rollups kept here (who bought, per day
// and store, and as bitmaps per day and region) and what customers spent (customer-sales.ts). The seeder
// rebuilds everything; the ETL adds each batch's new lines to the rows they belong to (addToRollups), so a
// batch costs what it carries, not what the day already holds, and rebuilds only the (day, store) pairs
// whose old facts changed customer, with the (day, region)s and spans holding them.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { CUSTOMER_BITMAP_BITS } from '@/db/schema/gold';
import { intArray, smallintArray } from '@/db/sql';
import { addBatchToCubes, CUBE_DAY_TABLES, CUBE_SPAN_FAMILIES, CUBE_TABLES, numberCategories, rebuildCubeDays } from './cubes';
import {
  addToCustomerSales, CUSTOMER_SALES_SPAN_FAMILIES, CUSTOMER_SALES_TABLES, rebuildCategoryBitmaps, rebuildCustomerSales,
} from './customer-sales';
import { BATCH_LINES, loadBatchLines } from './batch-lines';
import { addToSpans, advanceSpanHorizon, CUSTOMER_BITMAP_SPANS, rebuildSpans, type DayRegion } from './span-rollups';

export interface DayStore {
  dateKey: number;
  storeKey: number;
}

/** Which slices to rebuild: every one, or the given (day, store) pairs. */
export type RollupSlice = { all: true } | { pairs: DayStore[] };

/** Every rollup table: the cubes' and the customers'. */
export const ROLLUP_TABLES = [
  ...CUBE_TABLES, 'agg_customers_daily', 'agg_customer_bitmaps', CUSTOMER_BITMAP_SPANS.spans, 'agg_category_customers',
  ...CUSTOMER_SALES_TABLES,
] as const;

const SPAN_FAMILIES = [...CUBE_SPAN_FAMILIES, CUSTOMER_BITMAP_SPANS, ...CUSTOMER_SALES_SPAN_FAMILIES];

/** A customer number's bitmap row and its bit there, as one-bit bitmaps that bit_or merges. */
const BITMAP_CHUNK = (no: SQL) => sql`${no} / ${sql.raw(String(CUSTOMER_BITMAP_BITS))}`;
const BITMAP_BIT = (no: SQL) =>
  sql`(B'1'::bit(${sql.raw(String(CUSTOMER_BITMAP_BITS))}) >> (${no} % ${sql.raw(String(CUSTOMER_BITMAP_BITS))}))`;

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
  await numberCategories(db, sliceFilter(slice, 'f'));
  await rebuildCubeDays(db, 'store', { facts: sliceFilter(slice, 'f'), rows: sliceFilter(slice, 'r') });
  await db.execute(sql`delete from gold.agg_customers_daily r where ${sliceFilter(slice, 'r')}`);
  await db.execute(sql`
    insert into gold.agg_customers_daily (date_key, store_key, region_id, segment, customer_id)
    select distinct f.date_key, f.store_key, f.region_id, c.segment, c.customer_id
    from gold.fact_sales f
    join gold.dim_customer c on c.customer_sk = f.customer_sk
    where ${sliceFilter(slice, 'f')}
    order by 1, 3`);
  const touched =
    'all' in slice
      ? 'all'
      : await queryRows<DayRegion>(db, sql`
          select distinct p.date_key::int as "dateKey", s.region_id::int as "regionId"
          from unnest(${intArray(slice.pairs.map((p) => p.dateKey))}, ${intArray(slice.pairs.map((p) => p.storeKey))}) p(date_key, store_key)
          join gold.dim_store s on s.store_key = p.store_key`);
  const dayRegions = (alias: string) => (touched === 'all' ? sql`true` : inDayRegions(touched, alias));
  await rebuildCubeDays(db, 'region', { facts: dayRegions('f'), rows: dayRegions('r') });
  await rebuildCustomerBitmaps(db, dayRegions('r'));
  await rebuildCategoryCustomers(db, { facts: dayRegions('f'), rows: dayRegions('r') });
  await rebuildCustomerSales(db, 'all' in slice ? null : { facts: sliceFilter(slice, 'f'), rows: sliceFilter(slice, 'r') });
  await rebuildCategoryBitmaps(db, dayRegions('r'));
  await rebuildSpans(db, SPAN_FAMILIES, touched);
}

/**
 * Rows (alias `r`) of the given (day, region)s. The pairs travel as literal arrays: the planner then knows
 * there are a handful and reads them through the (day, region) indexes, where a subquery over the batch's
 * lines let it guess wrong and scan a whole rollup.
 */
function inDayRegions(pairs: readonly DayRegion[], alias: string): SQL {
  if (pairs.length === 0) return sql`false`;
  return sql`(${sql.raw(alias)}.date_key, ${sql.raw(alias)}.region_id) in (select * from unnest(${intArray(pairs.map((p) => p.dateKey))}, ${smallintArray(pairs.map((p) => p.regionId))}))`;
}

/** Replaces who bought in each category on the (day, region)s matching `where` (rebuildCustomerBitmaps numbers them first). */
async function rebuildCategoryCustomers(db: Database, where: { facts: SQL; rows: SQL }): Promise<void> {
  await db.execute(sql`delete from gold.agg_category_customers r where ${where.rows}`);
  await db.execute(sql`
    insert into gold.agg_category_customers (date_key, region_id, category, segment, customer_no)
    select distinct f.date_key, f.region_id, p.category, c.segment, n.customer_no
    from gold.fact_sales f
    join gold.dim_product p on p.product_key = f.product_key
    join gold.dim_customer c on c.customer_sk = f.customer_sk
    join silver.customer_numbers n on n.customer_id = c.customer_id
    where ${where.facts}
    order by 1, 2`);
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
 * Adds newly inserted fact lines to every rollup: their customers are numbered, the lines read once into
 * BATCH_LINES (batch-lines.ts), then added to the cubes (see addBatchToCubes) and to who bought.
 * Callers run it inside their transaction and hold `lockRollups`.
 */
export async function addToRollups(db: Database, lineIds: readonly number[]): Promise<void> {
  if (lineIds.length === 0) return;
  await numberCustomers(db, sql`select c.customer_id from gold.fact_sales f join gold.dim_customer c on c.customer_sk = f.customer_sk
    where f.sales_line_id = any(${intArray(lineIds)}::bigint[])`);
  const lines = await loadBatchLines(db, lineIds);
  const buyers = sql`select * from ${BATCH_LINES} b where b.customer_id is not null`;
  await addBatchToCubes(db, lineIds, lines);
  await db.execute(sql`
    insert into gold.agg_customers_daily (date_key, store_key, region_id, segment, customer_id)
    select distinct b.date_key, b.store_key, b.region_id, b.segment, b.customer_id from (${buyers}) b
    on conflict do nothing`);
  await addToCustomerSales(db, lineIds, lines);
  await db.execute(sql`
    insert into gold.agg_category_customers (date_key, region_id, category, segment, customer_no)
    select distinct b.date_key, b.region_id, b.category, b.segment, b.customer_no from (${buyers}) b
    order by 1, 2 on conflict do nothing`);
  // Buyers only join a bitmap (a line never leaves one here), so OR-ing the batch's buyers in is exact.
  await db.execute(sql`
    with d as (
      select b.date_key, b.region_id, b.segment, ${BITMAP_CHUNK(sql`b.customer_no`)} as chunk, bit_or(${BITMAP_BIT(sql`b.customer_no`)}) as customers
      from (${buyers}) b
      group by 1, 2, 3, 4),
    days as (
      insert into gold.agg_customer_bitmaps as t (date_key, region_id, segment, chunk, customers)
      select date_key, region_id, segment, chunk, customers from d
      on conflict (date_key, region_id, segment, chunk) do update set customers = t.customers | excluded.customers)
    ${addToSpans(CUSTOMER_BITMAP_SPANS, 'd')}`);
}

/** Adds the days up to `lastDay` (yesterday, once it is closed) to every span; callers hold `lockRollups`. */
export async function closeDaysInSpans(db: Database, lastDay: string): Promise<void> {
  await advanceSpanHorizon(db, SPAN_FAMILIES, lastDay);
}

/** Serialises rollup rebuilds across workers until the caller's transaction ends. */
export async function lockRollups(db: Database): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${ROLLUP_LOCK_KEY})`);
}

const ROLLUP_LOCK_KEY = 7_201_001;

/**
 * After an upgrade that adds a rollup (a migration creates it empty), rebuilds every rollup from the facts
 * once, under the rollup lock; a no-op when every cube has day rows or there are no facts. Returns whether
 * it rebuilt, so the caller can say so: at millions of lines it takes minutes.
 */
export async function rebuildRollupsIfMissing(db: Database, onStart?: () => void): Promise<boolean> {
  // Day rows of every cube exist wherever facts do (spans may wait for the horizon), and customer sales
  // wherever a fact has a customer: an empty one beside such facts is one this release added.
  const probes = sql.join(CUBE_DAY_TABLES.map((t) => sql`not exists (select 1 from ${sql.raw(`gold.${t}`)})`), sql` or `);
  const [{ missing }] = await queryRows<{ missing: boolean }>(db, sql`
    select exists (select 1 from gold.fact_sales) and (${probes})
      or exists (select 1 from gold.fact_sales where customer_sk is not null) and not exists (select 1 from gold.agg_customer_sales) as missing`);
  if (!missing) return false;
  onStart?.();
  await db.transaction(async (tx) => {
    await lockRollups(tx as unknown as Database);
    await refreshRollups(tx as unknown as Database, { all: true });
  });
  return true;
}
