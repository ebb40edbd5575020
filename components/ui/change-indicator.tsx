// A period-over-period change: ▲ or ▼ with the percentage, coloured by whether the move is good for the
// figure; a change that shows as 0.0% is neutral (no arrow, no colour). Colours keep 4.5:1 contrast.
import { changeDirection } from '@/lib/analytics/period-change';
import { formatPercent } from '@/lib/format';

export const CHANGE_TONES = {
  good: 'text-emerald-700 dark:text-emerald-400',
  bad: 'text-red-700 dark:text-red-400',
  flat: 'text-slate-600 dark:text-slate-300',
};

export function ChangeIndicator({ change, lowerIsBetter = false, suffix }: { change: number; lowerIsBetter?: boolean; suffix?: string }) {
  const direction = changeDirection(change);
  const tone = direction === 'flat' ? 'flat' : (direction === 'up') !== lowerIsBetter ? 'good' : 'bad';
  const arrow = direction === 'up' ? '▲ ' : direction === 'down' ? '▼ ' : '';
  return (
    <span className={CHANGE_TONES[tone]} data-direction={direction}>
      {arrow}
      {formatPercent(Math.abs(change))}
      {suffix ? ` ${suffix}` : ''}
    </span>
  );
}
