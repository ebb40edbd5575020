// The date range of URL state: explicit days, a preset, or the default. The rest of turning URL state into
// the filters a query runs with is an intersection with the caller's Scope, made in lib/auth/scoped-filters.ts.
import { addDays, daysBetween } from '@/lib/calendar/days';
import { badRequest } from '@/lib/errors';
import { presetRange } from './date-presets';
import type { DashboardState } from './dashboard-state';

export const MAX_RANGE_DAYS = 3 * 366;
export const DEFAULT_RANGE_DAYS = 30;

/**
 * Explicit days win over a preset; a lone `from` runs to today; a lone `to` gets the default 30 days
 * before it; nothing at all means the preset (default: the last 30 days).
 */
export function resolveDateRange(state: Pick<DashboardState, 'range' | 'from' | 'to'>, today: string): { from: string; to: string } {
  const preset = presetRange(state.range ?? 'last30', today);
  const to = state.to ?? (state.from ? today : preset.to);
  const from = state.from ?? (state.to ? addDays(to, -(DEFAULT_RANGE_DAYS - 1)) : preset.from);
  if (from > to) throw badRequest(`from (${from}) must be on or before to (${to})`);
  if (daysBetween(from, to) >= MAX_RANGE_DAYS) throw badRequest(`the date range may span at most ${MAX_RANGE_DAYS} days`);
  return { from, to };
}
