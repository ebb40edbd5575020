import type { Database } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import type { ResolvedFilters } from '@/lib/filters/resolve-filters';
import { getKpis, type Kpis } from '@/lib/queries/get-kpis';
import { formatCount, formatMoney, formatMoneyCents, formatPercent } from '@/lib/format';
import { relativeChange } from '@/lib/analytics/period-change';

const CARDS: { key: keyof Kpis; label: string; format: (n: number) => string }[] = [
  { key: 'revenue', label: 'Revenue', format: formatMoney },
  { key: 'transactions', label: 'Transactions', format: formatCount },
  { key: 'units', label: 'Units', format: formatCount },
  { key: 'avgOrderValue', label: 'Avg order value', format: formatMoneyCents },
  { key: 'discount', label: 'Discounts', format: formatMoney },
  { key: 'uniqueCustomers', label: 'Unique customers', format: formatCount },
  { key: 'grossMargin', label: 'Gross margin', format: formatPercent },
];

export async function KpiCards({ db, scope, filters }: { db: Database; scope: Scope; filters: ResolvedFilters }) {
  const { kpis, previous } = await getKpis(db, scope, filters);
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-7">
      {CARDS.map((card) => {
        const change = relativeChange(kpis[card.key], previous[card.key]);
        return (
          <div key={card.key} data-testid={`kpi-${card.key}`} className="rounded-xl border border-slate-200 bg-white p-3 shadow-sm dark:border-slate-800 dark:bg-slate-900">
            <p className="text-xs font-medium text-slate-500 dark:text-slate-400">{card.label}</p>
            <p className="mt-1 text-lg font-semibold tabular-nums">{card.format(kpis[card.key])}</p>
            <p className={`text-xs tabular-nums ${change === null ? 'text-slate-400' : change >= 0 ? 'text-emerald-600' : 'text-red-600'}`}>
              {change === null ? 'no prior data' : `${change >= 0 ? '▲' : '▼'} ${formatPercent(Math.abs(change))} vs prior period`}
            </p>
          </div>
        );
      })}
    </div>
  );
}
