// Segment mix over time: revenue (net, store currency) per customer segment per calendar month or ISO
// week of the range. A line counts under the segment of the customer version it was sold to (its SCD2
// version), and lines without a customer under Guest, so the periods add up to the range's revenue.
import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import type { CohortGrain } from '@/lib/analytics/cohorts';
import { REPORT_SEGMENTS } from '@/lib/filters/segments';
import type { ScopedFilters } from '@/lib/auth/scoped-filters';
import { withStoreKeys } from './internal/filter-sql';
import { cached } from '@/lib/cache/process-cache';
import { segmentRevenue } from './internal/customer-periods';
import { readInScope } from './internal/read-in-scope';

export interface SegmentMixRow {
  /** First day of the month or ISO week (Monday). */
  period: string;
  segment: string;
  revenue: number;
}

export async function getSegmentMix(db: Database, scope: Scope, filters: ScopedFilters, grain: CohortGrain): Promise<SegmentMixRow[]> {
  return cached(db, { query: 'segment-mix', params: { filters, grain }, scope, through: filters.to }, () =>
    readInScope(db, scope, async (tx) => {
      const f = await withStoreKeys(tx, scope, filters);
      const rows = await queryRows<SegmentMixRow>(tx, sql`select s.period, s.segment, s.revenue::float8 as revenue from (${segmentRevenue(f, grain)}) s`);
      const order = (s: string) => (REPORT_SEGMENTS as readonly string[]).indexOf(s);
      return rows
        .map(({ period, segment, revenue }) => ({ period, segment, revenue: Math.round(revenue * 100) / 100 }))
        .sort((a, b) => a.period.localeCompare(b.period) || order(a.segment) - order(b.segment));
    }),
  );
}
