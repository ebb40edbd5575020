// Day / week / month switch of a trend: links that rewrite `grain` in the URL state, so it is shareable.
import Link from 'next/link';
import { GRAINS } from '@/lib/calendar/periods';
import { serializeDashboardState, type DashboardState } from '@/lib/filters/dashboard-state';

export const GRAIN_LABELS = { day: 'Day', week: 'Week', month: 'Month' } as const;

export function TimeGrainNav({ state, pathname }: { state: DashboardState; pathname: string }) {
  return (
    <nav aria-label="Time grain" className="flex justify-end gap-1 text-xs">
      {GRAINS.map((grain) => {
        const query = serializeDashboardState({ ...state, grain });
        return (
          <Link key={grain} href={query ? `${pathname}?${query}` : pathname} scroll={false}
            aria-current={state.grain === grain ? 'true' : undefined}
            className={`rounded-md px-2 py-1 ${state.grain === grain ? 'bg-brand-600 text-white' : 'bg-white text-slate-600 ring-1 ring-slate-200 dark:bg-slate-900 dark:text-slate-300 dark:ring-slate-700'}`}>
            {GRAIN_LABELS[grain]}
          </Link>
        );
      })}
    </nav>
  );
}
