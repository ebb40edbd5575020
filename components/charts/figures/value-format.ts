// How a chart's numbers read: the same formats as the KPI cards (lib/format) for tables, and the
// matching d3-format strings for Plotly's ticks and hover labels.
import { formatCount, formatMoney, formatPercent } from '@/lib/format';

/** money: whole dollars; count: integers; percent: a fraction shown as %; number: up to 2 decimals. */
export type ValueFormat = 'money' | 'count' | 'percent' | 'number';

const TEXT: Record<ValueFormat, (n: number) => string> = {
  money: formatMoney,
  count: formatCount,
  percent: formatPercent,
  number: (n) => n.toLocaleString('en-US', { maximumFractionDigits: 2 }),
};

const D3: Record<ValueFormat, { hover: string; tick: string }> = {
  money: { hover: '$,.0f', tick: '$~s' },
  count: { hover: ',.0f', tick: '~s' },
  percent: { hover: '.1%', tick: '.0%' },
  number: { hover: ',.2~f', tick: '~s' },
};

export function formatValue(value: number | null | undefined, format: ValueFormat): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : TEXT[format](value);
}

/** A Plotly hovertemplate fragment such as `%{y:$,.0f}` for the given axis variable. */
export function hoverValue(variable: string, format: ValueFormat): string {
  return `%{${variable}:${D3[format].hover}}`;
}

export function tickFormat(format: ValueFormat): string {
  return D3[format].tick;
}
