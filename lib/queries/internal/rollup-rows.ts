// The rows a cube query aggregates, as `(…) r`: the cube's day rows for the filters; or, for an answer that
// needs no day by day detail (a total, a breakdown by region, store, category or hour), the spans over
// runs of days that cover the range plus its single days at the ends — the same sums from a few rows per
// key instead of one per day.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { ROLLUP_MEASURE_COLUMNS } from '@/db/schema/gold';
import { placeColumns } from '@/db/schema/gold-cubes';
import { rollupWhere, selectOverSpans, type QueryFilters } from './filter-sql';
import { cubeTable, type CubeSource } from './source-plan';

export function rollupRows(source: CubeSource, f: QueryFilters, { byDay }: { byDay: boolean }): SQL {
  const days = cubeTable(source, false);
  if (!byDay) {
    const select = sql.raw([...placeColumns(source.grain), ...source.keys, ...ROLLUP_MEASURE_COLUMNS].map((c) => `r.${c}`).join(', '));
    const union = selectOverSpans(f, select, source, { days, spans: cubeTable(source, true) });
    if (union) return sql`(${union}) r`;
  }
  return sql`(select * from ${days} r where ${rollupWhere(f, 'r', source)}) r`;
}
