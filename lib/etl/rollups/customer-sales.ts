// Keeps the customer sales rollups (db/schema/gold-customers.ts) equal to the facts: what each customer
// spent per day, store and basket keys, in all (with its spans per region) and per category; each
// customer's first purchase per region and segment (and category) with the net of that first month and
// week; and who bought in each category as bitmaps (with their spans). Customers are numbered
// (silver.customer_numbers) before anything here runs: maintain-rollups.ts numbers them for the bitmaps first.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { CUSTOMER_BITMAP_BITS } from '@/db/schema/gold';
import { intArray, textArray } from '@/db/sql';
import { BATCH_LINES, type BatchLines } from './batch-lines';
import { addToSpans, type SpanFamily } from './span-rollups';

/** One customer sales rollup: its day rows, its first purchases, whether it keeps categories, and its spans if any. */
interface CustomerSalesRollup {
  sales: string;
  firsts: string;
  byCategory: boolean;
  spans?: SpanFamily;
}

/** agg_customer_sales summed per region over runs of days. */
export const CUSTOMER_SALES_SPANS: SpanFamily = {
  spans: 'agg_customer_sales_spans', days: 'agg_customer_sales', keys: ['region_id', 'segment', 'customer_id'],
  conflictKeys: ['region_id', 'segment', 'customer_id'], merge: 'sum', values: ['net', 'transactions'],
};

/** The category bitmaps' spans. */
export const CATEGORY_BITMAP_SPANS: SpanFamily = {
  spans: 'agg_category_customer_bitmap_spans', days: 'agg_category_customer_bitmaps', keys: ['region_id', 'category', 'segment', 'chunk'],
  conflictKeys: ['region_id', 'category', 'segment', 'chunk'], merge: 'bit_or',
};

const ROLLUPS: readonly CustomerSalesRollup[] = [
  { sales: 'agg_customer_sales', firsts: 'agg_customer_firsts', byCategory: false, spans: CUSTOMER_SALES_SPANS },
  { sales: 'agg_category_customer_sales', firsts: 'agg_category_customer_firsts', byCategory: true },
];

export const CUSTOMER_SALES_TABLES: readonly string[] = [
  ...ROLLUPS.flatMap((r) => [r.sales, ...(r.spans ? [r.spans.spans] : []), r.firsts]),
  CATEGORY_BITMAP_SPANS.days, CATEGORY_BITMAP_SPANS.spans,
];

export const CUSTOMER_SALES_SPAN_FAMILIES: readonly SpanFamily[] = [CUSTOMER_SALES_SPANS, CATEGORY_BITMAP_SPANS];

const list = (columns: readonly string[]) => sql.raw(columns.join(', '));
const category = (rollup: CustomerSalesRollup) => (rollup.byCategory ? ['category'] : []);
const salesColumns = (r: CustomerSalesRollup) => ['date_key', 'store_key', 'region_id', ...category(r), 'segment', 'hour', 'weekday', 'customer_id', 'customer_no'];
const salesKey = (r: CustomerSalesRollup) => ['date_key', 'region_id', ...category(r), 'store_key', 'segment', 'hour', 'weekday', 'customer_id'];
const firstsKey = (r: CustomerSalesRollup) => [...category(r), 'customer_no', 'region_id', 'segment'];
const firstsColumns = (r: CustomerSalesRollup) => [...firstsKey(r), 'first_day', 'first_month', 'first_week', 'first_month_net', 'first_week_net'];
/** The facts' columns in salesColumns order, over fact `f`, product `p`, customer version `c` and number `n`. */
const factColumns = (r: CustomerSalesRollup) =>
  sql.raw(['f.date_key', 'f.store_key', 'f.region_id', ...(r.byCategory ? ['p.category'] : []), 'c.segment', 'f.hour', 'f.weekday', 'c.customer_id', 'n.customer_no'].join(', '));

const dayOf = (dateKey: string) => sql.raw(`to_date(${dateKey}::text, 'YYYYMMDD')`);
const periodOf = (grain: 'month' | 'week', day: string) => sql.raw(`date_trunc('${grain}', ${day}::timestamp)`);

/** A customer number's bitmap row and its bit there, as one-bit bitmaps that bit_or merges. */
const chunkOf = (no: string) => sql.raw(`${no} / ${CUSTOMER_BITMAP_BITS}`);
const bitOf = (no: string) => sql.raw(`(B'1'::bit(${CUSTOMER_BITMAP_BITS}) >> (${no} % ${CUSTOMER_BITMAP_BITS}))`);

/**
 * Each first-purchase key's first day in `rows` (alias `r`: the rollup's sales columns and net) and the
 * net of that day's month and week there: over customers' whole history, their first purchases; over a
 * batch, the batch's own, which addToCustomerSales merges into them.
 */
function firstsOf(rollup: CustomerSalesRollup, rows: SQL): SQL {
  const key = list(firstsKey(rollup));
  return sql`
    select ${key}, first_day, ${periodOf('month', 'first_day')}::date, ${periodOf('week', 'first_day')}::date,
      sum(net) filter (where ${periodOf('month', 'day')} = ${periodOf('month', 'first_day')}),
      sum(net) filter (where ${periodOf('week', 'day')} = ${periodOf('week', 'first_day')})
    from (select r.*, ${dayOf('r.date_key')} as day, min(${dayOf('r.date_key')}) over (partition by ${key}) as first_day
          from (${rows}) r) x
    group by ${key}, first_day`;
}

/**
 * Replaces the customer sales of the facts matching `where` (`facts` over alias `f`, `rows` the same slice
 * over alias `r`; null: everything), then recomputes the first purchases of every customer the slice held
 * before or holds now, from their whole history in the day rows.
 */
export async function rebuildCustomerSales(db: Database, where: { facts: SQL; rows: SQL } | null): Promise<void> {
  for (const rollup of ROLLUPS) {
    const table = sql.raw(`gold.${rollup.sales}`);
    const firsts = sql.raw(`gold.${rollup.firsts}`);
    const columns = list(salesColumns(rollup));
    const buyers = async (rows: SQL) =>
      (await queryRows<{ id: string }>(db, sql`select distinct r.customer_id as id from ${table} r where ${rows}`)).map((r) => r.id);
    const before = where ? await buyers(where.rows) : [];
    await db.execute(sql`delete from ${table} r where ${where?.rows ?? sql`true`}`);
    await db.execute(sql`
      insert into ${table} (${columns}, net, transactions)
      select ${factColumns(rollup)}, sum(f.net), count(distinct f.transaction_id)
      from gold.fact_sales f
      join gold.dim_product p on p.product_key = f.product_key
      join gold.dim_customer c on c.customer_sk = f.customer_sk
      join silver.customer_numbers n on n.customer_id = c.customer_id
      where ${where?.facts ?? sql`true`}
      group by ${sql.raw(salesColumns(rollup).map((_, i) => i + 1).join(', '))} order by 1, 2`);
    if (!where) {
      await db.execute(sql`delete from ${firsts}`);
      await db.execute(sql`insert into ${firsts} (${list(firstsColumns(rollup))}) ${firstsOf(rollup, sql`select * from ${table}`)} order by 1, 2, 3`);
      continue;
    }
    const customers = [...new Set([...before, ...(await buyers(where.rows))])];
    if (customers.length === 0) continue;
    await db.execute(sql`delete from ${firsts} t
      where t.customer_no in (select n.customer_no from silver.customer_numbers n where n.customer_id = any(${textArray(customers)}))`);
    await db.execute(sql`insert into ${firsts} (${list(firstsColumns(rollup))})
      ${firstsOf(rollup, sql`select * from ${table} where customer_id = any(${textArray(customers)})`)}`);
  }
}

/** Replaces the category bitmaps of the (day, region)s matching `where` (alias `r`) from agg_category_customer_sales. */
export async function rebuildCategoryBitmaps(db: Database, where: SQL): Promise<void> {
  await db.execute(sql`delete from gold.agg_category_customer_bitmaps r where ${where}`);
  await db.execute(sql`
    insert into gold.agg_category_customer_bitmaps (date_key, region_id, category, segment, chunk, customers)
    select r.date_key, r.region_id, r.category, r.segment, ${chunkOf('r.customer_no')}, bit_or(${bitOf('r.customer_no')})
    from gold.agg_category_customer_sales r
    where ${where}
    group by 1, 2, 3, 4, 5 order by 1, 2`);
}

/**
 * Adds newly inserted fact lines: to their day rows, to the spans holding their days (up to the horizon),
 * to the first purchases and to the category bitmaps. A basket counts in a row only if none of its lines
 * was there already (lines of one basket may arrive in several batches). A first purchase only moves
 * earlier; the net of the first month (week) adds the batch's lines of that month (week), or restarts from
 * them when the batch moved the first day into an earlier month (week). Callers hold `lockRollups`.
 */
export async function addToCustomerSales(db: Database, lineIds: readonly number[], { split }: BatchLines): Promise<void> {
  const ids = intArray(lineIds);
  const firstNet = (grain: 'month' | 'week') => {
    const [period, column] = [sql.raw(`first_${grain}`), sql.raw(`first_${grain}_net`)];
    return sql`${period} = least(t.${period}, excluded.${period}),
      ${column} = case when excluded.${period} = t.${period} then t.${column} + excluded.${column}
        when excluded.first_day < t.first_day then excluded.${column} else t.${column} end`;
  };
  for (const rollup of ROLLUPS) {
    const columns = list(salesColumns(rollup));
    const seen = sql`exists (
      select 1 from gold.fact_sales o
      ${rollup.byCategory ? sql`join gold.dim_product op on op.product_key = o.product_key` : sql``}
      join gold.dim_customer oc on oc.customer_sk = o.customer_sk
      where o.store_key = f.store_key and o.date_key = f.date_key and o.transaction_id = f.transaction_id
        and o.sales_line_id <> all(${ids}::bigint[]) ${rollup.byCategory ? sql`and op.category = f.category` : sql``}
        and oc.customer_id = f.customer_id and oc.segment = f.segment and o.hour = f.hour and o.weekday = f.weekday)`;
    const parts: SQL[] = [
      // Guests are in no customer rollup. Unless a basket of the batch has earlier lines, none was seen.
      sql`b as (
        select ${list(salesColumns(rollup).map((c) => `f.${c}`))}, f.net, f.transaction_id, ${split ? seen : sql`false`} as seen
        from ${BATCH_LINES} f where f.customer_id is not null)`,
      sql`d as (
        select ${columns}, sum(net) as net, count(distinct transaction_id) filter (where not seen) as transactions
        from b group by ${columns})`,
      sql`days as (
        insert into ${sql.raw(`gold.${rollup.sales}`)} as t (${columns}, net, transactions)
        select ${columns}, net, transactions from d
        on conflict (${list(salesKey(rollup))}) do update set net = t.net + excluded.net, transactions = t.transactions + excluded.transactions)`,
      sql`firsts as (
        insert into ${sql.raw(`gold.${rollup.firsts}`)} as t (${list(firstsColumns(rollup))})
        ${firstsOf(rollup, sql`select * from d`)}
        on conflict (${list(firstsKey(rollup))}) do update set
          first_day = least(t.first_day, excluded.first_day), ${firstNet('month')}, ${firstNet('week')})`,
    ];
    if (rollup.spans) {
      parts.push(sql`dr as (select date_key, region_id, segment, customer_id, sum(net) as net, sum(transactions) as transactions from d group by 1, 2, 3, 4)`);
      parts.push(sql`spans as (${addToSpans(rollup.spans, 'dr')})`);
    }
    if (rollup.byCategory) {
      // Buyers only join a bitmap (a line never leaves one here), so OR-ing the batch's buyers in is exact.
      parts.push(sql`cb as (
        select date_key, region_id, category, segment, ${chunkOf('customer_no')} as chunk, bit_or(${bitOf('customer_no')}) as customers
        from d group by 1, 2, 3, 4, 5)`);
      parts.push(sql`bitmaps as (
        insert into gold.agg_category_customer_bitmaps as t (date_key, region_id, category, segment, chunk, customers)
        select * from cb
        on conflict (date_key, region_id, category, segment, chunk) do update set customers = t.customers | excluded.customers)`);
      parts.push(sql`bitmap_spans as (${addToSpans(CATEGORY_BITMAP_SPANS, 'cb')})`);
    }
    await db.execute(sql`with ${sql.join(parts, sql`, `)} select 1`);
  }
}
