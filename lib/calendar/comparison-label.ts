// What a change is measured against, in words for a KPI card: "vs Oct 2026", "vs Q2 2026", "vs 1–7 Nov 2026",
// "vs same days 2025". Days are calendar days; no time zone is involved.
import type { Comparison, DayRange } from './comparison';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const dayOf = (day: string) => Number(day.slice(8, 10));
const monthOf = (day: string) => MONTHS[Number(day.slice(5, 7)) - 1];
const yearOf = (day: string) => day.slice(0, 4);

/** A run of days as briefly as it reads unambiguously: "7 Nov 2026", "1–7 Nov 2026", "8 Oct – 6 Nov 2026". */
export function formatDayRange({ from, to }: DayRange): string {
  const last = `${dayOf(to)} ${monthOf(to)} ${yearOf(to)}`;
  if (from === to) return last;
  if (from.slice(0, 7) === to.slice(0, 7)) return `${dayOf(from)}–${last}`;
  if (yearOf(from) === yearOf(to)) return `${dayOf(from)} ${monthOf(from)} – ${last}`;
  return `${dayOf(from)} ${monthOf(from)} ${yearOf(from)} – ${last}`;
}

/** A whole comparison period by its name where it has one (a month, a quarter, a year), else its days. */
function periodName(c: Comparison): string {
  const { from } = c.range;
  if (c.partial || c.count !== 1) return formatDayRange(c.range);
  if (c.unit === 'month') return `${monthOf(from)} ${yearOf(from)}`;
  if (c.unit === 'quarter') return `Q${Math.floor((Number(from.slice(5, 7)) - 1) / 3) + 1} ${yearOf(from)}`;
  if (c.unit === 'year') return yearOf(from);
  if (c.unit === 'week') return `week of ${formatDayRange({ from, to: from })}`;
  return formatDayRange(c.range);
}

/** "vs …": the words after a change figure. */
export function comparisonLabel(c: Comparison): string {
  if (c.compare === 'year') {
    const { from, to } = c.range;
    return yearOf(from) === yearOf(to) ? `vs same days ${yearOf(from)}` : 'vs same days a year earlier';
  }
  return `vs ${periodName(c)}`;
}
