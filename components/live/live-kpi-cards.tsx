// The live monitor's cards: today so far in the caller's regions, each against yesterday up to the same minute.
import type { Database } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import { relativeChange } from '@/lib/analytics/period-change';
import type { Kpis } from '@/lib/analytics/kpi-math';
import { formatCount, formatMoney, formatMoneyCents, formatOrDash } from '@/lib/format';
import { ChangeIndicator } from '@/components/ui/change-indicator';
import { getLiveSnapshot } from '@/lib/queries/get-live-snapshot';

const CARDS: { key: keyof Kpis; label: string; format: (n: number) => string }[] = [
  { key: 'transactions', label: 'Transactions today', format: formatCount },
  { key: 'revenue', label: 'Revenue today', format: formatMoney },
  { key: 'avgOrderValue', label: 'Avg order value', format: formatMoneyCents },
  { key: 'uniqueCustomers', label: 'Unique customers', format: formatCount },
];

export async function LiveKpiCards({ db, scope, at, timeZone }: { db: Database; scope: Scope; at: Date; timeZone: string }) {
  const { today, yesterday, until } = await getLiveSnapshot(db, scope, { at, timeZone });
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      {CARDS.map((card) => {
        const change = relativeChange(today[card.key], yesterday[card.key]);
        return (
          <div key={card.key} data-testid={`live-kpi-${card.key}`} data-value={today[card.key]}
            className="rounded-xl border border-slate-200 bg-white p-3 shadow-sm dark:border-slate-800 dark:bg-slate-900">
            <p className="text-xs font-medium text-slate-500 dark:text-slate-400">{card.label}</p>
            <p className="mt-1 text-2xl font-semibold tabular-nums" data-testid="live-kpi-value">{formatOrDash(card.format)(today[card.key])}</p>
            <p className="text-xs tabular-nums text-slate-600 dark:text-slate-300">
              {formatOrDash(card.format)(yesterday[card.key])} yesterday by {until}
              {change !== null && (
                <span className="ml-1">
                  <ChangeIndicator change={change} />
                </span>
              )}
            </p>
          </div>
        );
      })}
    </div>
  );
}
