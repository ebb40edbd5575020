'use client';
// The Plotly side of a chart, bound to our partial bundle. Loaded only through next/dynamic({ ssr: false })
// in chart-frame.tsx, so Plotly is fetched after the page is interactive and never runs on the server.
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Config, Data, Layout } from 'plotly.js';
import createPlotlyComponent from 'react-plotly.js/factory';
import type { PlotClickEventLike } from './figures/chart-click';
import { fileNameOf } from './figures/file-name';
import Plotly from './plotly-bundle';
import { queueDraw } from './draw-turns';

const Plot = createPlotlyComponent(Plotly);
const TITLE_SPACE = 36;
/** How far below (or above) the screen a chart starts drawing, so a scroll usually finds it drawn. */
const NEAR_SCREEN_PX = 300;

/** Saves the chart as a PNG titled and named after the chart, on the given opaque background. */
export type DownloadPng = (title: string, background: string) => Promise<void>;

export interface PlotlyPlotProps {
  data: Data[];
  layout: Partial<Layout>;
  config: Partial<Config>;
  /** Must keep its identity: react-plotly.js re-binds event handlers only when the figure changes. */
  onClick: (event: PlotClickEventLike) => void;
  /** Return false to stop Plotly's own treemap zoom (drilling happens through the URL instead). */
  onTreemapClick: (event: PlotClickEventLike) => boolean | undefined;
  downloadRef: RefObject<DownloadPng | null>;
}

// On screen the card shows the title and the background; a saved image needs both, or it loses its
// name and dark-mode text vanishes on a white viewer. Scale 2 keeps the layout at print sharpness.
async function downloadPng(gd: HTMLElement, figure: { data: Data[]; layout: Partial<Layout> }, title: string, background: string) {
  const width = gd.clientWidth;
  const height = gd.clientHeight + TITLE_SPACE;
  // The title is pinned to the image's top edge and the legend, which sits above the plot, under it.
  const titled = { text: title, font: { size: 14 }, x: 0.01, xanchor: 'left', yref: 'container', y: 1, yanchor: 'top', pad: { t: 10 } } as const;
  const legend = { ...figure.layout.legend, yref: 'container', y: 1 - TITLE_SPACE / height, yanchor: 'top' } as const;
  const margin = { ...figure.layout.margin, t: (figure.layout.margin?.t ?? 0) + TITLE_SPACE };
  const layout: Partial<Layout> = { ...figure.layout, width, height, margin, legend, paper_bgcolor: background, title: titled };
  const url = await Plotly.toImage({ data: figure.data, layout }, { format: 'png', width, height, scale: 2 });
  const link = document.createElement('a');
  link.href = url;
  link.download = `${fileNameOf(title)}.png`;
  link.click();
}

export default function PlotlyPlot({ data, layout, config, onClick, onTreemapClick, downloadRef }: PlotlyPlotProps) {
  const box = useRef<HTMLDivElement>(null);
  const graph = useRef<HTMLElement | null>(null);
  const [drawing, setDrawing] = useState(false);
  const endTurn = useRef<() => void>(() => undefined);
  // A chart is drawn once it comes near the screen: a dashboard's charts below the fold cost the first
  // paint nothing, and those on screen take turns (draw-turns.ts).
  useEffect(() => {
    const el = box.current;
    let end: (() => void) | undefined;
    const draw = () => {
      end ??= queueDraw(() => setDrawing(true));
      endTurn.current = end;
    };
    if (!el || typeof IntersectionObserver === 'undefined') {
      draw();
      return () => end?.();
    }
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      draw();
    }, { rootMargin: `${NEAR_SCREEN_PX}px 0px` });
    observer.observe(el);
    return () => {
      observer.disconnect();
      end?.();
    };
  }, []);
  const figure = useRef({ data, layout });
  // Kept after each commit (not during render) for the PNG download, which reads the figure on a click.
  useLayoutEffect(() => {
    figure.current = { data, layout };
  }, [data, layout]);

  // Follows the container, not the window: grid reflows and a collapsing sidebar resize tiles too.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      if (graph.current) Plotly.Plots.resize(graph.current);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  return (
    <div ref={box} className="h-full w-full" data-chart-box>
      {drawing ? (
        <Plot
          data={data}
          layout={layout}
          config={config}
          style={{ width: '100%', height: '100%' }}
          onClick={onClick}
          onTreemapClick={onTreemapClick}
          onInitialized={(_, gd) => {
            graph.current = gd;
            downloadRef.current = (title, background) => downloadPng(gd, figure.current, title, background);
            endTurn.current();
          }}
          onError={() => endTurn.current()}
          onPurge={() => {
            graph.current = null;
            downloadRef.current = null;
          }}
        />
      ) : (
        <div aria-hidden className="h-full w-full animate-pulse rounded-md bg-slate-100 dark:bg-slate-800" />
      )}
    </div>
  );
}
