'use client';
// Mix over time, e.g. revenue by customer segment per week: stacked areas or bars, optionally as shares.
import { useCallback } from 'react';
import { ChartFrame } from './chart-frame';
import { buildStackedFigure, stackedTable, type StackedSeries } from './figures/stacked-figure';
import type { ChartClickAction } from './figures/url-selection';
import type { ValueFormat } from './figures/value-format';
import type { ChartTheme } from './theme';
import { useChartClickAction } from './use-chart-click-action';

export interface StackedChartProps {
  title: string;
  description?: string;
  /** Period labels, in order. */
  x: string[];
  series: StackedSeries[];
  /** Default 'bar'. */
  kind?: 'area' | 'bar';
  /** Default 'money'. */
  valueFormat?: ValueFormat;
  /** Show each series as its share of the period (100% stacked). Default false. */
  asShare?: boolean;
  /** Default "Period". */
  xTitle?: string;
  /** Cross-filter by the clicked series' name (e.g. { kind: 'cross-filter', dimension: 'segment' }). */
  clickAction?: ChartClickAction;
  /** Default 320. */
  height?: number;
}

export function StackedChart({ title, description, x, series, kind = 'bar', valueFormat = 'money', asShare = false, xTitle = 'Period', clickAction, height = 320 }: StackedChartProps) {
  const { selectedKeys, onPointClick, tableAction } = useChartClickAction(clickAction);
  const figure = useCallback((theme: ChartTheme) => buildStackedFigure(x, series, { kind, valueFormat, asShare, selectedKeys }, theme), [x, series, kind, valueFormat, asShare, selectedKeys]);
  const table = useCallback(() => stackedTable(x, series, { valueFormat, xTitle }), [x, series, valueFormat, xTitle]);
  const isEmpty = x.length === 0 || series.every((s) => s.values.every((v) => v === 0));
  return <ChartFrame title={title} description={description} height={height} figure={figure} table={table} isEmpty={isEmpty} onPointClick={onPointClick} tableAction={tableAction} />;
}
