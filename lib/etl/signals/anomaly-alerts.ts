// Revenue anomaly alerts: after a batch's rollups, each region it sold in is checked for the days it touched
// (the recent ones) and for yesterday, which is complete now even if nothing arrived for it: a day with
// unusually low revenue is an anomaly too. The maths is lib/analytics/revenue-anomalies.ts.
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { smallintArray } from '@/db/sql';
import { ANOMALY_RULES, describeAnomaly, findAnomalies, zeroFilledDays, type DailyValue } from '@/lib/analytics/revenue-anomalies';
import { addDays, dateKeyOf, dayOfDateKey } from '@/lib/calendar/days';
import { regionNameOf } from '@/lib/filters/regions';
import { raiseAlerts, type NewAlert } from './raise-alerts';

export interface AnomalyCheck {
  regionIds: readonly number[];
  /** Days (YYYY-MM-DD, reporting time zone) whose sales the batch changed. */
  days: readonly string[];
  /** Today in the reporting time zone: still in progress, so only checked for highs. */
  today: string;
}

export async function raiseAnomalyAlerts(db: Database, check: AnomalyCheck): Promise<number> {
  if (check.regionIds.length === 0) return 0;
  const yesterday = addDays(check.today, -1);
  const oldest = addDays(check.today, -ANOMALY_RULES.alertLookbackDays);
  const days = [...new Set([...check.days.filter((d) => d >= oldest && d <= check.today), yesterday])].sort();
  const from = addDays(days[0], -ANOMALY_RULES.windowDays);
  const to = days[days.length - 1];
  const rows = await queryRows<{ region_id: number; date_key: number; revenue: number }>(
    db,
    sql`select r.region_id::int as region_id, r.date_key, sum(r.net)::float8 as revenue
        from gold.agg_baskets_by_region r
        where r.region_id = any(${smallintArray([...check.regionIds])})
          and r.date_key between ${dateKeyOf(from)} and ${dateKeyOf(to)}
        group by 1, 2`,
  );
  const wanted = new Set(days);
  const alerts: NewAlert[] = [];
  for (const regionId of check.regionIds) {
    const series: DailyValue[] = rows.filter((r) => r.region_id === regionId).map((r) => ({ day: dayOfDateKey(r.date_key), value: r.revenue }));
    const found = findAnomalies(zeroFilledDays(series, to), { from: days[0], partialDay: check.today }).filter((a) => wanted.has(a.day));
    const regionName = regionNameOf(regionId) ?? `Region ${regionId}`;
    for (const anomaly of found) {
      alerts.push({
        kind: 'anomaly',
        regionId,
        storeKey: null,
        subject: anomaly.day,
        dedupeKey: `anomaly:${regionId}:${anomaly.day}`,
        reason: describeAnomaly(anomaly, regionName),
        severity: Math.abs(anomaly.z) >= ANOMALY_RULES.highSeverityZ ? 'high' : 'medium',
        detail: { ...anomaly, partial: anomaly.day === check.today },
      });
    }
  }
  await raiseAlerts(db, alerts);
  return alerts.length;
}
