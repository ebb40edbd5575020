import type { Metadata } from 'next';
import { loadDashboardView } from '@/components/dashboards/load-view';
import { InvalidView } from '@/components/dashboards/dashboard-header';
import { SalesDashboard, SALES_TITLE } from '@/components/dashboards/sales-dashboard';

export const metadata: Metadata = { title: SALES_TITLE };

const PATH = '/dashboards/sales';

export default async function SalesOverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const loaded = await loadDashboardView(await searchParams, PATH);
  if (!loaded.ok) return <InvalidView title={SALES_TITLE} message={loaded.message} status={loaded.status} resetHref={PATH} />;
  return <SalesDashboard view={loaded.view} />;
}
