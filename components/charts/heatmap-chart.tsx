'use client';
// A matrix: weekday × hour of sales (click a cell to filter), or retention cohorts with % on each cell.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
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
  /** Write values on the cells (cohorts) where the cells are wide enough for them. Default false. */
  showValues?: boolean;
  /** Heading of the table's first column, e.g. "Weekday" or "Cohort". Default "Row". */
  rowTitle?: string;
  /** Cross-filter by the clicked cell's key (from cellKeys). */
  clickAction?: ChartClickAction;
  /** Default 320. */
  height?: number;
}

// Written values need about this many pixels per column to stay apart; on narrower cells (a phone)
// they overlap into noise, so they are left to the hover and the "View data" table.
const MIN_LABELLED_COLUMN = 44;
// What the columns do not get: the card's padding, the row labels and the colour bar.
const NON_CELL_WIDTH = 200;

/** The width of the element, followed as the page reflows; null until measured. */
function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry.contentRect.width));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

export function HeatmapChart({ title, description, xLabels, yLabels, z, cellKeys, cellDetails, valueFormat = 'money', showValues = false, rowTitle = 'Row', clickAction, height = 320 }: HeatmapChartProps) {
  const { selectedKeys, onPointClick, tableAction } = useChartClickAction(clickAction);
  const [box, width] = useWidth();
  const valuesFit = width !== null && (width - NON_CELL_WIDTH) / Math.max(1, xLabels.length) >= MIN_LABELLED_COLUMN;
  const labelled = showValues && valuesFit;
  const matrix = useMemo(() => ({ xLabels, yLabels, z, cellKeys, cellDetails }), [xLabels, yLabels, z, cellKeys, cellDetails]);
  const figure = useCallback((theme: ChartTheme) => buildHeatmapFigure(matrix, { valueFormat, showValues: labelled, selectedKeys }, theme), [matrix, valueFormat, labelled, selectedKeys]);
  const table = useCallback(() => heatmapTable(matrix, { valueFormat, rowTitle }), [matrix, valueFormat, rowTitle]);
  const isEmpty = z.every((row) => row.every((v) => !v));
  return (
    <div ref={box} className="min-w-0">
      <ChartFrame title={title} description={description} height={height} figure={figure} table={table} isEmpty={isEmpty} onPointClick={onPointClick} tableAction={tableAction} />
    </div>
  );
}
