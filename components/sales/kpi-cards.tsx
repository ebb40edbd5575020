import type { DashboardView } from '@/components/dashboards/load-view';
import { relativeChange } from '@/lib/analytics/period-change';
import { formatCount, formatDecimal, formatMoney, formatMoneyCents, formatOrDash, formatPercent } from '@/lib/format';
import { ChangeIndicator } from '@/components/ui/change-indicator';
import { getKpis, type Kpis } from '@/lib/queries/get-kpis';
import { getTrend, type TrendPoint } from '@/lib/queries/get-trend';
import { Sparkline } from '@/components/charts/sparkline';

const CARDS: { key: keyof Kpis; label: string; format: (n: number) => string; daily?: (p: TrendPoint) => number | null; lowerIsBetter?: boolean }[] = [
  { key: 'revenue', label: 'Revenue', format: formatMoney, daily: (p) => p.revenue },
  { key: 'transactions', label: 'Transactions', format: formatCount, daily: (p) => p.transactions },
  { key: 'units', label: 'Units', format: formatCount, daily: (p) => p.units },
  { key: 'avgOrderValue', label: 'Avg order value', format: formatMoneyCents, daily: (p) => (p.transactions ? p.revenue / p.transactions : null) },
  { key: 'unitsPerTransaction', label: 'Units per transaction', format: formatDecimal, daily: (p) => (p.transactions ? p.units / p.transactions : null) },
  { key: 'discount', label: 'Discounts', format: formatMoney, daily: (p) => p.discount, lowerIsBetter: true },
  { key: 'uniqueCustomers', label: 'Unique customers', format: formatCount },
  { key: 'grossMargin', label: 'Gross margin', format: formatPercent, daily: (p) => (p.revenue ? (p.revenue - p.cost) / p.revenue : null) },
  { key: 'marginAmount', label: 'Gross margin $', format: formatMoney, daily: (p) => p.revenue - p.cost },
];

/**
 * KPI cards: the period's figures, the change against the previous equal period, and a daily sparkline.
 * A period without a sale shows dashes: "$0 ▼100%" would read as a collapse where there is only no data.
 */
export async function KpiCards({ view }: { view: DashboardView }) {
  const filters = view.filtersFor();
  const [{ kpis, previous }, trend] = await Promise.all([
    getKpis(view.db, view.scope, filters),
    getTrend(view.db, view.scope, filters, 'day'),
  ]);
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5 2xl:grid-cols-9">
      {CARDS.map((card) => {
        const empty = kpis.transactions === 0;
        const value = empty ? null : kpis[card.key];
        const change = empty ? null : relativeChange(kpis[card.key], previous[card.key]);
        return (
          <div key={card.key} data-testid={`kpi-${card.key}`} className="rounded-xl border border-slate-200 bg-white p-3 shadow-sm dark:border-slate-800 dark:bg-slate-900">
            <p className="text-xs font-medium text-slate-600 dark:text-slate-300">{card.label}</p>
            <p className="mt-1 text-lg font-semibold tabular-nums" data-testid="kpi-value">{formatOrDash(card.format)(value)}</p>
            <p className="text-xs tabular-nums text-slate-600 dark:text-slate-300">
              {empty ? 'no sales in this period' : change === null ? 'no prior data' : <ChangeIndicator change={change} lowerIsBetter={card.lowerIsBetter} suffix="vs previous period" />}
            </p>
            {card.daily && !empty && (
              <Sparkline values={trend.points.map(card.daily)} label={`${card.label}, daily`} width={140} height={28} className="mt-1 w-full text-brand-500" />
            )}
          </div>
        );
      })}
    </div>
  );
}
