// The newest sales lines in the caller's regions, newest first.
import Link from 'next/link';
import type { Database } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import { formatCount, formatMoneyCents } from '@/lib/format';
import { listLatestSales } from '@/lib/queries/list-latest-sales';
import { Card } from '@/components/ui/card';
import { DateTime } from '@/components/ui/date-time';
import { productHref } from '@/components/products/product-links';
import { EMPTY_STATE } from '@/lib/filters/dashboard-state';

const FEED_LENGTH = 15;

export async function LatestSalesFeed({ db, scope, at, timeZone }: { db: Database; scope: Scope; at: Date; timeZone: string }) {
  const sales = await listLatestSales(db, scope, { at, timeZone, limit: FEED_LENGTH });
  return (
    <Card title="Latest sales">
      {sales.length === 0 ? (
        <p className="py-6 text-center text-sm text-slate-500 dark:text-slate-400">No sales today or yesterday yet.</p>
      ) : (
        // scrolls inside the card on a phone; a named tab stop so a keyboard can scroll it too
        <div role="region" aria-label="Latest sales" tabIndex={0} className="overflow-x-auto rounded-md focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500">
          <table className="w-full text-sm" data-testid="latest-sales">
            <thead>
              <tr className="border-b border-slate-200 text-left text-xs text-slate-500 dark:border-slate-800 dark:text-slate-400">
                <th className="py-1.5 pr-3 font-medium">Time</th>
                <th className="py-1.5 pr-3 font-medium">Store</th>
                <th className="py-1.5 pr-3 font-medium">Region</th>
                <th className="py-1.5 pr-3 font-medium">Product</th>
                <th className="py-1.5 pr-3 text-right font-medium">Qty</th>
                <th className="py-1.5 text-right font-medium">Net</th>
              </tr>
            </thead>
            <tbody>
              {sales.map((sale) => (
                <tr key={sale.lineId} data-testid="latest-sale" data-transaction={sale.transactionId}
                  className="border-b border-slate-100 last:border-0 dark:border-slate-800">
                  <td className="py-1.5 pr-3 tabular-nums whitespace-nowrap">
                    <DateTime value={sale.occurredAt} timeZone={timeZone} seconds />
                  </td>
                  <td className="max-w-48 truncate py-1.5 pr-3 whitespace-nowrap" title={sale.storeName}>{sale.storeCode} · {sale.storeName}</td>
                  <td className="py-1.5 pr-3">{sale.region}</td>
                  <td className="max-w-64 truncate py-1.5 pr-3 whitespace-nowrap" title={`${sale.product} (${sale.sku})`}>
                    <Link href={productHref(sale.sku, EMPTY_STATE)} className="text-brand-700 hover:underline dark:text-brand-300">{sale.product}</Link>
                  </td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{formatCount(sale.quantity)}</td>
                  <td className="py-1.5 text-right tabular-nums">{formatMoneyCents(sale.net)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
