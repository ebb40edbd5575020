// The live monitor's last hour, per minute: revenue (net, store currency) and orders (distinct baskets) of
// the sales that occurred in the minute, and the events POST /api/ingest received in it for stores in scope.
// Minutes are whole UTC-aligned minutes labelled as wall-clock time in the reporting time zone. Events count
// once the ETL has processed them (within a second). Not cached: the window moves every minute, and intake
// bumps no data version.
import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { intArray, smallintArray, textArray } from '@/db/sql';
import { assertScope, type Scope } from '@/lib/auth/scope';
import { dateKeyOf, todayIn } from '@/lib/calendar/days';
import { liveWindow, minuteLabel } from './internal/live-window';
import { readInScope } from './internal/read-in-scope';

export interface MinutePoint {
  /** `YYYY-MM-DD HH:MM` in the reporting time zone. */
  minute: string;
  revenue: number;
  orders: number;
  events: number;
}

const MINUTE_MS = 60_000;

export async function getMinuteSeries(db: Database, scope: Scope, options: { at: Date; timeZone: string; minutes?: number }): Promise<MinutePoint[]> {
  assertScope(scope);
  const w = liveWindow(options.at, options.timeZone, options.minutes ?? 60);
  const start = w.start.toISOString();
  const end = w.end.toISOString();
  const days = [...new Set([todayIn(options.timeZone, w.start), todayIn(options.timeZone, new Date(w.end.getTime() - 1))])].map(dateKeyOf);

  const { sales, storeCodes } = await readInScope(db, scope, async (tx) => {
    const sales = await queryRows<{ m: number; revenue: number; orders: number }>(
      tx,
      sql`select floor(extract(epoch from f.occurred_at) / 60)::float8 as m, coalesce(sum(f.net), 0)::float8 as revenue,
            count(distinct f.transaction_id)::int as orders
          from gold.fact_sales f
          where f.date_key = any(${intArray(days)}) and f.region_id = any(${smallintArray(scope.regionIds)})
            and f.occurred_at >= ${start}::timestamptz and f.occurred_at < ${end}::timestamptz
          group by 1`,
    );
    // Row-level security decides which stores count; bronze has no region column to protect it.
    const stores = await queryRows<{ store_code: string }>(
      tx,
      sql`select store_code from gold.dim_store where region_id = any(${smallintArray(scope.regionIds)})`,
    );
    return { sales, storeCodes: stores.map((s) => s.store_code) };
  });

  // Intake is counted per minute and store by the ETL (app.intake_minutes, outside the scoped reader's
  // grants), so it is read here, limited to the stores read above.
  const events = await queryRows<{ m: number; events: number }>(
    db,
    sql`select floor(extract(epoch from i.minute) / 60)::float8 as m, sum(i.events)::int as events
        from app.intake_minutes i
        where i.minute >= ${start}::timestamptz and i.minute < ${end}::timestamptz and i.store_code = any(${textArray(storeCodes)})
        group by 1`,
  );

  const salesByMinute = new Map(sales.map((r) => [r.m, r]));
  const eventsByMinute = new Map(events.map((r) => [r.m, r.events]));
  const points: MinutePoint[] = [];
  for (let t = w.start.getTime(); t < w.end.getTime(); t += MINUTE_MS) {
    const m = t / MINUTE_MS;
    const sale = salesByMinute.get(m);
    points.push({
      minute: minuteLabel(new Date(t), options.timeZone),
      revenue: Math.round((sale?.revenue ?? 0) * 100) / 100,
      orders: sale?.orders ?? 0,
      events: eventsByMinute.get(m) ?? 0,
    });
  }
  return points;
}
