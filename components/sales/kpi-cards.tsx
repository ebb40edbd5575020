import type { DashboardView } from '@/components/dashboards/load-view';
import { relativeChange } from '@/lib/analytics/period-change';
import { comparePeriods } from '@/lib/calendar/comparison';
import { comparisonLabel } from '@/lib/calendar/comparison-label';
import { todayIn } from '@/lib/calendar/days';
import { env } from '@/lib/env';
import { formatCount, formatDecimal, formatMoney, formatMoneyCents, formatOrDash, formatPercent, NO_VALUE } from '@/lib/format';
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

const LIKE_FOR_LIKE_HELP =
  'Revenue growth over the stores open in both periods: a store counts when it had at least one sale in this period and in the one compared with.';

/**
 * KPI cards: the period's figures, the change against the period the viewer compares with (named on each
 * card), a daily sparkline, and revenue growth year over year and like for like. A period without a sale
 * shows dashes: "$0 ▼100%" would read as a collapse where there is only no data.
 */
export async function KpiCards({ view }: { view: DashboardView }) {
  const filters = view.filtersFor();
  const today = todayIn(env().REPORTING_TIME_ZONE);
  const compare = view.state.compare;
  const [{ kpis, previous }, trend] = await Promise.all([
    getKpis(view.db, view.scope, filters, { compare, today }),
    getTrend(view.db, view.scope, filters, 'day', { compare, today }),
  ]);
  const against = comparisonLabel(comparePeriods(filters, compare, today));
  const yearAgo = comparisonLabel(comparePeriods(filters, 'year', today));
  const empty = kpis.transactions === 0;
  // Days after today have no sales yet: drawn as zeros they would read as a collapse.
  const days = trend.points.filter((point) => point.period <= today);
  const growthCards = [
    { key: 'yearOverYear', label: 'Revenue year over year', change: kpis.yearOverYear, caption: yearAgo, help: undefined },
    { key: 'likeForLike', label: 'Like-for-like revenue', change: kpis.likeForLike, caption: `${against}, stores open in both`, help: LIKE_FOR_LIKE_HELP },
  ] as const;
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-6">
      {CARDS.map((card) => {
        const value = empty ? null : kpis[card.key];
        const change = empty ? null : relativeChange(kpis[card.key], previous[card.key]);
        return (
          <div key={card.key} data-testid={`kpi-${card.key}`} className="rounded-xl border border-slate-200 bg-white p-3 shadow-sm dark:border-slate-800 dark:bg-slate-900">
            <p className="text-xs font-medium text-slate-600 dark:text-slate-300">{card.label}</p>
            <p className="mt-1 text-lg font-semibold tabular-nums" data-testid="kpi-value">{formatOrDash(card.format)(value)}</p>
            <p className="text-xs tabular-nums text-slate-600 dark:text-slate-300" data-testid="kpi-caption">
              {empty ? 'no sales in this period' : change === null ? 'no prior data' : <ChangeIndicator change={change} lowerIsBetter={card.lowerIsBetter} suffix={against} />}
            </p>
            {card.daily && !empty && (
              <Sparkline values={days.map(card.daily)} label={`${card.label}, daily`} width={140} height={28} className="mt-1 w-full text-brand-500" />
            )}
          </div>
        );
      })}
      {growthCards.map((card) => (
        <div key={card.key} data-testid={`kpi-${card.key}`} title={card.help}
          className="rounded-xl border border-slate-200 bg-white p-3 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <p className="text-xs font-medium text-slate-600 dark:text-slate-300">
            {card.label}
            {card.help && <span className="sr-only">: {card.help}</span>}
          </p>
          <p className="mt-1 text-lg font-semibold tabular-nums" data-testid="kpi-value">
            {empty || card.change === null ? NO_VALUE : <ChangeIndicator change={card.change} />}
          </p>
          <p className="text-xs text-slate-600 dark:text-slate-300" data-testid="kpi-caption">{empty ? 'no sales in this period' : card.caption}</p>
        </div>
      ))}
    </div>
  );
}
