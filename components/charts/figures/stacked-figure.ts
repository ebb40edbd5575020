// Mix over time (revenue by customer segment per week): one series per segment, stacked as areas or bars.
import type { Data } from 'plotly.js';
import { groupColors, type ChartTheme } from '../theme';
import { hoverValue, tickFormat, type ValueFormat } from './value-format';
import type { ChartFigure } from './types';
import type { DataTableSpec } from './data-table';

export interface StackedSeries {
  /** Legend name and the key reported on click (e.g. a segment name). */
  name: string;
  /** One value per x, in the same order. */
  values: number[];
}

export interface StackedFigureOptions {
  kind: 'area' | 'bar';
  valueFormat: ValueFormat;
  /** Show each series as a share of its period's total (100% stacked). */
  asShare: boolean;
  selectedKeys: readonly string[];
}

/** Each value as a fraction of its column's total across series; 0 where the column is empty. */
export function toShares(series: readonly StackedSeries[]): StackedSeries[] {
  const width = Math.max(0, ...series.map((s) => s.values.length));
  const totals = Array.from({ length: width }, (_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  return series.map((s) => ({ name: s.name, values: s.values.map((v, i) => (totals[i] ? v / totals[i] : 0)) }));
}

export function buildStackedFigure(x: readonly string[], series: readonly StackedSeries[], options: StackedFigureOptions, theme: ChartTheme): ChartFigure {
  const shown = options.asShare ? toShares(series) : series;
  const format: ValueFormat = options.asShare ? 'percent' : options.valueFormat;
  const colors = groupColors(shown.map((s) => s.name), theme);
  const selected = new Set(options.selectedKeys);
  const dimmed = (name: string) => selected.size > 0 && !selected.has(name);
  const value = hoverValue('y', format);

  const data: Data[] = shown.map((s) => {
    const common = {
      name: s.name,
      x: [...x],
      y: s.values,
      customdata: x.map(() => s.name),
      hovertemplate: `${s.name}: ${value}<extra></extra>`,
      opacity: dimmed(s.name) ? theme.dimmedOpacity : 1,
    };
    return options.kind === 'bar'
      ? { ...common, type: 'bar', marker: { color: colors.get(s.name) } }
      : { ...common, type: 'scatter', mode: 'lines', stackgroup: 'mix', line: { color: colors.get(s.name), width: 1 } };
  });

  return {
    data,
    layout: {
      barmode: 'stack',
      bargap: 0.2,
      // Closest, not unified: a click must land on one segment to cross-filter by it.
      hovermode: 'closest',
      showlegend: true,
      xaxis: { type: 'category', showgrid: false },
      yaxis: { tickformat: tickFormat(format), rangemode: 'tozero', range: options.asShare ? [0, 1] : undefined },
    },
  };
}

export function stackedTable(x: readonly string[], series: readonly StackedSeries[], options: { valueFormat: ValueFormat; xTitle: string }): DataTableSpec {
  return {
    columns: [{ key: 'x', label: options.xTitle, format: 'text' }, ...series.map((s, i) => ({ key: `s${i}`, label: s.name, format: options.valueFormat }))],
    rows: x.map((label, i) => Object.fromEntries([['x', label], ...series.map((s, j) => [`s${j}`, s.values[i] ?? null])])),
    // a chart click reports the series (the segment), whichever period it lands on: so does each cell
    actions: x.map(() => Object.fromEntries(series.map((s, j) => [`s${j}`, s.name]))),
  };
}
