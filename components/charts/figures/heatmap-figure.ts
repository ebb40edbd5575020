// Matrices: weekday × hour sales, and retention cohorts (cohort rows × period columns of fractions).
import type { Datum, Shape } from 'plotly.js';
import type { ChartTheme } from '../theme';
import { formatValue, hoverValue, type ValueFormat } from './value-format';
import type { ChartFigure } from './types';
import type { DataTableSpec } from './data-table';

export interface HeatmapMatrix {
  xLabels: string[];
  /** Rows top to bottom (Monday first, the oldest cohort first). */
  yLabels: string[];
  /** z[row][column]; null for a cell with no data (a cohort too young for that period). */
  z: (number | null)[][];
  /** Key reported when a cell is clicked (e.g. "3" for an hour), or null for cells that do not filter. */
  cellKeys?: (string | null)[][];
  /** An extra hover line per cell, e.g. "Cohort of 120 · 54 retained". */
  cellDetails?: string[][];
}

export interface HeatmapFigureOptions {
  valueFormat: ValueFormat;
  /** Write each cell's value on it (cohort percentages); off for dense matrices such as 7 × 24. */
  showValues: boolean;
  selectedKeys: readonly string[];
}

/** The text drawn on each cell: the formatted value, blank where there is no data. */
export function cellTexts(z: (number | null)[][], format: ValueFormat): string[][] {
  return z.map((row) => row.map((v) => (v === null ? '' : formatValue(v, format))));
}

/** Outlines around the selected cells (a heatmap cannot dim single cells). */
export function selectedCellShapes(cellKeys: (string | null)[][] | undefined, selectedKeys: readonly string[], theme: ChartTheme): Partial<Shape>[] {
  if (!cellKeys || selectedKeys.length === 0) return [];
  const selected = new Set(selectedKeys);
  const shapes: Partial<Shape>[] = [];
  cellKeys.forEach((row, y) =>
    row.forEach((key, x) => {
      if (key === null || !selected.has(key)) return;
      shapes.push({
        type: 'rect',
        xref: 'x',
        yref: 'y',
        x0: x - 0.5,
        x1: x + 0.5,
        y0: y - 0.5,
        y1: y + 0.5,
        line: { color: theme.selectionOutline, width: 2 },
        fillcolor: 'rgba(0,0,0,0)',
      });
    }),
  );
  return shapes;
}

export function buildHeatmapFigure(matrix: HeatmapMatrix, options: HeatmapFigureOptions, theme: ChartTheme): ChartFigure {
  // Key first (for clicks), detail second (for hover): see toChartClick.
  const customdata = matrix.z.map((row, y) => row.map((_, x) => [matrix.cellKeys?.[y]?.[x] ?? null, matrix.cellDetails?.[y]?.[x] ?? '']));
  const detail = matrix.cellDetails ? '<br>%{customdata[1]}' : '';
  return {
    data: [
      {
        type: 'heatmap',
        x: matrix.xLabels,
        y: matrix.yLabels,
        z: matrix.z,
        // Plotly accepts a tuple per cell (read back as %{customdata[1]}); its types only allow scalars.
        customdata: customdata as unknown as Datum[][],
        text: cellTexts(matrix.z, options.valueFormat),
        texttemplate: options.showValues ? '%{text}' : '',
        textfont: { size: theme.fontSize - 1 },
        hovertemplate: `%{y} · %{x}<br>${hoverValue('z', options.valueFormat)}${detail}<extra></extra>`,
        hoverongaps: false,
        colorscale: theme.sequentialScale,
        // Sales and retention start at zero: a pale cell means "little", not "the least of this range".
        zmin: Math.min(0, ...matrix.z.flat().filter((v): v is number => v !== null)),
        zmax: options.valueFormat === 'percent' ? 1 : undefined,
        xgap: 2,
        ygap: 2,
        colorbar: {
          outlinewidth: 0,
          thickness: 10,
          tickformat: options.valueFormat === 'percent' ? '.0%' : '~s',
          tickfont: { color: theme.mutedText, size: theme.fontSize - 1 },
        },
      },
    ],
    layout: {
      xaxis: { type: 'category', showgrid: false, zeroline: false, side: 'top' },
      yaxis: { type: 'category', showgrid: false, zeroline: false, autorange: 'reversed' },
      shapes: selectedCellShapes(matrix.cellKeys, options.selectedKeys, theme),
    },
  };
}

/** One row per matrix row, one column per x label (plus the detail text when there is one). */
export function heatmapTable(matrix: HeatmapMatrix, options: { valueFormat: ValueFormat; rowTitle: string }): DataTableSpec {
  return {
    columns: [{ key: 'row', label: options.rowTitle, format: 'text' }, ...matrix.xLabels.map((label, x) => ({ key: `c${x}`, label, format: options.valueFormat }))],
    rows: matrix.yLabels.map((label, y) => Object.fromEntries([['row', label], ...matrix.xLabels.map((_, x) => [`c${x}`, matrix.z[y]?.[x] ?? null])])),
    ...(matrix.cellKeys && {
      actions: matrix.yLabels.map((_, y) =>
        Object.fromEntries(matrix.xLabels.flatMap((_, x) => {
          const key = matrix.cellKeys?.[y]?.[x];
          return key === null || key === undefined ? [] : [[`c${x}`, key]];
        })),
      ),
    }),
  };
}
