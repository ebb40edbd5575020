'use client';
// The category → subcategory → product treemap. Clicking a tile drills (the page reads `drill` from
// the URL and sends the next level) or cross-filters, as the page chooses.
import { useCallback } from 'react';
import { ChartFrame } from './chart-frame';
import { buildTreemapFigure, treemapTable, type TreemapNode } from './figures/treemap-figure';
import type { ChartClickAction } from './figures/url-selection';
import type { ValueFormat } from './figures/value-format';
import type { ChartTheme } from './theme';
import { useChartClickAction } from './use-chart-click-action';

export interface TreemapChartProps {
  title: string;
  description?: string;
  nodes: TreemapNode[];
  /** Default 'money'. */
  valueFormat?: ValueFormat;
  /** Table headings. Defaults "Name" and "Revenue". */
  labelTitle?: string;
  valueTitle?: string;
  /** Usually { kind: 'drill' }; tiles without a key fall back to Plotly's own zoom. */
  clickAction?: ChartClickAction;
  /** Default 420. */
  height?: number;
}

export function TreemapChart({ title, description, nodes, valueFormat = 'money', labelTitle = 'Name', valueTitle = 'Revenue', clickAction, height = 420 }: TreemapChartProps) {
  const { selectedKeys, onPointClick, tableAction } = useChartClickAction(clickAction);
  const figure = useCallback((theme: ChartTheme) => buildTreemapFigure(nodes, { valueFormat, selectedKeys }, theme), [nodes, valueFormat, selectedKeys]);
  const table = useCallback(() => treemapTable(nodes, { valueFormat, labelTitle, valueTitle }), [nodes, valueFormat, labelTitle, valueTitle]);
  const isEmpty = !nodes.some((n) => n.value > 0);
  return <ChartFrame title={title} description={description} height={height} figure={figure} table={table} isEmpty={isEmpty} onPointClick={onPointClick} tableAction={tableAction} />;
}
