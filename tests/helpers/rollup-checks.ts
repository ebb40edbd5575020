// Every rollup table as stored, and the same aggregates recomputed here straight from gold.fact_sales
// (money as exact text, counts as text: the columns are bigint), for tests that prove rollups equal facts.
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { SPAN_LEVELS } from '@/db/schema/gold-spans';

// Column names matter: rows are compared as lists of values, and a repeated name would collapse.
const MEASURES = (f: string) => `count(*)::int as lines, sum(${f}quantity)::int as units,
  count(distinct ${f}transaction_id)::int as transactions, sum(${f}gross)::text as gross,
  sum(${f}discount)::text as discount, sum(${f}net)::text as net, sum(${f}cost)::text as cost`;

const LEVELS = `cross join generate_series(1, ${SPAN_LEVELS}) l(level)`;
const SPAN_START = `(date '1970-01-01' + (floor((to_date(f.date_key::text, 'YYYYMMDD') - date '1970-01-01') / 2.0 ^ l.level)
  * 2 ^ l.level)::int)::text`;

/** A span rollup keyed by `keys` (expressions over the facts f, products p, customers c), from the facts. */
function spanCheck(table: string, keys: string[]) {
  const columns = keys.map((k) => k.replace(/^coalesce\(c\.segment.*$/, 'segment').replace(/^\w+\./, ''));
  const order = `1, 2, ${keys.map((_, i) => i + 3).join(', ')}`;
  return {
    stored: `select level, first_day::text, ${columns.join(', ')}, lines, units, transactions,
               gross::text, discount::text, net::text, cost::text from gold.${table} order by ${order}`,
    recomputed: `select l.level, ${SPAN_START} as first_day, ${keys.map((k, i) => `${k} as ${columns[i]}`).join(', ')}, ${MEASURES('f.')}
             from gold.fact_sales f join gold.dim_product p using (product_key)
             left join gold.dim_customer c using (customer_sk) ${LEVELS}
             group by ${order} order by ${order}`,
  };
}

/** Rollups as stored, and the same aggregates recomputed from fact_sales here, money as exact text. */
export const ROLLUP_CHECKS = {
  agg_sales_daily: {
    stored: `select date_key, store_key, region_id, category, segment, lines, units, transactions,
               gross::text, discount::text, net::text, cost::text from gold.agg_sales_daily order by 1, 2, 4, 5`,
    recomputed: `select f.date_key, f.store_key, f.region_id, p.category, coalesce(c.segment, 'Guest') as segment,
               ${MEASURES('f.')}
             from gold.fact_sales f join gold.dim_product p using (product_key)
             left join gold.dim_customer c using (customer_sk)
             group by 1, 2, 3, 4, 5 order by 1, 2, 4, 5`,
  },
  agg_baskets_daily: {
    stored: `select date_key, store_key, region_id, segment, lines, units, transactions,
               gross::text, discount::text, net::text, cost::text from gold.agg_baskets_daily order by 1, 2, 4`,
    recomputed: `select f.date_key, f.store_key, f.region_id, coalesce(c.segment, 'Guest') as segment,
               ${MEASURES('f.')}
             from gold.fact_sales f left join gold.dim_customer c using (customer_sk)
             group by 1, 2, 3, 4 order by 1, 2, 4`,
  },
  agg_sales_hourly: {
    stored: `select date_key, hour, store_key, region_id, lines, units, transactions,
               gross::text, discount::text, net::text, cost::text from gold.agg_sales_hourly order by 1, 2, 3`,
    recomputed: `select date_key, hour, store_key, region_id, ${MEASURES('')}
             from gold.fact_sales group by 1, 2, 3, 4 order by 1, 2, 3`,
  },
  agg_customers_daily: {
    stored: `select date_key, store_key, region_id, segment, customer_id from gold.agg_customers_daily order by 1, 2, 4, 5`,
    recomputed: `select f.date_key, f.store_key, f.region_id, c.segment, c.customer_id
             from gold.fact_sales f join gold.dim_customer c using (customer_sk)
             group by 1, 2, 3, 4, 5 order by 1, 2, 4, 5`,
  },
  // Region grain: straight from the facts too, not from the store-grain rows they are built from.
  agg_sales_daily_region: {
    stored: `select date_key, region_id, category, segment, lines, units, transactions,
               gross::text, discount::text, net::text, cost::text from gold.agg_sales_daily_region order by 1, 2, 3, 4`,
    recomputed: `select f.date_key, f.region_id, p.category, coalesce(c.segment, 'Guest') as segment,
               ${MEASURES('f.')}
             from gold.fact_sales f join gold.dim_product p using (product_key)
             left join gold.dim_customer c using (customer_sk)
             group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
  },
  agg_baskets_daily_region: {
    stored: `select date_key, region_id, segment, lines, units, transactions,
               gross::text, discount::text, net::text, cost::text from gold.agg_baskets_daily_region order by 1, 2, 3`,
    recomputed: `select f.date_key, f.region_id, coalesce(c.segment, 'Guest') as segment,
               ${MEASURES('f.')}
             from gold.fact_sales f left join gold.dim_customer c using (customer_sk)
             group by 1, 2, 3 order by 1, 2, 3`,
  },
  agg_sales_hourly_region: {
    stored: `select date_key, hour, region_id, lines, units, transactions,
               gross::text, discount::text, net::text, cost::text from gold.agg_sales_hourly_region order by 1, 3, 2`,
    recomputed: `select date_key, hour, region_id, ${MEASURES('')}
             from gold.fact_sales group by 1, 2, 3 order by 1, 3, 2`,
  },
  // Bitmaps hold numbers, not ids: each (day, region, segment) must have as many bits set as it has buyers.
  agg_customer_bitmaps: {
    stored: `select date_key, region_id, segment, sum(bit_count(customers))::int as customers
             from gold.agg_customer_bitmaps group by 1, 2, 3 order by 1, 2, 3`,
    recomputed: `select f.date_key, f.region_id, c.segment, count(distinct c.customer_id)::int as customers
             from gold.fact_sales f join gold.dim_customer c using (customer_sk)
             group by 1, 2, 3 order by 1, 2, 3`,
  },
  // Each span of 2^level days aligned on day numbers since 1970-01-01 holds its days' buyers.
  agg_customer_bitmap_spans: {
    stored: `select level, first_day::text, region_id, segment, sum(bit_count(customers))::int as customers
             from gold.agg_customer_bitmap_spans group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
    recomputed: `select l.level, ${SPAN_START} as first_day, f.region_id, c.segment, count(distinct c.customer_id)::int as customers
             from gold.fact_sales f join gold.dim_customer c using (customer_sk) ${LEVELS}
             group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
  },
  // ... and the sums of its days' lines.
  agg_baskets_spans: spanCheck('agg_baskets_spans', ['f.store_key', 'f.region_id', `coalesce(c.segment, 'Guest')`]),
  agg_baskets_region_spans: spanCheck('agg_baskets_region_spans', ['f.region_id', `coalesce(c.segment, 'Guest')`]),
  agg_sales_region_spans: spanCheck('agg_sales_region_spans', ['f.region_id', 'p.category', `coalesce(c.segment, 'Guest')`]),
  agg_sales_hourly_region_spans: spanCheck('agg_sales_hourly_region_spans', ['f.region_id', 'f.hour']),
};

export async function expectRollupsMatchFacts(db: Database): Promise<void> {
  for (const check of Object.values(ROLLUP_CHECKS)) {
    const stored = (await queryRows<Record<string, unknown>>(db, sql.raw(check.stored))).map(valuesAsText);
    const recomputed = (await queryRows<Record<string, unknown>>(db, sql.raw(check.recomputed))).map(valuesAsText);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored).toEqual(recomputed);
  }
}

// postgres.js reads bigint as text and PGlite as a number: compare every value as text.
const valuesAsText = (row: Record<string, unknown>) => Object.values(row).map(String);
