import type { Database } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import type { ScopedFilters } from '@/lib/auth/scoped-filters';
import { formatCount, formatMoney } from '@/lib/format';
import { getTopCustomers, TOP_CUSTOMERS_LIMIT } from '@/lib/queries/get-top-customers';
import { Card } from '@/components/ui/card';

export async function TopCustomersTable({ db, scope, filters }: { db: Database; scope: Scope; filters: ScopedFilters }) {
  const rows = await getTopCustomers(db, scope, filters);
  return (
    <Card title={`Top ${TOP_CUSTOMERS_LIMIT} customers · ${filters.from} to ${filters.to}`}>
      <p className="-mt-2 mb-3 text-xs text-slate-500 dark:text-slate-400">
        Revenue, orders and last purchase count only purchases in your regions and filters.
      </p>
      {rows.length === 0 ? (
        <p className="py-8 text-center text-sm text-slate-500 dark:text-slate-400">No customer purchases in this range.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="top-customers-table">
            <thead>
              <tr className="text-left text-slate-500 dark:text-slate-400">
                <th scope="col" className="py-1 pr-3 font-medium">Customer</th>
                <th scope="col" className="py-1 pr-3 font-medium">Segment</th>
                <th scope="col" className="py-1 pr-3 font-medium">Home store</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">Orders</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">Revenue</th>
                <th scope="col" className="py-1 text-right font-medium">Last purchase</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.customerId} className="border-t border-slate-100 dark:border-slate-800">
                  <th scope="row" className="py-1.5 pr-3 text-left font-normal">
                    {r.name} <span className="text-xs text-slate-500 dark:text-slate-400">{r.customerId}</span>
                  </th>
                  <td className="py-1.5 pr-3">{r.segment}</td>
                  <td className="py-1.5 pr-3">{r.homeStoreName ? `${r.homeStoreName} (${r.homeStoreCode})` : '—'}</td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{formatCount(r.orders)}</td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{formatMoney(r.revenue)}</td>
                  <td className="py-1.5 text-right tabular-nums">{r.lastPurchase}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
