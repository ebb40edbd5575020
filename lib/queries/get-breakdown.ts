// Breakdowns: revenue (net), transactions and units grouped by one dimension, for charts and tables.
// Days are in the reporting time zone; hours and weekdays on each store's own clock, weekday keys ISO
// (1 = Monday).
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Database } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import type { ScopedFilters } from '@/lib/auth/scoped-filters';
import { FACT_FROM, factWhere, withStoreKeys, type QueryFilters } from './internal/filter-sql';
import { rollupRows } from './internal/rollup-rows';
import { cached } from '@/lib/cache/process-cache';
import { readInScope } from './internal/read-in-scope';
import { planSource } from './internal/source-plan';

export const BREAKDOWN_DIMENSIONS = ['region', 'store', 'category', 'subcategory', 'product', 'hour', 'weekday', 'day'] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];
export const breakdownDimensionSchema = z.enum(BREAKDOWN_DIMENSIONS);

export interface BreakdownRow {
  key: string;
  label: string;
  region?: string;
  /** The category of a subcategory, or the subcategory of a product. */
  parent?: string;
  revenue: number;
  transactions: number;
  units: number;
}

interface Grouping {
  key: SQL;
  label: SQL;
  region?: SQL;
  parent?: SQL;
  joins?: SQL;
  /** Chronological dimensions sort by key; the others by revenue, largest first. */
  chronological?: boolean;
}

const asText = (a: string, column: string) => sql.raw(`${a}.${column}::text`);

function grouping(dimension: BreakdownDimension, a: string): Grouping {
  const A = sql.raw(a);
  switch (dimension) {
    case 'region':
      return { key: sql`dr.name`, label: sql`dr.name`, region: sql`dr.name`, joins: sql`join gold.dim_region dr on dr.region_id = ${A}.region_id` };
    case 'store':
      return {
        key: sql`s.store_code`,
        label: sql`s.name`,
        region: sql`dr.name`,
        joins: sql`join gold.dim_store s on s.store_key = ${A}.store_key join gold.dim_region dr on dr.region_id = s.region_id`,
      };
    case 'day':
      return { key: sql`d.date::text`, label: sql`d.date::text`, joins: sql`join gold.dim_date d on d.date_key = ${A}.date_key`, chronological: true };
    case 'weekday':
      // 2024-01-01 was a Monday
      return { key: sql`${A}.weekday::text`, label: sql`to_char(date '2024-01-01' + (${A}.weekday - 1), 'Dy')`, chronological: true };
    case 'hour':
      return { key: sql`lpad(${asText(a, 'hour')}, 2, '0')`, label: sql`lpad(${asText(a, 'hour')}, 2, '0') || ':00'`, chronological: true };
    case 'category':
      return { key: sql`${a === 'r' ? sql`r` : sql`p`}.category`, label: sql`${a === 'r' ? sql`r` : sql`p`}.category` };
    case 'subcategory': {
      const k = a === 'r' ? sql`r` : sql`p`;
      return { key: sql`${k}.category || ' / ' || ${k}.subcategory`, label: sql`${k}.subcategory`, parent: sql`${k}.category` };
    }
    case 'product':
      return {
        key: sql`dp.sku`,
        label: sql`dp.name`,
        parent: sql`dp.subcategory`,
        joins: sql`join gold.dim_product dp on dp.product_key = ${A}.product_key`,
      };
  }
}

function breakdownQuery(dimension: BreakdownDimension, f: QueryFilters, limit: number): SQL {
  const source = planSource(dimension, f);
  const alias = source === 'facts' ? 'f' : 'r';
  const g = grouping(dimension, alias);
  const select = sql`${g.key} as key, ${g.label} as label, ${g.region ?? sql`null`}::text as region, ${g.parent ?? sql`null`}::text as parent`;
  const order = g.chronological ? sql`1` : sql`revenue desc, 1`;
  if (source === 'facts') {
    return sql`select ${select}, coalesce(sum(f.net), 0)::float8 as revenue,
        count(distinct f.transaction_id)::int as transactions, coalesce(sum(f.quantity), 0)::float8 as units
      from ${FACT_FROM} ${g.joins ?? sql``}
      where ${factWhere(f)}
      group by 1, 2, 3, 4 order by ${order} limit ${limit}`;
  }
  const rows = rollupRows(source, f, { byDay: dimension === 'day' });
  return sql`select ${select}, coalesce(sum(r.net), 0)::float8 as revenue,
      coalesce(sum(r.transactions), 0)::float8 as transactions, coalesce(sum(r.units), 0)::float8 as units
    from ${rows} ${g.joins ?? sql``}
    group by 1, 2, 3, 4 order by ${order} limit ${limit}`;
}

export async function getBreakdown(
  db: Database,
  scope: Scope,
  filters: ScopedFilters,
  dimension: BreakdownDimension,
  limit = 1_000,
): Promise<BreakdownRow[]> {
  return cached(db, { query: 'breakdown', params: { filters, dimension, limit }, scope, through: filters.to }, () =>
    readInScope(db, scope, async (tx) => {
      const f = await withStoreKeys(tx, scope, filters);
      const rows = await queryRows<BreakdownRow & { region: string | null; parent: string | null }>(tx, breakdownQuery(dimension, f, limit));
      return rows.map(({ region, parent, ...row }) => ({
        ...row,
        revenue: Math.round(row.revenue * 100) / 100,
        ...(region ? { region } : {}),
        ...(parent ? { parent } : {}),
      }));
    }),
  );
}
