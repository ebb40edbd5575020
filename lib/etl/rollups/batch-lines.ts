// A batch's new fact lines with every key the rollups group by (category, subcategory, segment, customer
// and its number), read from the facts and their dimensions ONCE per batch into a temporary table that
// every rollup statement of the batch then reads. Before, each of the ~15 statements re-read the lines
// through the same three joins. The table lives until the batch's transaction ends (callers run in one:
// on a pool, a temporary table outside a transaction could be on another connection).
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { intArray } from '@/db/sql';
import { GUEST_SEGMENT } from '@/lib/filters/segments';

/**
 * The batch's lines (alias them as you like): the fact's own columns, `category`, `subcategory`, `segment`
 * (the customer version's, or the guest segment), `customer_id` and `customer_no` (null for guests).
 */
export const BATCH_LINES = sql.raw('pg_temp.rollup_batch_lines');

export interface BatchLines {
  /**
   * Whether a basket of the batch has lines loaded before it. Most baskets arrive whole in one batch: when
   * none has an earlier line, no rollup row can have counted one of them, and the per-line probes are skipped.
   */
  split: boolean;
}

/** Fills BATCH_LINES with the given new fact lines; their customers must be numbered already. */
export async function loadBatchLines(db: Database, lineIds: readonly number[]): Promise<BatchLines> {
  const ids = intArray(lineIds);
  // Dropped first: a test may add two batches in one transaction.
  await db.execute(sql`drop table if exists ${BATCH_LINES}`);
  await db.execute(sql`
    create temporary table ${BATCH_LINES} on commit drop as
    select f.sales_line_id, f.date_key, f.hour, f.weekday, f.store_key, f.region_id, f.transaction_id, f.product_key,
      f.quantity, f.gross, f.discount, f.net, f.cost, p.category, p.subcategory,
      coalesce(c.segment, ${GUEST_SEGMENT}) as segment, c.customer_id, n.customer_no
    from gold.fact_sales f
    join gold.dim_product p on p.product_key = f.product_key
    left join gold.dim_customer c on c.customer_sk = f.customer_sk
    left join silver.customer_numbers n on n.customer_id = c.customer_id
    where f.sales_line_id = any(${ids}::bigint[])`);
  // A fresh temporary table has no statistics: without them the planner guesses its size and may scan a rollup.
  await db.execute(sql`analyze ${BATCH_LINES}`);
  const [{ split }] = await queryRows<{ split: boolean }>(db, sql`
    select exists (
      select 1 from ${BATCH_LINES} b join gold.fact_sales o
        on o.store_key = b.store_key and o.date_key = b.date_key and o.transaction_id = b.transaction_id
      where o.sales_line_id <> all(${ids}::bigint[])) as split`);
  return { split };
}
