// The rows a cube query aggregates, as `(…) r`: the cube's day rows for the filters; or, for an answer that
// needs no day by day detail (a total, a breakdown by region, store, category or hour), the spans over
// runs of days that cover the range plus its single days at the ends — the same sums from a few rows per
// key instead of one per day. Where the source counts its baskets from the category-set cube, the rows are
// the cube's sums (no baskets) followed by the category sets' basket counts (no sums), so that summing
// them gives both.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { ROLLUP_MEASURE_COLUMNS } from '@/db/schema/gold';
import { placeColumns } from '@/db/schema/gold-cubes';
import { rollupWhere, selectOverSpans, type QueryFilters } from './filter-sql';
import { cubeTable, type CubeSource } from './source-plan';

export function rollupRows(source: CubeSource, f: QueryFilters, { byDay }: { byDay: boolean }): SQL {
  if (!source.baskets) return sql`(${cubeRows(source, f, byDay, allColumns(source, byDay))}) r`;
  // Both cubes keep the place and the segment: the groupings a basket count can be split by.
  const shared = [...(byDay ? ['date_key'] : []), ...placeColumns(source.grain), 'segment'];
  const measures = (counts: 'sums' | 'baskets') =>
    ROLLUP_MEASURE_COLUMNS.map((c) => ((c === 'transactions') === (counts === 'baskets') ? `r.${c}` : `0 as ${c}`));
  const select = (counts: 'sums' | 'baskets') => sql.raw([...shared.map((c) => `r.${c}`), ...measures(counts)].join(', '));
  return sql`(${cubeRows(source, f, byDay, select('sums'))} union all ${cubeRows(source.baskets, f, byDay, select('baskets'))}) r`;
}

const allColumns = (source: CubeSource, byDay: boolean) =>
  sql.raw([...(byDay ? ['date_key'] : []), ...placeColumns(source.grain), ...source.keys, ...ROLLUP_MEASURE_COLUMNS].map((c) => `r.${c}`).join(', '));

function cubeRows(source: CubeSource, f: QueryFilters, byDay: boolean, select: SQL): SQL {
  const days = cubeTable(source, false);
  if (!byDay) {
    const union = selectOverSpans(f, select, source, { days, spans: cubeTable(source, true) });
    if (union) return union;
  }
  return sql`select ${select} from ${days} r where ${rollupWhere(f, 'r', source)}`;
}
