// The sales of a filtered view per calendar day (reporting time zone), and those days summed into a
// grain's periods: the one series the trend chart draws and its anomalies are computed from.
import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { periodStart, periodStarts, type Grain } from '@/lib/calendar/periods';
import { FACT_FROM, factWhere, type QueryFilters } from './filter-sql';
import { planSource } from './source-plan';
import { rollupRows } from './rollup-rows';

export interface TrendPoint {
  period: string;
  revenue: number;
  transactions: number;
  units: number;
  discount: number;
  cost: number;
}

/** Net revenue, baskets, units, discount and cost per day of f.from..f.to that sold anything. */
export async function readDailyTotals(tx: Database, f: QueryFilters): Promise<Map<string, TrendPoint>> {
  const source = planSource('day', f);
  const measures =
    source === 'facts'
      ? sql`coalesce(sum(f.net), 0)::float8 as revenue, count(distinct f.transaction_id)::int as transactions,
          coalesce(sum(f.quantity), 0)::float8 as units, coalesce(sum(f.discount), 0)::float8 as discount, coalesce(sum(f.cost), 0)::float8 as cost`
      : sql`coalesce(sum(r.net), 0)::float8 as revenue, coalesce(sum(r.transactions), 0)::float8 as transactions,
          coalesce(sum(r.units), 0)::float8 as units, coalesce(sum(r.discount), 0)::float8 as discount, coalesce(sum(r.cost), 0)::float8 as cost`;
  const query =
    source === 'facts'
      ? sql`select d.date::text as period, ${measures} from ${FACT_FROM} join gold.dim_date d on d.date_key = f.date_key
            where ${factWhere(f)} group by d.date`
      : sql`select d.date::text as period, ${measures} from ${rollupRows(source, f, { byDay: true })} join gold.dim_date d on d.date_key = r.date_key
            group by d.date`;
  const rows = await queryRows<TrendPoint>(tx, query);
  return new Map(rows.map((r) => [r.period, r]));
}

/** The days of from..to summed into every period of `grain` that overlaps them (zero where nothing sold). */
export function bucketDays(daily: Map<string, TrendPoint>, from: string, to: string, grain: Grain): TrendPoint[] {
  const points = new Map(periodStarts(from, to, grain).map((p) => [p, { period: p, revenue: 0, transactions: 0, units: 0, discount: 0, cost: 0 }]));
  for (const day of daily.values()) {
    const point = points.get(periodStart(day.period, grain));
    if (!point || day.period < from || day.period > to) continue;
    point.revenue += day.revenue;
    point.transactions += day.transactions;
    point.units += day.units;
    point.discount += day.discount;
    point.cost += day.cost;
  }
  return [...points.values()].map((p) => ({ ...p, revenue: Math.round(p.revenue * 100) / 100 }));
}
