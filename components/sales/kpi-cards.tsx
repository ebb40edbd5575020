import type { DashboardView } from '@/components/dashboards/load-view';
import { relativeChange } from '@/lib/analytics/period-change';
import { formatCount, formatMoney, formatMoneyCents, formatPercent } from '@/lib/format';
import { getKpis, type Kpis } from '@/lib/queries/get-kpis';
import { getTrend, type TrendPoint } from '@/lib/queries/get-trend';
import { Sparkline } from '@/components/charts/sparkline';

const CARDS: { key: keyof Kpis; label: string; format: (n: number) => string; daily?: (p: TrendPoint) => number | null; lowerIsBetter?: boolean }[] = [
  { key: 'revenue', label: 'Revenue', format: formatMoney, daily: (p) => p.revenue },
  { key: 'transactions', label: 'Transactions', format: formatCount, daily: (p) => p.transactions },
  { key: 'units', label: 'Units', format: formatCount, daily: (p) => p.units },
  { key: 'avgOrderValue', label: 'Avg order value', format: formatMoneyCents, daily: (p) => (p.transactions ? p.revenue / p.transactions : null) },
  { key: 'discount', label: 'Discounts', format: formatMoney, daily: (p) => p.discount, lowerIsBetter: true },
  { key: 'uniqueCustomers', label: 'Unique customers', format: formatCount },
  { key: 'grossMargin', label: 'Gross margin', format: formatPercent, daily: (p) => (p.revenue ? (p.revenue - p.cost) / p.revenue : null) },
];

/** KPI cards: the period's figures, the change against the previous equal period, and a daily sparkline. */
export async function KpiCards({ view }: { view: DashboardView }) {
  const filters = view.filtersFor();
  const [{ kpis, previous }, trend] = await Promise.all([
    getKpis(view.db, view.scope, filters),
    getTrend(view.db, view.scope, filters, 'day'),
  ]);
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-7">
      {CARDS.map((card) => {
        const change = relativeChange(kpis[card.key], previous[card.key]);
        const good = change !== null && (card.lowerIsBetter ? change <= 0 : change >= 0);
        return (
          <div key={card.key} data-testid={`kpi-${card.key}`} className="rounded-xl border border-slate-200 bg-white p-3 shadow-sm dark:border-slate-800 dark:bg-slate-900">
            <p className="text-xs font-medium text-slate-500 dark:text-slate-400">{card.label}</p>
            <p className="mt-1 text-lg font-semibold tabular-nums" data-testid="kpi-value">{card.format(kpis[card.key])}</p>
            <p className={`text-xs tabular-nums ${change === null ? 'text-slate-400' : good ? 'text-emerald-600' : 'text-red-600'}`}>
              {change === null ? 'no prior data' : `${change >= 0 ? '▲' : '▼'} ${formatPercent(Math.abs(change))} vs previous period`}
            </p>
            {card.daily && (
              <Sparkline values={trend.points.map(card.daily)} label={`${card.label}, daily`} width={140} height={28} className="mt-1 w-full text-brand-500" />
            )}
          </div>
        );
      })}
    </div>
  );
}
