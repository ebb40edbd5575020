// Independent truth for scoping tests: figures read straight from silver as the owner (no RLS, no rollups,
// no query layer), to compare what a scoped caller is shown against.
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';

/** Net revenue per region name over [from, to] (UTC days), from silver sales lines. */
export async function silverRevenueByRegion(db: Database, range: { from: string; to: string }): Promise<Map<string, number>> {
  const rows = await queryRows<{ region: string; revenue: number }>(
    db,
    sql`select r.name as region, sum(f.net)::float8 as revenue
        from silver.sales_lines f join silver.stores s on s.store_code = f.store_code join gold.dim_region r on r.name = s.region
        where (f.occurred_at at time zone 'UTC')::date between ${range.from}::date and ${range.to}::date
        group by r.name`,
  );
  return new Map(rows.map((r) => [r.region, r.revenue]));
}
