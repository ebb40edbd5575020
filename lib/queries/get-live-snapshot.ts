// Live monitor cards: today so far against yesterday up to the same time of day. Grain: sales lines
// (gold.fact_sales) summed per day; days and times of day in the reporting time zone; money net of
// discounts in the store currency. Sales stamped later today than now (the seeded demo day) are not yet "so far".
import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { smallintArray } from '@/db/sql';
import { assertScope, type Scope } from '@/lib/auth/scope';
import { toKpis, type Kpis } from '@/lib/analytics/kpi-math';
import { cached } from '@/lib/cache/process-cache';
import { dateKeyOf } from '@/lib/calendar/days';
import { liveWindow } from './internal/live-window';
import { readInScope } from './internal/read-in-scope';

export interface LiveSnapshot {
  today: Kpis;
  /** Yesterday up to the same time of day as `today`. */
  yesterday: Kpis;
  day: string;
  /** Both days are counted up to this local time (HH:MM, exclusive): the end of the current minute. */
  until: string;
}

interface DayRow {
  date_key: number;
  revenue: number;
  transactions: number;
  units: number;
  discount: number;
  cost: number;
  customers: number;
}

const clock = (seconds: number) =>
  `${String(Math.floor(seconds / 3600)).padStart(2, '0')}:${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}`;

export async function getLiveSnapshot(db: Database, scope: Scope, options: { at: Date; timeZone: string }): Promise<LiveSnapshot> {
  assertScope(scope);
  const w = liveWindow(options.at, options.timeZone);
  const params = { today: w.today, cutoffSeconds: w.cutoffSeconds, timeZone: options.timeZone };
  return cached(db, { query: 'live-snapshot', params, scope }, () =>
    readInScope(db, scope, async (tx) => {
      const rows = await queryRows<DayRow>(
        tx,
        sql`select f.date_key::int as date_key, coalesce(sum(f.net), 0)::float8 as revenue,
              count(distinct f.transaction_id)::int as transactions, coalesce(sum(f.quantity), 0)::float8 as units,
              coalesce(sum(f.discount), 0)::float8 as discount, coalesce(sum(f.cost), 0)::float8 as cost,
              count(distinct c.customer_id)::int as customers
            from gold.fact_sales f left join gold.dim_customer c on c.customer_sk = f.customer_sk
            where f.date_key in (${dateKeyOf(w.today)}, ${dateKeyOf(w.yesterday)})
              and f.region_id = any(${smallintArray(scope.regionIds)})
              and extract(epoch from (f.occurred_at at time zone ${options.timeZone})::time) < ${w.cutoffSeconds}
            group by f.date_key`,
      );
      const kpisOf = (day: string): Kpis => {
        const row = rows.find((r) => r.date_key === dateKeyOf(day));
        return toKpis(row ?? { revenue: 0, transactions: 0, units: 0, discount: 0, cost: 0 }, row?.customers ?? 0);
      };
      return { today: kpisOf(w.today), yesterday: kpisOf(w.yesterday), day: w.today, until: clock(w.cutoffSeconds) };
    }),
  );
}
