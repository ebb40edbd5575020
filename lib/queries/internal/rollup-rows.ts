// The rows a rollup query aggregates, as `(…) r`: the rollup's day rows for the filters; or, for an answer
// that needs no day by day detail (a total, a breakdown by region, store, category or hour), the spans over
// runs of days that cover the range plus its single days at the ends — the same sums from a few rows per
// key instead of one per day.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { ROLLUP_MEASURE_COLUMNS } from '@/db/schema/gold';
import { rollupWhere, selectOverSpans, type QueryFilters } from './filter-sql';
import { ROLLUPS, type Source } from './source-plan';

export function rollupRows(source: Exclude<Source, 'facts'>, f: QueryFilters, { byDay }: { byDay: boolean }): SQL {
  const { table, columns, spans } = ROLLUPS[source];
  if (spans && !byDay) {
    const select = sql.raw([...spans.keys, ...ROLLUP_MEASURE_COLUMNS].map((c) => `r.${c}`).join(', '));
    const union = selectOverSpans(f, select, { table, columns }, { table: spans.table, columns });
    if (union) return sql`(${union}) r`;
  }
  return sql`(select * from ${table} r where ${rollupWhere(f, 'r', columns)}) r`;
}
