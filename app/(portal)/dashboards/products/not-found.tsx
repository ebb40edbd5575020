import Link from 'next/link';
import { PRODUCTS_PATH } from '@/components/products/product-links';

// One answer for a SKU that does not exist and for one outside the viewer's regions: nothing tells them apart.
export default function ProductNotFound() {
  return (
    <div className="mx-auto max-w-xl rounded-xl border border-slate-200 bg-white p-6 text-center dark:border-slate-800 dark:bg-slate-900" data-testid="product-not-found">
      <h1 className="text-lg font-semibold">No such product in your regions</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">The address may be mistyped, or the product has no sales or stock in the regions you can see.</p>
      <Link href={PRODUCTS_PATH} className="mt-4 inline-block rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
        Back to Products
      </Link>
    </div>
  );
}
