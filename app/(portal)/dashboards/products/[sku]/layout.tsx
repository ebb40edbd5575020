// The product page's gate: a SKU that is malformed, unknown, or never sold nor stocked in the viewer's
// regions is the same 404. Checked here, above the page's loading boundary, so the answer is a real 404
// status and not a streamed 200.
import { notFound } from 'next/navigation';
import { getDatabase } from '@/db/client';
import { getScope } from '@/lib/auth/page-scope';
import { productSkuSchema } from '@/lib/filters/product-sku';
import { findProduct } from '@/lib/queries/get-product-detail';
import { PRODUCTS_PATH } from '@/components/products/product-links';

export default async function ProductLayout({ children, params }: { children: React.ReactNode; params: Promise<{ sku: string }> }) {
  const { sku } = await params;
  const parsed = productSkuSchema.safeParse(sku);
  if (!parsed.success) notFound();
  const scope = await getScope({ callbackUrl: `${PRODUCTS_PATH}/${encodeURIComponent(parsed.data)}` });
  if (!(await findProduct(await getDatabase(), scope, parsed.data))) notFound();
  return children;
}
