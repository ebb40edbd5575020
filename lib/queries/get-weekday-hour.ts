// The weekday × hour grid: net revenue and transactions per ISO weekday (1 = Monday) and hour, both on
// each store's own clock, summed over the filtered days. Cells without sales are absent.
import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import type { ScopedFilters } from '@/lib/auth/scoped-filters';
import { FACT_FROM, factWhere, withStoreKeys } from './internal/filter-sql';
import { rollupRows } from './internal/rollup-rows';
import { cached } from '@/lib/cache/process-cache';
import { readInScope } from './internal/read-in-scope';
import { planSource } from './internal/source-plan';

export interface WeekdayHourCell {
  weekday: number;
  hour: number;
  revenue: number;
  transactions: number;
}

export async function getWeekdayHour(db: Database, scope: Scope, filters: ScopedFilters): Promise<WeekdayHourCell[]> {
  return cached(db, { query: 'weekday-hour', params: { filters }, scope, through: filters.to }, () =>
    readInScope(db, scope, async (tx) => {
      const f = await withStoreKeys(tx, scope, filters);
      const source = planSource(['weekday', 'hour'], f);
      const query =
        source === 'facts'
          ? sql`select f.weekday::int as weekday, f.hour::int as hour, coalesce(sum(f.net), 0)::float8 as revenue,
                  count(distinct f.transaction_id)::int as transactions
                from ${FACT_FROM}
                where ${factWhere(f)} group by 1, 2 order by 1, 2`
          : sql`select r.weekday::int as weekday, r.hour::int as hour, coalesce(sum(r.net), 0)::float8 as revenue,
                  coalesce(sum(r.transactions), 0)::float8 as transactions
                from ${rollupRows(source, f, { byDay: false })} group by 1, 2 order by 1, 2`;
      return queryRows<WeekdayHourCell>(tx, query);
    }),
  );
}
