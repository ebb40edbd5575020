import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { loadDashboardView } from '@/components/dashboards/load-view';
import { InvalidView } from '@/components/dashboards/dashboard-header';
import { ProductPage as ProductView } from '@/components/products/product-page';
import { PRODUCTS_PATH } from '@/components/products/product-links';
import { productSkuSchema } from '@/lib/filters/product-sku';

export const metadata: Metadata = { title: 'Product' };

export default async function ProductPage({ params, searchParams }: {
  params: Promise<{ sku: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const parsed = productSkuSchema.safeParse((await params).sku);
  if (!parsed.success) notFound();
  const path = `${PRODUCTS_PATH}/${encodeURIComponent(parsed.data)}`;
  const loaded = await loadDashboardView(await searchParams, path);
  if (!loaded.ok) return <InvalidView title="Product" message={loaded.message} status={loaded.status} resetHref={path} />;
  return <ProductView view={loaded.view} sku={parsed.data} />;
}
