// The three dashboards of a random view computed "the obvious way": every tile's numbers as plain joins
// and GROUP BYs over gold.fact_sales and its dimensions (obvious-views.ts), all tiles at once as a page
// asks for them, no rollups and no cache.
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { textArray } from '@/db/sql';
import { customerWindow } from '@/lib/analytics/cohorts';
import { previousPeriod } from '@/lib/calendar/days';
import { GUEST_SEGMENT } from '@/lib/filters/segments';
import { LINES, obviousBreakdown, obviousKpis, obviousTransactions, obviousWhere, type ObviousFilter } from './obvious-views';

/** The sales overview: KPIs, daily trend with the previous period, category, top stores, hour, weekday × hour, regions, detail table. */
export function obviousSalesPage(db: Database, filter: ObviousFilter) {
  const { view, regionsInScope } = filter;
  const trendRange = { from: previousPeriod(view.from, view.to).from, to: view.to };
  return Promise.all([
    obviousKpis(db, filter),
    queryRows(db, sql`select d.date, sum(f.net), count(distinct f.transaction_id) from ${LINES}
      where ${obviousWhere({ ...filter, range: trendRange })} group by 1 order by 1`),
    obviousBreakdown(db, { ...filter, except: 'category' }, 'category'),
    obviousBreakdown(db, filter, 'store', 10),
    obviousBreakdown(db, { ...filter, except: 'hour' }, 'hour'),
    queryRows(db, sql`select d.weekday, f.hour, sum(f.net) from ${LINES}
      where ${obviousWhere({ ...filter, except: 'hour' })} group by 1, 2`),
    regionsInScope.length > 1 ? obviousBreakdown(db, filter, 'region') : Promise.resolve([]),
    obviousTransactions(db, filter),
  ]);
}

/** Products: the drill level's rows with margin (and stock on hand at product level), and the detail table. */
export function obviousProductsPage(db: Database, filter: ObviousFilter) {
  const { view } = filter;
  const level = view.drill.length === 0 ? sql`p.category as key, p.category as label` : view.drill.length === 1 ? sql`p.subcategory as key, p.subcategory as label` : sql`p.sku as key, p.name as label`;
  const drillRows = queryRows<{ key: string }>(
    db,
    sql`select ${level}, sum(f.net) as revenue, sum(f.quantity) as units, count(distinct f.transaction_id) as transactions,
          (sum(f.net) - sum(f.cost)) / nullif(sum(f.net), 0) as margin
        from ${LINES} where ${obviousWhere(filter)} group by 1, 2 order by 3 desc limit 500`,
  );
  const stock = async () => {
    if (view.drill.length < 2) return [];
    const skus = (await drillRows).map((row) => row.key);
    return queryRows(
      db,
      sql`select p.sku, sum(i.on_hand), count(*) filter (where i.on_hand < i.reorder_point)
          from gold.fact_inventory i join gold.dim_product p on p.product_key = i.product_key
            join gold.dim_store s on s.store_key = i.store_key join gold.dim_region r on r.region_id = s.region_id
          where i.date_key = (select max(date_key) from gold.fact_inventory)
            and r.name = any(${textArray(view.regions.length ? view.regions : filter.regionsInScope)})
            ${view.stores.length ? sql`and s.store_code = any(${textArray(view.stores)})` : sql``}
            and p.sku = any(${textArray(skus)})
          group by 1`,
    );
  };
  return Promise.all([drillRows, stock(), obviousTransactions(db, filter)]);
}

/**
 * Customers: retention cohorts (first purchases over all history), segment mix and new vs returning per
 * month over the widened window the page shows, the top 20 customers of the range, and the detail table.
 */
export function obviousCustomersPage(db: Database, filter: ObviousFilter) {
  const window = customerWindow(filter.view, 'month');
  const history = obviousWhere({ ...filter, range: { from: '1900-01-01', to: window.to } });
  const inWindow = obviousWhere({ ...filter, range: window });
  return Promise.all([
    queryRows(db, sql`
      with lines as (select c.customer_id, d.date from ${LINES} where ${history} and f.customer_sk is not null),
      firsts as (select customer_id, date_trunc('month', min(date)) as cohort from lines group by 1
        having min(date) >= ${window.from}::date)
      select fi.cohort, date_trunc('month', l.date) as period, count(distinct l.customer_id)
      from lines l join firsts fi using (customer_id) group by 1, 2 order by 1, 2`),
    queryRows(db, sql`select date_trunc('month', d.date), coalesce(c.segment, ${GUEST_SEGMENT}), sum(f.net) from ${LINES}
      where ${inWindow} group by 1, 2`),
    queryRows(db, sql`
      with firsts as (select c.customer_id, date_trunc('month', min(d.date)) as cohort from ${LINES}
        where ${history} and f.customer_sk is not null group by 1),
      lines as (select c.customer_id, f.net, date_trunc('month', d.date) as period from ${LINES} where ${inWindow})
      select l.period, sum(l.net) filter (where fi.cohort = l.period), sum(l.net) filter (where fi.cohort < l.period),
        sum(l.net) filter (where l.customer_id is null)
      from lines l left join firsts fi using (customer_id) group by 1 order by 1`),
    queryRows(db, sql`select c.customer_id, max(c.name), count(distinct f.transaction_id), sum(f.net), max(d.date) from ${LINES}
      where ${obviousWhere(filter)} and f.customer_sk is not null group by 1 order by 4 desc limit 20`),
    obviousTransactions(db, filter),
  ]);
}
