// Month / week switch of the customer views: plain links that rewrite `grain` in the URL state, so the
// choice is shareable and works without JavaScript.
import Link from 'next/link';
import type { CohortGrain } from '@/lib/analytics/cohorts';
import { serializeDashboardState, type DashboardState } from '@/lib/filters/dashboard-state';

const OPTIONS: { grain: CohortGrain; label: string }[] = [
  { grain: 'month', label: 'Monthly' },
  { grain: 'week', label: 'Weekly' },
];

export function GrainToggle({ path, state, grain }: { path: string; state: DashboardState; grain: CohortGrain }) {
  return (
    <nav aria-label="Period" className="inline-flex rounded-lg border border-slate-300 p-0.5 text-sm dark:border-slate-700">
      {OPTIONS.map((option) => {
        const active = option.grain === grain;
        return (
          <Link
            key={option.grain}
            href={`${path}?${serializeDashboardState({ ...state, grain: option.grain, page: 1 })}`}
            aria-current={active ? 'page' : undefined}
            data-testid={`grain-${option.grain}`}
            className={`rounded-md px-3 py-1 font-medium ${
              active ? 'bg-brand-600 text-white' : 'text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800'
            }`}
          >
            {option.label}
          </Link>
        );
      })}
    </nav>
  );
}
