'use client';
// Ranked bars: revenue by category, the top stores coloured by region, regions side by side, sales by hour.
import { useCallback } from 'react';
import { ChartFrame } from './chart-frame';
import { barTable, buildBarFigure, type BarRow } from './figures/bar-figure';
import type { ChartClickAction } from './figures/url-selection';
import type { ValueFormat } from './figures/value-format';
import type { ChartTheme } from './theme';
import { useChartClickAction } from './use-chart-click-action';

export interface BarChartProps {
  title: string;
  description?: string;
  rows: BarRow[];
  /** Default 'horizontal' (a ranking, largest on top). */
  orientation?: 'horizontal' | 'vertical';
  /** Default 'money'. */
  valueFormat?: ValueFormat;
  /** Keep the rows' order (hours 0–23) instead of ranking by value. */
  keepOrder?: boolean;
  /** Column and axis titles, e.g. "Store" and "Revenue". */
  labelTitle?: string;
  valueTitle?: string;
  /** Names the legend and the table column when rows have groups, e.g. "Region". */
  groupTitle?: string;
  /** What a click does: cross-filter the dashboard by the bar's key, or drill into it. */
  clickAction?: ChartClickAction;
  /** Default 320. */
  height?: number;
}

export function BarChart({ title, description, rows, orientation = 'horizontal', valueFormat = 'money', keepOrder, labelTitle = 'Name', valueTitle = 'Value', groupTitle, clickAction, height = 320 }: BarChartProps) {
  const { selectedKeys, onPointClick, tableAction } = useChartClickAction(clickAction);
  const figure = useCallback(
    (theme: ChartTheme) => buildBarFigure(rows, { orientation, valueFormat, keepOrder, selectedKeys, valueAxisTitle: valueTitle }, theme),
    [rows, orientation, valueFormat, keepOrder, selectedKeys, valueTitle],
  );
  const table = useCallback(() => barTable(rows, { valueFormat, keepOrder, labelTitle, valueTitle, groupTitle }), [rows, valueFormat, keepOrder, labelTitle, valueTitle, groupTitle]);
  return <ChartFrame title={title} description={description} height={height} figure={figure} table={table} isEmpty={rows.length === 0} onPointClick={onPointClick} tableAction={tableAction} />;
}
