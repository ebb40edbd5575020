// What the filter bar offers: the caller's regions, their stores grouped by region, product categories
// and customer segments. Only stores inside the scope are listed.
import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import { REPORT_SEGMENTS } from '@/lib/filters/segments';
import { smallintArray } from '@/db/sql';
import { cached } from '@/lib/cache/process-cache';
import { readInScope } from './internal/read-in-scope';

export interface FilterOptions {
  regions: string[];
  stores: { code: string; name: string; region: string }[];
  categories: string[];
  segments: string[];
}

export async function listFilterOptions(db: Database, scope: Scope): Promise<FilterOptions> {
  return cached(db, { query: 'filter-options', params: {}, scope }, () =>
    readInScope(db, scope, async (tx) => {
      const stores = await queryRows<{ code: string; name: string; region: string }>(
        tx,
        sql`select s.store_code as code, s.name, r.name as region
            from gold.dim_store s join gold.dim_region r on r.region_id = s.region_id
            where s.region_id = any(${smallintArray(scope.regionIds)}) order by r.name, s.store_code`,
      );
      const categories = await queryRows<{ category: string }>(tx, sql`select distinct category from gold.dim_product order by 1`);
      return { regions: [...scope.regions], stores, categories: categories.map((c) => c.category), segments: [...REPORT_SEGMENTS] };
    }),
  );
}
