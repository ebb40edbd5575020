// Database roles. Created by a custom migration (roles are cluster-wide, so CREATE ROLE must be idempotent).
import { sql } from 'drizzle-orm';
import { pgPolicy, pgRole } from 'drizzle-orm/pg-core';

/** The role every scoped read runs as: no BYPASSRLS, not an owner, SELECT on gold only. */
export const appReader = pgRole('retailwave_app').existing();

/**
 * The region ids the current transaction may see, from `set_config('app.region_ids', '{1,2}', true)`.
 * Unset or empty means no region at all: a forgotten scope shows nothing rather than everything.
 * The setting is read in a scalar subquery, so Postgres evaluates it once per query (an InitPlan), not
 * once per row: parsing it for each of 100,000 rows tripled the cost of a scan.
 */
export const inScopeRegion = sql`region_id = any ((select coalesce(nullif(current_setting('app.region_ids', true), ''), '{}')::smallint[])::smallint[])`;

/** The one policy shape of every region-protected table. */
export const regionPolicy = (table: string) =>
  pgPolicy(`${table}_region_scope`, { as: 'permissive', for: 'select', to: appReader, using: inScopeRegion });

/**
 * Customers belong to no region (they shop anywhere), so the policy of gold.dim_customer lets a scope see
 * a customer version that has a sale in one of its regions or whose home store is in one. Both subqueries
 * read tables that row-level security already cuts to the scope; fact_sales is probed on its customer index.
 */
export const customerPolicy = pgPolicy('dim_customer_region_scope', {
  as: 'permissive',
  for: 'select',
  to: appReader,
  using: sql`exists (select 1 from gold.fact_sales f where f.customer_sk = dim_customer.customer_sk)
    or exists (select 1 from gold.dim_store s where s.store_key = dim_customer.home_store_key)`,
});
