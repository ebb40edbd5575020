import type { Database } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import type { ResolvedFilters } from '@/lib/filters/resolve-filters';
import { getBreakdown } from '@/lib/queries/get-breakdown';
import { formatCount, formatMoney } from '@/lib/format';
import { Card } from '@/components/ui/card';

export async function RegionTable({ db, scope, filters }: { db: Database; scope: Scope; filters: ResolvedFilters }) {
  const rows = await getBreakdown(db, scope, filters, 'region');
  return (
    <Card title="Revenue by region">
      {rows.length === 0 ? (
        <p className="py-8 text-center text-sm text-slate-500">No sales in this range.</p>
      ) : (
        <table className="w-full text-sm" data-testid="region-table">
          <thead>
            <tr className="text-left text-slate-500">
              <th className="py-1 font-medium">Region</th>
              <th className="py-1 text-right font-medium">Revenue</th>
              <th className="py-1 text-right font-medium">Transactions</th>
              <th className="py-1 text-right font-medium">Units</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} className="border-t border-slate-100 dark:border-slate-800">
                <td className="py-1.5">{r.label}</td>
                <td className="py-1.5 text-right tabular-nums">{formatMoney(r.revenue)}</td>
                <td className="py-1.5 text-right tabular-nums">{formatCount(r.transactions)}</td>
                <td className="py-1.5 text-right tabular-nums">{formatCount(r.units)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
