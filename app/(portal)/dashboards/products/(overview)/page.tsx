import type { Metadata } from 'next';
import { loadDashboardView } from '@/components/dashboards/load-view';
import { InvalidView } from '@/components/dashboards/dashboard-header';
import { ProductsDashboard, PRODUCTS_TITLE } from '@/components/dashboards/products-dashboard';

export const metadata: Metadata = { title: PRODUCTS_TITLE };

const PATH = '/dashboards/products';

export default async function ProductsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const loaded = await loadDashboardView(await searchParams, PATH);
  if (!loaded.ok) return <InvalidView title={PRODUCTS_TITLE} message={loaded.message} status={loaded.status} resetHref={PATH} />;
  return <ProductsDashboard view={loaded.view} />;
}
