import type { Metadata } from 'next';
import { loadDashboardView } from '@/components/dashboards/load-view';
import { InvalidView } from '@/components/dashboards/dashboard-header';
import { CustomersDashboard, CUSTOMERS_TITLE } from '@/components/dashboards/customers-dashboard';

export const metadata: Metadata = { title: CUSTOMERS_TITLE };

const PATH = '/dashboards/customers';

export default async function CustomersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const loaded = await loadDashboardView(await searchParams, PATH);
  if (!loaded.ok) return <InvalidView title={CUSTOMERS_TITLE} message={loaded.message} status={loaded.status} resetHref={PATH} />;
  return <CustomersDashboard view={loaded.view} />;
}
