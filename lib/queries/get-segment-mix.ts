// Segment mix over time: revenue (net, store currency) per customer segment per calendar month or ISO
// week of the range. A line counts under the segment of the customer version it was sold to (its SCD2
// version), and lines without a customer under Guest, so the periods add up to the range's revenue.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import type { CohortGrain } from '@/lib/analytics/cohorts';
import { GUEST_SEGMENT, REPORT_SEGMENTS } from '@/lib/filters/segments';
import type { ScopedFilters } from '@/lib/auth/scoped-filters';
import { FACT_FROM, factWhere, rollupWhere, withStoreKeys, type QueryFilters } from './internal/filter-sql';
import { cached } from '@/lib/cache/process-cache';
import { readInScope } from './internal/read-in-scope';
import { cubeTable, planSource } from './internal/source-plan';

export interface SegmentMixRow {
  /** First day of the month or ISO week (Monday). */
  period: string;
  segment: string;
  revenue: number;
}

function segmentMixQuery(f: QueryFilters, grain: CohortGrain): SQL {
  const period = sql`date_trunc(${grain}, d.date::timestamp)::date::text`;
  const source = planSource('segment', f, { transactions: false });
  if (source === 'facts') {
    return sql`select ${period} as period, coalesce(c.segment, ${GUEST_SEGMENT}) as segment,
        coalesce(sum(f.net), 0)::float8 as revenue
      from ${FACT_FROM} join gold.dim_date d on d.date_key = f.date_key
      where ${factWhere(f)}
      group by 1, 2`;
  }
  return sql`select ${period} as period, r.segment, coalesce(sum(r.net), 0)::float8 as revenue
    from ${cubeTable(source, false)} r join gold.dim_date d on d.date_key = r.date_key
    where ${rollupWhere(f, 'r', source)}
    group by 1, 2`;
}

export async function getSegmentMix(db: Database, scope: Scope, filters: ScopedFilters, grain: CohortGrain): Promise<SegmentMixRow[]> {
  return cached(db, { query: 'segment-mix', params: { filters, grain }, scope }, () =>
    readInScope(db, scope, async (tx) => {
      const f = await withStoreKeys(tx, scope, filters);
      const rows = await queryRows<SegmentMixRow>(tx, segmentMixQuery(f, grain));
      const order = (s: string) => (REPORT_SEGMENTS as readonly string[]).indexOf(s);
      return rows
        .map(({ period, segment, revenue }) => ({ period, segment, revenue: Math.round(revenue * 100) / 100 }))
        .sort((a, b) => a.period.localeCompare(b.period) || order(a.segment) - order(b.segment));
    }),
  );
}
