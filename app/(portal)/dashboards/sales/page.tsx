import { Suspense } from 'react';
import type { Metadata } from 'next';
import { getDatabase } from '@/db/client';
import { getScope } from '@/lib/auth/page-scope';
import { env } from '@/lib/env';
import { resolveFilters } from '@/lib/filters/resolve-filters';
import { KpiCards } from '@/components/sales/kpi-cards';
import { RegionTable } from '@/components/sales/region-table';
import { Skeleton } from '@/components/ui/skeleton';

export const metadata: Metadata = { title: 'Sales overview' };

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SalesOverviewPage({ searchParams }: PageProps) {
  const scope = await getScope({ callbackUrl: '/dashboards/sales' });
  const filters = resolveFilters(await searchParams, scope, env().REPORTING_TIME_ZONE);
  const db = await getDatabase();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Sales overview</h1>
        <p className="text-sm text-slate-500 dark:text-slate-400">
          {filters.from} to {filters.to} · {scope.regions.join(', ')}
        </p>
      </div>
      <Suspense fallback={<Skeleton className="h-28" />}>
        <KpiCards db={db} scope={scope} filters={filters} />
      </Suspense>
      <Suspense fallback={<Skeleton className="h-64" />}>
        <RegionTable db={db} scope={scope} filters={filters} />
      </Suspense>
    </div>
  );
}
