// Keeps the customer sales rollups (db/schema/gold-customers.ts) equal to the facts: what each customer
// spent per day, store and basket keys, its spans per region, and each customer's first purchase per region
// and segment with the net of that first month and week. Customers are numbered (silver.customer_numbers)
// before anything here runs: maintain-rollups.ts numbers them for the bitmaps first.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { intArray, textArray } from '@/db/sql';
import { addToSpans, type SpanFamily } from './span-rollups';

export const CUSTOMER_SALES_TABLES = ['agg_customer_sales', 'agg_customer_sales_spans', 'agg_customer_firsts'] as const;

/** agg_customer_sales summed per region over runs of days. */
export const CUSTOMER_SALES_SPANS: SpanFamily = {
  spans: 'agg_customer_sales_spans', days: 'agg_customer_sales', keys: ['region_id', 'segment', 'customer_id'],
  conflictKeys: ['region_id', 'segment', 'customer_id'], merge: 'sum', values: ['net', 'transactions'],
};

const SALES_COLUMNS = sql.raw('date_key, store_key, region_id, segment, hour, weekday, customer_id, customer_no');
const FIRSTS_COLUMNS = sql.raw('customer_no, region_id, segment, first_day, first_month_net, first_week_net');
const dayOf = (dateKey: string) => sql.raw(`to_date(${dateKey}::text, 'YYYYMMDD')`);
const periodOf = (grain: 'month' | 'week', day: string) => sql.raw(`date_trunc('${grain}', ${day}::timestamp)`);

/**
 * Each (customer, region, segment)'s first day in `rows` (alias `r`: date_key, customer_no, region_id,
 * segment, net) and the net of that day's month and week there: over customers' whole history, their first
 * purchases; over a batch, the batch's own, which addToCustomerSales merges into them.
 */
function firstsOf(rows: SQL): SQL {
  return sql`
    select customer_no, region_id, segment, first_day,
      sum(net) filter (where ${periodOf('month', 'day')} = ${periodOf('month', 'first_day')}),
      sum(net) filter (where ${periodOf('week', 'day')} = ${periodOf('week', 'first_day')})
    from (select r.customer_no, r.region_id, r.segment, r.net, ${dayOf('r.date_key')} as day,
            min(${dayOf('r.date_key')}) over (partition by r.customer_no, r.region_id, r.segment) as first_day
          from (${rows}) r) x
    group by 1, 2, 3, 4`;
}

/**
 * Replaces the customer sales of the facts matching `where` (`facts` over alias `f`, `rows` the same slice
 * over alias `r`; null: everything), then recomputes the first purchases of every customer the slice held
 * before or holds now, from their whole history in agg_customer_sales.
 */
export async function rebuildCustomerSales(db: Database, where: { facts: SQL; rows: SQL } | null): Promise<void> {
  const slice = where ?? { facts: sql`true`, rows: sql`true` };
  const buyers = async () =>
    where ? (await queryRows<{ id: string }>(db, sql`select distinct r.customer_id as id from gold.agg_customer_sales r where ${slice.rows}`)).map((r) => r.id) : [];
  const before = await buyers();
  await db.execute(sql`delete from gold.agg_customer_sales r where ${slice.rows}`);
  await db.execute(sql`
    insert into gold.agg_customer_sales (${SALES_COLUMNS}, net, transactions)
    select f.date_key, f.store_key, f.region_id, c.segment, f.hour, f.weekday, c.customer_id, n.customer_no,
      sum(f.net), count(distinct f.transaction_id)
    from gold.fact_sales f
    join gold.dim_customer c on c.customer_sk = f.customer_sk
    join silver.customer_numbers n on n.customer_id = c.customer_id
    where ${slice.facts}
    group by 1, 2, 3, 4, 5, 6, 7, 8 order by 1, 2`);
  if (!where) {
    await db.execute(sql`delete from gold.agg_customer_firsts`);
    await db.execute(sql`insert into gold.agg_customer_firsts (${FIRSTS_COLUMNS})
      ${firstsOf(sql`select date_key, customer_no, region_id, segment, net from gold.agg_customer_sales`)} order by 1, 2, 3`);
    return;
  }
  const customers = [...new Set([...before, ...(await buyers())])];
  if (customers.length === 0) return;
  await db.execute(sql`delete from gold.agg_customer_firsts t
    where t.customer_no in (select n.customer_no from silver.customer_numbers n where n.customer_id = any(${textArray(customers)}))`);
  await db.execute(sql`insert into gold.agg_customer_firsts (${FIRSTS_COLUMNS})
    ${firstsOf(sql`select date_key, customer_no, region_id, segment, net from gold.agg_customer_sales where customer_id = any(${textArray(customers)})`)}`);
}

/**
 * Adds newly inserted fact lines: to their day rows, to the spans holding their days (up to the horizon),
 * and to the first purchases. A basket counts in a row only if none of its lines was there already (lines
 * of one basket may arrive in several batches). A first purchase only moves earlier; the net of the first
 * month (week) adds the batch's lines of that month (week), or restarts from them when the batch moved the
 * first day into an earlier month (week). Callers hold `lockRollups`.
 */
export async function addToCustomerSales(db: Database, lineIds: readonly number[]): Promise<void> {
  const ids = intArray(lineIds);
  const firstNet = (grain: 'month' | 'week') => {
    const column = sql.raw(`first_${grain}_net`);
    const samePeriod = sql`${periodOf(grain, 'excluded.first_day')} = ${periodOf(grain, 't.first_day')}`;
    return sql`${column} = case when ${samePeriod} then t.${column} + excluded.${column}
      when excluded.first_day < t.first_day then excluded.${column} else t.${column} end`;
  };
  await db.execute(sql`
    with b as (
      select f.date_key, f.store_key, f.region_id, c.segment, f.hour, f.weekday, c.customer_id, n.customer_no, f.net, f.transaction_id,
        exists (
          select 1 from gold.fact_sales o join gold.dim_customer oc on oc.customer_sk = o.customer_sk
          where o.store_key = f.store_key and o.date_key = f.date_key and o.transaction_id = f.transaction_id
            and o.sales_line_id <> all(${ids}::bigint[])
            and oc.customer_id = c.customer_id and oc.segment = c.segment and o.hour = f.hour and o.weekday = f.weekday) as seen
      from gold.fact_sales f
      join gold.dim_customer c on c.customer_sk = f.customer_sk
      join silver.customer_numbers n on n.customer_id = c.customer_id
      where f.sales_line_id = any(${ids}::bigint[])),
    d as (
      select ${SALES_COLUMNS}, sum(net) as net, count(distinct transaction_id) filter (where not seen) as transactions
      from b group by ${SALES_COLUMNS}),
    days as (
      insert into gold.agg_customer_sales as t (${SALES_COLUMNS}, net, transactions)
      select ${SALES_COLUMNS}, net, transactions from d
      on conflict (date_key, region_id, store_key, segment, hour, weekday, customer_id)
      do update set net = t.net + excluded.net, transactions = t.transactions + excluded.transactions),
    dr as (
      select date_key, region_id, segment, customer_id, sum(net) as net, sum(transactions) as transactions
      from d group by 1, 2, 3, 4),
    spans as (${addToSpans(CUSTOMER_SALES_SPANS, 'dr')}),
    firsts as (
      insert into gold.agg_customer_firsts as t (${FIRSTS_COLUMNS})
      ${firstsOf(sql`select date_key, customer_no, region_id, segment, net from d`)}
      on conflict (customer_no, region_id, segment) do update set
        first_day = least(t.first_day, excluded.first_day), ${firstNet('month')}, ${firstNet('week')})
    select 1`);
}
