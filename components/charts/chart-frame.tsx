'use client';
// The one wrapper every chart is drawn in: a card with the title, a "View data" toggle and a PNG
// download; the theme, sizing and zoom-keeping layout; the empty state; and click reporting for
// cross-filtering. Plotly itself loads lazily, after the page, behind a skeleton of the chart's height.
import dynamic from 'next/dynamic';
import { useCallback, useId, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Card } from '@/components/ui/card';
import { toChartClick, type ChartClick, type PlotClickEventLike } from './figures/chart-click';
import type { DataTableSpec } from './figures/data-table';
import { buildLayout, PLOT_CONFIG } from './figures/layout';
import type { ChartFigure } from './figures/types';
import { ChartDataTable, type TableAction } from './chart-data-table';
import type { DownloadPng } from './plotly-plot';
import { chartTheme, type ChartTheme } from './theme';
import { useThemeMode } from './use-theme-mode';
import { modebarTabOrder } from './modebar-tab-order';

function PlotSkeleton() {
  return <div aria-hidden className="h-full w-full animate-pulse rounded-md bg-slate-100 dark:bg-slate-800" />;
}

const PlotlyPlot = dynamic(() => import('./plotly-plot'), { ssr: false, loading: PlotSkeleton });

// The card backgrounds of components/ui/card.tsx, for exported images.
const EXPORT_BACKGROUND = { light: '#ffffff', dark: '#0f172a' } as const;

export interface ChartFrameProps {
  title: string;
  /** One line under the title, e.g. the unit or what a click does. */
  description?: string;
  /** Height of the plot area in pixels; the skeleton and the table view use it too. */
  height: number;
  /** Builds the figure for a theme. Memoise it (useCallback): a new function redraws the plot. */
  figure: (theme: ChartTheme) => ChartFigure;
  /** Builds the same data as a table for "View data"; called only while the table is shown. */
  table: () => DataTableSpec;
  isEmpty: boolean;
  emptyMessage?: string;
  /** Keeps zoom and pan across data refreshes; defaults to the title, so it is constant per chart. */
  uirevision?: string;
  onPointClick?: (click: ChartClick) => void;
  /** What the "View data" table's buttons do: the chart's click, for the keyboard. */
  tableAction?: TableAction;
  className?: string;
}

export function ChartFrame({ title, description, height, figure, table, isEmpty, emptyMessage = 'No sales in this range.', uirevision, onPointClick, tableAction, className }: ChartFrameProps) {
  const mode = useThemeMode();
  const theme = chartTheme(mode);
  const [showTable, setShowTable] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const downloadRef = useRef<DownloadPng | null>(null);
  const bodyId = useId();

  // Plotly draws only in the browser: the server (and hydration) skip building a figure nobody draws.
  const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false);
  const built = useMemo(() => (inBrowser ? figure(theme) : null), [inBrowser, figure, theme]);
  const layout = useMemo(
    () => (built ? buildLayout(theme, built.layout, { uirevision: uirevision ?? title, height }) : null),
    [theme, built, uirevision, title, height],
  );

  // react-plotly.js binds handlers only when the figure changes, so the handlers it gets never change
  // and read the latest callback from a ref.
  const clickRef = useRef(onPointClick);
  useLayoutEffect(() => {
    clickRef.current = onPointClick;
  }, [onPointClick]);
  const handleClick = useCallback((event: PlotClickEventLike) => {
    const click = toChartClick(event);
    if (click) clickRef.current?.(click);
  }, []);
  const handleTreemapClick = useCallback((event: PlotClickEventLike) => {
    const click = toChartClick(event);
    if (!click || !clickRef.current) return undefined;
    clickRef.current(click);
    return false;
  }, []);

  async function download() {
    if (!downloadRef.current) return;
    setDownloading(true);
    try {
      await downloadRef.current(title, EXPORT_BACKGROUND[mode]);
    } finally {
      setDownloading(false);
    }
  }

  const toolbar = isEmpty ? null : (
    <div className="flex items-center gap-1" role="group" aria-label={`${title} options`}>
      <ToolbarButton onClick={() => setShowTable((v) => !v)} pressed={showTable} controls={bodyId}>
        {showTable ? 'View chart' : 'View data'}
      </ToolbarButton>
      <ToolbarButton onClick={download} disabled={showTable || downloading} label={`Download ${title} as PNG`}>
        {downloading ? 'Saving…' : 'PNG'}
      </ToolbarButton>
    </div>
  );

  return (
    // min-w-0: a tile in a grid or flex row may shrink below the plot's last drawn width, so the
    // plot can follow it down when the page narrows.
    <Card title={title} action={toolbar} className={`min-w-0 ${className ?? ''}`}>
      {description && <p className="-mt-2 mb-2 text-xs text-slate-500 dark:text-slate-400">{description}</p>}
      <div id={bodyId}>
        {isEmpty ? (
          <p className="flex items-center justify-center text-sm text-slate-500 dark:text-slate-400" style={{ height }}>
            {emptyMessage}
          </p>
        ) : showTable ? (
          <ChartDataTable caption={title} table={table()} maxHeight={height} action={tableAction} />
        ) : (
          // One tab stop per chart: its toolbar joins the tab order only while the chart is focused.
          <div
            ref={modebarTabOrder}
            tabIndex={0}
            className="overflow-hidden rounded-md focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
            style={{ height }}
            role="figure"
            aria-label={`${title} chart; View data shows it as a table`}
          >
            {built && layout ? (
              <PlotlyPlot data={built.data} layout={layout} config={PLOT_CONFIG} onClick={handleClick} onTreemapClick={handleTreemapClick} downloadRef={downloadRef} />
            ) : (
              <PlotSkeleton />
            )}
          </div>
        )}
      </div>
    </Card>
  );
}

const noSubscription = () => () => {};

function ToolbarButton({ children, onClick, pressed, controls, disabled, label }: { children: React.ReactNode; onClick: () => void; pressed?: boolean; controls?: string; disabled?: boolean; label?: string }) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-pressed={pressed}
      aria-controls={controls}
      aria-label={label}
      disabled={disabled}
      className="rounded-md px-2 py-1 text-xs font-medium text-slate-600 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 disabled:opacity-50 dark:text-slate-300 dark:hover:bg-slate-800"
    >
      {children}
    </button>
  );
}
