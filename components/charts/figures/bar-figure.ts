// Ranked bars: revenue by category, top stores by region, region comparison, sales by hour.
import type { Data } from 'plotly.js';
import { groupColors, orderGroups, type ChartTheme } from '../theme';
import { selectionOpacity, selectionOutlineWidth } from './highlight';
import { hoverValue, tickFormat, type ValueFormat } from './value-format';
import type { ChartFigure } from './types';
import type { DataTableSpec } from './data-table';

export interface BarRow {
  /** Stable id reported on click and matched against the selection (a store code, a category name…). */
  key: string;
  label: string;
  value: number;
  /** Colours the bar and names its legend entry, e.g. the store's region. */
  group?: string;
}

export interface BarFigureOptions {
  orientation: 'horizontal' | 'vertical';
  valueFormat: ValueFormat;
  selectedKeys: readonly string[];
  /** Keep the given order (e.g. hours 0–23) instead of ranking by value, largest first. */
  keepOrder?: boolean;
  valueAxisTitle?: string;
  categoryAxisTitle?: string;
}

export function rankRows(rows: readonly BarRow[], keepOrder = false): BarRow[] {
  return keepOrder ? [...rows] : [...rows].sort((a, b) => b.value - a.value);
}

export function buildBarFigure(rows: readonly BarRow[], options: BarFigureOptions, theme: ChartTheme): ChartFigure {
  const ranked = rankRows(rows, options.keepOrder);
  const horizontal = options.orientation === 'horizontal';
  const grouped = ranked.some((r) => r.group !== undefined);
  const groups = grouped ? orderGroups(ranked.map((r) => r.group ?? 'Other')) : [''];
  const colors = groupColors(groups, theme);

  // One trace per group so the legend names the groups; the category axis keeps the overall rank.
  const data: Data[] = groups.map((group) => {
    const members = grouped ? ranked.filter((r) => (r.group ?? 'Other') === group) : ranked;
    const keys = members.map((r) => r.key);
    const values = members.map((r) => r.value);
    const value = hoverValue(horizontal ? 'x' : 'y', options.valueFormat);
    return {
      type: 'bar',
      name: group,
      showlegend: grouped,
      orientation: horizontal ? 'h' : 'v',
      x: horizontal ? values : keys,
      y: horizontal ? keys : values,
      customdata: keys,
      text: members.map((r) => r.label),
      hovertemplate: `%{text}<br>${value}${grouped ? `<br>${group}` : ''}<extra></extra>`,
      textposition: 'none',
      marker: {
        color: grouped ? colors.get(group) : theme.primary,
        opacity: selectionOpacity(keys, options.selectedKeys, theme),
        line: { color: theme.selectionOutline, width: selectionOutlineWidth(keys, options.selectedKeys) },
      },
    };
  });

  // Categories are keys (labels need not be unique); the tick text shows the labels.
  const categoryAxis = {
    type: 'category' as const,
    categoryorder: 'array' as const,
    categoryarray: ranked.map((r) => r.key),
    tickvals: ranked.map((r) => r.key),
    ticktext: ranked.map((r) => r.label),
    showgrid: false,
    title: { text: options.categoryAxisTitle ?? '' },
    // Largest first reads top-down on a horizontal ranking.
    autorange: horizontal ? ('reversed' as const) : true,
  };
  const valueAxis = { tickformat: tickFormat(options.valueFormat), title: { text: options.valueAxisTitle ?? '' }, rangemode: 'tozero' as const };

  return {
    data,
    layout: {
      barmode: 'overlay',
      bargap: 0.25,
      showlegend: grouped,
      xaxis: horizontal ? valueAxis : categoryAxis,
      yaxis: horizontal ? categoryAxis : valueAxis,
    },
  };
}

export function barTable(rows: readonly BarRow[], options: { valueFormat: ValueFormat; keepOrder?: boolean; labelTitle: string; valueTitle: string; groupTitle?: string }): DataTableSpec {
  const grouped = rows.some((r) => r.group !== undefined);
  const ranked = rankRows(rows, options.keepOrder);
  return {
    columns: [
      { key: 'label', label: options.labelTitle, format: 'text' },
      ...(grouped ? [{ key: 'group', label: options.groupTitle ?? 'Group', format: 'text' as const }] : []),
      { key: 'value', label: options.valueTitle, format: options.valueFormat },
    ],
    rows: ranked.map((r) => ({ label: r.label, group: r.group ?? null, value: r.value })),
    actions: ranked.map((r) => ({ label: r.key })),
  };
}
