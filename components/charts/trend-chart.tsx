'use client';
// Revenue over time with its moving average, the previous period (dashed) and flagged anomalies.
import { useCallback, useMemo } from 'react';
import { ChartFrame } from './chart-frame';
import { buildTrendFigure, trendTable, type TrendPoint } from './figures/trend-figure';
import type { ValueFormat } from './figures/value-format';
import type { ChartTheme } from './theme';

export interface TrendChartProps {
  title: string;
  description?: string;
  points: TrendPoint[];
  /** Default 'money'. */
  valueFormat?: ValueFormat;
  /** True when x values are days (YYYY-MM-DD): a date axis; false for labels such as "2026-W14". Default true. */
  dateAxis?: boolean;
  /** Legend names. Defaults: "Revenue", "7-day average", "Previous period". */
  seriesName?: string;
  movingAverageName?: string;
  previousName?: string;
  /** Default "Date". */
  xTitle?: string;
  /** Default 320. */
  height?: number;
}

export function TrendChart({
  title,
  description,
  points,
  valueFormat = 'money',
  dateAxis = true,
  seriesName = 'Revenue',
  movingAverageName = '7-day average',
  previousName = 'Previous period',
  xTitle = 'Date',
  height = 320,
}: TrendChartProps) {
  const options = useMemo(() => ({ valueFormat, dateAxis, seriesName, movingAverageName, previousName }), [valueFormat, dateAxis, seriesName, movingAverageName, previousName]);
  const figure = useCallback((theme: ChartTheme) => buildTrendFigure(points, options, theme), [points, options]);
  const table = useCallback(() => trendTable(points, { ...options, xTitle }), [points, options, xTitle]);
  return <ChartFrame title={title} description={description} height={height} figure={figure} table={table} isEmpty={points.length === 0} />;
}
