// Every rollup table as stored, and the same aggregates recomputed here straight from gold.fact_sales
// (money as exact text, counts as text: the columns are bigint), for tests that prove rollups equal facts.
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { CATEGORY_SET_BITS, CUBES, cubeTableName, SPAN_LEVELS, type CubeDefinition, type CubeGrain, type CubeKey, type CubeName } from '@/db/schema/gold-cubes';

// Column names matter: rows are compared as lists of values, and a repeated name would collapse.
const MEASURES = (f: string) => `count(*)::int as lines, sum(${f}quantity)::int as units,
  count(distinct ${f}transaction_id)::int as transactions, sum(${f}gross)::text as gross,
  sum(${f}discount)::text as discount, sum(${f}net)::text as net, sum(${f}cost)::text as cost`;

/** Spans hold the days up to the horizon (gold.span_horizon) only. */
const CLOSED_DAY = `f.date_key <= (select to_char(last_day, 'YYYYMMDD')::int from gold.span_horizon)`;
const LEVELS = `cross join generate_series(1, ${SPAN_LEVELS}) l(level)`;
const SPAN_START = `(date '1970-01-01' + (floor((to_date(f.date_key::text, 'YYYYMMDD') - date '1970-01-01') / 2.0 ^ l.level)
  * 2 ^ l.level)::int)::text`;

// Each cube key as computed here from the facts, not as the ETL computes it: hours and weekdays from the
// sale's instant on the store's clock, not from the facts' own columns.
const REPORTING_ZONE = '{reporting time zone}';
const LOCAL_TIME = `(f.occurred_at at time zone coalesce(s.time_zone, '${REPORTING_ZONE}'))`;
const KEY_FROM_FACTS: Record<CubeKey, string> = {
  segment: `coalesce(c.segment, 'Guest')`,
  hour: `extract(hour from ${LOCAL_TIME})::int`,
  weekday: `extract(isodow from ${LOCAL_TIME})::int`,
  category: 'p.category',
  subcategory: 'p.subcategory',
  product_key: 'f.product_key',
  // the categories of every line of the sale's basket (same store, day, transaction and segment), as bits
  category_set: `(select bit_or(1 << cb.bit) from gold.fact_sales o join gold.dim_product op using (product_key)
    join gold.category_bits cb on cb.category = op.category left join gold.dim_customer oc on oc.customer_sk = o.customer_sk
    where o.store_key = f.store_key and o.date_key = f.date_key and o.transaction_id = f.transaction_id
      and coalesce(oc.segment, 'Guest') = coalesce(c.segment, 'Guest'))`,
};
const FROM_FACTS = `from gold.fact_sales f join gold.dim_product p using (product_key)
  join gold.dim_store s on s.store_key = f.store_key left join gold.dim_customer c using (customer_sk)`;

/**
 * A cube table as stored, and the same aggregates recomputed: day rows from the facts; spans as sums of
 * the stored day rows (checked against the facts themselves), which is cheaper and as telling.
 */
function cubeCheck(cube: CubeDefinition, grain: CubeGrain, spans: boolean) {
  const place = grain === 'store' ? ['store_key', 'region_id'] : ['region_id'];
  const time = spans ? ['level', 'first_day'] : ['date_key'];
  const keys = [...time, ...place, ...cube.keys];
  const order = keys.map((_, i) => i + 1).join(', ');
  const keysFromFacts = ['f.date_key', ...place.map((c) => `f.${c}`), ...cube.keys.map((k) => `${KEY_FROM_FACTS[k]} as ${k}`)];
  return {
    stored: `select ${[...time.map((c) => `${c}::text`), ...place, ...cube.keys].join(', ')},
               lines, units, transactions, gross::text, discount::text, net::text, cost::text
             from gold.${cubeTableName(cube.name as CubeName, grain, spans)} order by ${order}`,
    recomputed: spans
      ? `select l.level::text, ${SPAN_START} as first_day, ${[...place, ...cube.keys].map((c) => `f.${c}`).join(', ')},
               sum(lines)::int as lines, sum(units)::int as units, sum(transactions)::int as transactions,
               sum(gross)::text as gross, sum(discount)::text as discount, sum(net)::text as net, sum(cost)::text as cost
             from gold.${cubeTableName(cube.name as CubeName, grain, false)} f ${LEVELS}
             where ${CLOSED_DAY}
             group by ${order} order by ${order}`
      : `select ${keysFromFacts.map((k, i) => (i < time.length ? `(${k})::text` : k)).join(', ')}, ${MEASURES('f.')}
             ${FROM_FACTS}
             group by ${order} order by ${order}`,
  };
}

/**
 * What customers spent per day, store and basket keys (and category), with the numbers the bitmaps know
 * them by; its spans per region (as sums of the stored day rows, which are checked against the facts); and
 * each customer's first day per region and segment (and category) with the net of their lines there in
 * its month and ISO week.
 */
function customerSalesChecks(byCategory: boolean): Record<string, { stored: string; recomputed: string }> {
  const prefix = byCategory ? 'agg_category_customer' : 'agg_customer';
  const category = byCategory ? ['category'] : [];
  const salesKeys = ['date_key', 'store_key', 'region_id', ...category, 'segment', 'hour', 'weekday', 'customer_id'];
  const salesOrder = salesKeys.map((_, i) => i + 1).filter((i) => i !== 3).join(', ');
  const firstsKeys = [...category, 'customer_no', 'region_id', 'segment'];
  const firstsOrder = firstsKeys.map((_, i) => i + 1).join(', ');
  const checks: Record<string, { stored: string; recomputed: string }> = {
    [`${prefix}_sales`]: {
      stored: `select ${salesKeys.join(', ')}, customer_no, net::text, transactions::int from gold.${prefix}_sales order by ${salesOrder}`,
      recomputed: `select f.date_key, f.store_key, f.region_id, ${byCategory ? 'p.category, ' : ''}c.segment,
                 ${KEY_FROM_FACTS.hour} as hour, ${KEY_FROM_FACTS.weekday} as weekday, c.customer_id, n.customer_no,
                 sum(f.net)::text as net, count(distinct f.transaction_id)::int as transactions
               ${FROM_FACTS} join silver.customer_numbers n on n.customer_id = c.customer_id
               group by ${salesKeys.map((_, i) => i + 1).join(', ')}, ${salesKeys.length + 1} order by ${salesOrder}`,
    },
    [`${prefix}_firsts`]: {
      stored: `select ${firstsKeys.join(', ')}, first_day::text, first_month::text, first_week::text, first_month_net::text, first_week_net::text
               from gold.${prefix}_firsts order by ${firstsOrder}`,
      recomputed: `with lines as (
                 select ${byCategory ? 'p.category, ' : ''}n.customer_no, f.region_id, c.segment, to_date(f.date_key::text, 'YYYYMMDD') as day, f.net
                 ${FROM_FACTS} join silver.customer_numbers n on n.customer_id = c.customer_id),
               firsts as (select ${firstsKeys.join(', ')}, min(day) as first_day from lines group by ${firstsOrder})
               select ${firstsKeys.map((k) => `m.${k}`).join(', ')}, m.first_day::text,
                 (m.first_day - (extract(day from m.first_day)::int - 1))::text as first_month,
                 (m.first_day - (extract(isodow from m.first_day)::int - 1))::text as first_week,
                 sum(l.net) filter (where extract(year from l.day) = extract(year from m.first_day)
                   and extract(month from l.day) = extract(month from m.first_day))::text as first_month_net,
                 sum(l.net) filter (where l.day between m.first_day - (extract(isodow from m.first_day)::int - 1)
                   and m.first_day + (7 - extract(isodow from m.first_day)::int))::text as first_week_net
               from firsts m join lines l using (${firstsKeys.join(', ')})
               group by ${firstsKeys.map((_, i) => i + 1).join(', ')}, ${firstsKeys.length + 1}, ${firstsKeys.length + 2}, ${firstsKeys.length + 3}
               order by ${firstsOrder}`,
    },
  };
  if (!byCategory) {
    checks.agg_customer_sales_spans = {
      stored: `select level::text, first_day::text, region_id, segment, customer_id, net::text, transactions::int
               from gold.agg_customer_sales_spans order by 1, 2, 3, 4, 5`,
      recomputed: `select l.level::text, ${SPAN_START} as first_day, f.region_id, f.segment, f.customer_id,
                 sum(f.net)::text as net, sum(f.transactions)::int as transactions
               from gold.agg_customer_sales f ${LEVELS}
               where ${CLOSED_DAY}
               group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
    };
  }
  return checks;
}

/** Rollups as stored, and the same aggregates recomputed from fact_sales here, money as exact text. */
export const ROLLUP_CHECKS: Record<string, { stored: string; recomputed: string }> = {
  ...Object.fromEntries(
    CUBES.flatMap((cube) =>
      cube.grains.flatMap((grain) => [false, true].map((spans) => [cubeTableName(cube.name, grain, spans), cubeCheck(cube, grain, spans)])),
    ),
  ),
  agg_customers_daily: {
    stored: `select date_key, store_key, region_id, segment, customer_id from gold.agg_customers_daily order by 1, 2, 4, 5`,
    recomputed: `select f.date_key, f.store_key, f.region_id, c.segment, c.customer_id
             from gold.fact_sales f join gold.dim_customer c using (customer_sk)
             group by 1, 2, 3, 4, 5 order by 1, 2, 4, 5`,
  },
  // Customer numbers follow arrival order: each (day, region, category, segment) must have as many as it has buyers.
  agg_category_customers: {
    stored: `select date_key, region_id, category, segment, count(*)::int as customers
             from gold.agg_category_customers group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
    recomputed: `select f.date_key, f.region_id, p.category, c.segment, count(distinct c.customer_id)::int as customers
             from gold.fact_sales f join gold.dim_product p using (product_key) join gold.dim_customer c using (customer_sk)
             group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
  },
  // Bitmaps hold numbers, not ids: each (day, region, segment) must have as many bits set as it has buyers.
  agg_customer_bitmaps: {
    stored: `select date_key, region_id, segment, sum(bit_count(customers))::int as customers
             from gold.agg_customer_bitmaps group by 1, 2, 3 order by 1, 2, 3`,
    recomputed: `select f.date_key, f.region_id, c.segment, count(distinct c.customer_id)::int as customers
             from gold.fact_sales f join gold.dim_customer c using (customer_sk)
             group by 1, 2, 3 order by 1, 2, 3`,
  },
  ...customerSalesChecks(false),
  ...customerSalesChecks(true),
  // Category bitmaps hold numbers: each (day, region, category, segment) must have as many bits set as it has buyers.
  agg_category_customer_bitmaps: {
    stored: `select date_key, region_id, category, segment, sum(bit_count(customers))::int as customers
             from gold.agg_category_customer_bitmaps group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
    recomputed: `select f.date_key, f.region_id, p.category, c.segment, count(distinct c.customer_id)::int as customers
             from gold.fact_sales f join gold.dim_product p using (product_key) join gold.dim_customer c using (customer_sk)
             group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
  },
  agg_category_customer_bitmap_spans: {
    stored: `select level, first_day::text, region_id, category, segment, sum(bit_count(customers))::int as customers
             from gold.agg_category_customer_bitmap_spans group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
    recomputed: `select l.level, ${SPAN_START} as first_day, f.region_id, p.category, c.segment, count(distinct c.customer_id)::int as customers
             from gold.fact_sales f join gold.dim_product p using (product_key) join gold.dim_customer c using (customer_sk) ${LEVELS}
             where ${CLOSED_DAY}
             group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
  },
  // Each span of 2^level days aligned on day numbers since 1970-01-01 holds its days' buyers.
  agg_customer_bitmap_spans: {
    stored: `select level, first_day::text, region_id, segment, sum(bit_count(customers))::int as customers
             from gold.agg_customer_bitmap_spans group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
    recomputed: `select l.level, ${SPAN_START} as first_day, f.region_id, c.segment, count(distinct c.customer_id)::int as customers
             from gold.fact_sales f join gold.dim_customer c using (customer_sk) ${LEVELS}
             where ${CLOSED_DAY}
             group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
  },
};

/**
 * `timeZone`: the reporting time zone the ETL ran with, the clock of stores that have none of their own;
 * `tables`: the rollups to compare (default all).
 */
export async function expectRollupsMatchFacts(db: Database, timeZone = 'UTC', tables: readonly string[] = Object.keys(ROLLUP_CHECKS)): Promise<void> {
  if (!/^[\w/+-]+$/.test(timeZone)) throw new Error(`not a time zone name: ${timeZone}`);
  for (const table of tables) {
    const check = ROLLUP_CHECKS[table];
    const stored = (await queryRows<Record<string, unknown>>(db, sql.raw(check.stored))).map(valuesAsText);
    const recomputed = (await queryRows<Record<string, unknown>>(db, sql.raw(check.recomputed.replaceAll(REPORTING_ZONE, timeZone)))).map(valuesAsText);
    expect({ table, empty: stored.length === 0 }).toEqual({ table, empty: false });
    expect({ table, rows: stored }).toEqual({ table, rows: recomputed });
  }
  // Category sets are only as good as the bits: every category sold has one, and none shares a bit below the last.
  const [bits] = await queryRows<{ unnumbered: number; shared: number }>(db, sql`
    select (select count(distinct p.category) from gold.fact_sales f join gold.dim_product p using (product_key)
              where not exists (select 1 from gold.category_bits b where b.category = p.category))::int as unnumbered,
           (select count(*) - count(distinct bit) from gold.category_bits where bit < ${CATEGORY_SET_BITS})::int as shared`);
  expect(bits).toEqual({ unnumbered: 0, shared: 0 });
}

// postgres.js reads bigint as text and PGlite as a number: compare every value as text.
const valuesAsText = (row: Record<string, unknown>) => Object.values(row).map(String);
