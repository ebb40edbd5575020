// Demo stock levels: silver.inventory_levels for every store × product as of the moment the dataset ends,
// and weekly gold.fact_inventory snapshots for the last four weeks, with a few products below their reorder point.
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { intArray, textArray } from '@/db/sql';
import { addDays } from '@/lib/calendar/days';

/** Snapshots today and one, two and three weeks back. */
const SNAPSHOT_WEEKS = [0, 1, 2, 3];
/** Share of store × product pairs below their reorder point, in percent. */
const BELOW_REORDER_PCT = 6;

/** A 31-bit pseudo-random integer per store × product (and salt). */
const draw = (seed: number, salt: SQL) =>
  sql`(hashint8extended(st.store_key::bigint * 1000000 + pr.product_key, ${seed} + ${salt}) & 2147483647)`;

/** Fills the (emptied) inventory tables from the store and product dimensions: counted at `now`, on `lastDay` (its reporting day). */
export async function seedInventory(db: Database, seed: number, lastDay: string, now: Date): Promise<void> {
  // Stock ranges from just under the reorder point to several weeks of cover; a few pairs have run low.
  await db.execute(sql`
    insert into silver.inventory_levels (store_code, sku, on_hand, updated_at)
    select st.store_code, pr.sku,
      case when ${draw(seed, sql`0`)} % 100 < ${BELOW_REORDER_PCT}
        then ${draw(seed, sql`1`)} % pr.reorder_point
        else pr.reorder_point + ${draw(seed, sql`2`)} % (pr.reorder_point * 4 + 1)
      end,
      ${now.toISOString()}::timestamptz
    from gold.dim_store st cross join gold.dim_product pr
    where st.opened_on <= ${lastDay}::date`);
  const days = SNAPSHOT_WEEKS.map((w) => addDays(lastDay, -7 * w));
  // Earlier snapshots wander around today's level; today's equals silver exactly.
  await db.execute(sql`
    insert into gold.fact_inventory (date_key, store_key, product_key, region_id, on_hand, reorder_point)
    select to_char(w.day, 'YYYYMMDD')::int, st.store_key, pr.product_key, st.region_id,
      case when w.weeks = 0 then il.on_hand
        else greatest(0, il.on_hand - pr.reorder_point + ${draw(seed, sql`3 + w.weeks`)} % (pr.reorder_point * 2 + 1))
      end,
      pr.reorder_point
    from silver.inventory_levels il
    join gold.dim_store st on st.store_code = il.store_code
    join gold.dim_product pr on pr.sku = il.sku
    cross join unnest(${textArray(days)}::date[], ${intArray(SNAPSHOT_WEEKS)}) as w(day, weeks)
    where st.opened_on <= w.day`);
}
