// Revenue anomalies for the trend chart's markers: each region's daily net revenue (reporting time zone)
// against its trailing 28-day mean and standard deviation, days with |z| > 3 (by default) in [from, to].
// Region-level by definition: store, category and segment filters do not change a region's anomalies.
import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { smallintArray } from '@/db/sql';
import type { Scope } from '@/lib/auth/scope';
import { ANOMALY_RULES, describeAnomaly, findAnomalies, zeroFilledDays, type RevenueAnomaly } from '@/lib/analytics/revenue-anomalies';
import { cached } from '@/lib/cache/process-cache';
import { addDays, dateKeyOf, dayOfDateKey } from '@/lib/calendar/days';
import { regionNameOf } from '@/lib/filters/regions';
import { assertScopedFilters, type ScopedFilters } from '@/lib/auth/scoped-filters';
import { readInScope } from './internal/read-in-scope';

export interface RegionAnomaly extends RevenueAnomaly {
  regionId: number;
  region: string;
  /** One line for a tooltip or an alert. */
  reason: string;
}

export interface AnomalyOptions {
  /** Today in the reporting time zone: the day in progress, flagged only when already far above usual. */
  today: string;
  /** Default ANOMALY_RULES.zThreshold. */
  zThreshold?: number;
}

export async function getRevenueAnomalies(
  db: Database, scope: Scope, filters: ScopedFilters, options: AnomalyOptions,
): Promise<RegionAnomaly[]> {
  assertScopedFilters(scope, filters);
  const params = { from: filters.from, to: filters.to, regionIds: filters.regionIds, nothing: filters.nothing, ...options };
  return cached(db, { query: 'revenue-anomalies', params, scope }, () =>
    readInScope(db, scope, async (tx) => {
      if (filters.nothing || filters.regionIds.length === 0) return [];
      const rows = await queryRows<{ region_id: number; date_key: number; revenue: number }>(
        tx,
        sql`select region_id::int as region_id, date_key, sum(net)::float8 as revenue from gold.agg_baskets_by_region
            where region_id = any(${smallintArray(filters.regionIds)})
              and date_key between ${dateKeyOf(addDays(filters.from, -ANOMALY_RULES.windowDays))} and ${dateKeyOf(filters.to)}
            group by 1, 2`,
      );
      const out: RegionAnomaly[] = [];
      for (const regionId of filters.regionIds) {
        const series = rows.filter((r) => r.region_id === regionId).map((r) => ({ day: dayOfDateKey(r.date_key), value: r.revenue }));
        const region = regionNameOf(regionId) ?? `Region ${regionId}`;
        const found = findAnomalies(zeroFilledDays(series, filters.to < options.today ? filters.to : options.today), {
          from: filters.from,
          partialDay: options.today,
          zThreshold: options.zThreshold,
        });
        for (const a of found) out.push({ ...a, regionId, region, reason: describeAnomaly(a, region) });
      }
      return out.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.regionId - b.regionId));
    }),
  );
}
