// Silver sales lines → gold.fact_sales. Used by the ETL for each batch and by the demo seeder in bulk,
// so both produce identical facts. The day is taken in the reporting time zone; hour and weekday on the
// store's own clock (its time zone, or the reporting one where it has none).
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { intArray } from '@/db/sql';

export type SalesLineSelection = { idRange: [number, number] } | { ids: number[] };

function selectionFilter(selection: SalesLineSelection): SQL {
  if ('ids' in selection) return sql`s.id = any(${intArray(selection.ids)}::bigint[])`;
  return sql`s.id between ${selection.idRange[0]} and ${selection.idRange[1]}`;
}

export interface PromoteOptions {
  /**
   * The caller guarantees no selected line has a fact yet (a bulk load into emptied tables): the
   * per-row duplicate check is skipped, so the table needs no primary key index while loading.
   */
  allNew?: boolean;
}

/** Appends the facts of the selected silver lines, skipping any already loaded. */
export async function promoteSalesLines(
  db: Database, selection: SalesLineSelection, timeZone: string, options: PromoteOptions = {},
): Promise<void> {
  await db.execute(sql`
    insert into gold.fact_sales (sales_line_id, date_key, hour, weekday, occurred_at, transaction_id, store_key, region_id,
      product_key, customer_sk, campaign_key, quantity, gross, discount, net, cost)
    -- a discounted line is attributed to the deepest campaign running for its category that day. Computed
    -- once per (day, category) from the small campaign table, not once per line: a per-line lookup made
    -- bulk loads (the demo seeder's million lines) several times slower.
    with campaign_days as (
      select distinct on (d.day, k.category) d.day::date as day, k.category, c.campaign_key
      from gold.dim_campaign c
      cross join lateral generate_series(c.starts_on::timestamp, c.ends_on::timestamp, interval '1 day') as d(day)
      join (select distinct category from gold.dim_product) k on c.category is null or c.category = k.category
      order by d.day, k.category, c.discount_pct desc, c.campaign_key
    )
    select s.id,
      to_char(s.occurred_at at time zone ${timeZone}, 'YYYYMMDD')::int,
      extract(hour from s.occurred_at at time zone coalesce(st.time_zone, ${timeZone}))::smallint,
      extract(isodow from s.occurred_at at time zone coalesce(st.time_zone, ${timeZone}))::smallint,
      s.occurred_at, s.transaction_id, st.store_key, st.region_id, p.product_key, cv.customer_sk, cam.campaign_key,
      s.quantity, s.gross, s.discount, s.net, round(s.quantity * p.unit_cost, 2)
    from silver.sales_lines s
    join gold.dim_store st on st.store_code = s.store_code
    join gold.dim_product p on p.sku = s.sku
    -- the customer's version in force when the sale happened (type 2 history)
    left join lateral (
      select c.customer_sk from gold.dim_customer c
      where c.customer_id = s.customer_id and c.valid_from <= s.occurred_at
      order by c.valid_from desc limit 1
    ) cv on s.customer_id is not null
    left join campaign_days cam on s.discount > 0 and cam.category = p.category
      and cam.day = (s.occurred_at at time zone ${timeZone})::date
    where ${selectionFilter(selection)}
    ${options.allNew ? sql`` : sql`on conflict (sales_line_id) do nothing`}`);
}
