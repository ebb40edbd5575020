'use client';
// A matrix: weekday × hour of sales (click a cell to filter), or retention cohorts with % on each cell.
import { useCallback, useMemo } from 'react';
import { ChartFrame } from './chart-frame';
import { buildHeatmapFigure, heatmapTable, type HeatmapMatrix } from './figures/heatmap-figure';
import type { ChartClickAction } from './figures/url-selection';
import type { ValueFormat } from './figures/value-format';
import type { ChartTheme } from './theme';
import { useChartClickAction } from './use-chart-click-action';

export interface HeatmapChartProps extends HeatmapMatrix {
  title: string;
  description?: string;
  /** Default 'money'; 'percent' for retention (z as fractions). */
  valueFormat?: ValueFormat;
  /** Write values on the cells (cohorts). Default false. */
  showValues?: boolean;
  /** Heading of the table's first column, e.g. "Weekday" or "Cohort". Default "Row". */
  rowTitle?: string;
  /** Cross-filter by the clicked cell's key (from cellKeys). */
  clickAction?: ChartClickAction;
  /** Default 320. */
  height?: number;
}

export function HeatmapChart({ title, description, xLabels, yLabels, z, cellKeys, cellDetails, valueFormat = 'money', showValues = false, rowTitle = 'Row', clickAction, height = 320 }: HeatmapChartProps) {
  const { selectedKeys, onPointClick } = useChartClickAction(clickAction);
  const matrix = useMemo(() => ({ xLabels, yLabels, z, cellKeys, cellDetails }), [xLabels, yLabels, z, cellKeys, cellDetails]);
  const figure = useCallback((theme: ChartTheme) => buildHeatmapFigure(matrix, { valueFormat, showValues, selectedKeys }, theme), [matrix, valueFormat, showValues, selectedKeys]);
  const table = useMemo(() => heatmapTable(matrix, { valueFormat, rowTitle }), [matrix, valueFormat, rowTitle]);
  const isEmpty = z.every((row) => row.every((v) => !v));
  return <ChartFrame title={title} description={description} height={height} figure={figure} table={table} isEmpty={isEmpty} onPointClick={onPointClick} />;
}
