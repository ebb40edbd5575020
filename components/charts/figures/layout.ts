// The frame every figure is drawn in: theme colours, fonts, hover labels, gridlines and sizing are
// applied here once, so figure builders only say what is specific to their chart.
import type { Config, Layout, LayoutAxis } from 'plotly.js';
import type { ChartTheme } from '../theme';

export function axisStyle(theme: ChartTheme): Partial<LayoutAxis> {
  return {
    color: theme.mutedText,
    gridcolor: theme.grid,
    zerolinecolor: theme.zeroLine,
    linecolor: theme.grid,
    tickfont: { color: theme.mutedText, size: theme.fontSize - 1 },
    title: { font: { color: theme.mutedText, size: theme.fontSize } },
    automargin: true,
    fixedrange: false,
  };
}

// Shallow for everything but the title, whose font comes from the theme and text from the figure.
function mergeAxis(base: Partial<LayoutAxis>, own: Partial<LayoutAxis> | undefined): Partial<LayoutAxis> {
  if (!own) return base;
  return { ...base, ...own, title: { ...base.title, ...own.title } };
}

// The toolbar (Plotly's modebar: zoom, pan, reset) appears in the top right corner on hover or focus.
// It gets a strip of its own above the plot, and legends sit at the bottom of the figure, so it never
// covers a legend entry, a colour bar or a label.
const MODEBAR_STRIP = 28;

export interface FrameOptions {
  /** Constant per chart: Plotly keeps the user's zoom and pan across updates while it is unchanged. */
  uirevision: string;
  height: number;
}

/** Themes a figure's layout; the figure's own axis settings win over the shared axis style. */
export function buildLayout(theme: ChartTheme, figure: Partial<Layout>, frame: FrameOptions): Partial<Layout> {
  return {
    font: { family: theme.fontFamily, size: theme.fontSize, color: theme.text },
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: 'rgba(0,0,0,0)',
    colorway: [...theme.palette],
    hoverlabel: {
      bgcolor: theme.hoverBackground,
      bordercolor: theme.hoverBorder,
      font: { family: theme.fontFamily, size: theme.fontSize, color: theme.hoverText },
      align: 'left',
    },
    legend: { orientation: 'h', x: 0, xanchor: 'left', yref: 'container', y: 0, yanchor: 'bottom', font: { color: theme.text }, bgcolor: 'rgba(0,0,0,0)' },
    margin: { l: 8, r: 8, t: MODEBAR_STRIP, b: 8, pad: 4 },
    hovermode: 'closest',
    dragmode: 'zoom',
    ...figure,
    xaxis: mergeAxis(axisStyle(theme), figure.xaxis),
    yaxis: mergeAxis(axisStyle(theme), figure.yaxis),
    autosize: true,
    height: frame.height,
    uirevision: frame.uirevision,
  };
}

// Our own toolbar downloads PNGs and the selection tools would fight cross-filter clicks. Client data
// never leaves the portal through a chart: plotly.js 4.1 shows a "Share chart..." button that uploads the
// figure to Plotly Cloud (plotlyServerURL) unless told otherwise, and its logo links to plotly.com. The
// button is removed twice over (showSendToCloud and by name) and left without a destination.
export const PLOT_CONFIG: Partial<Config> = {
  displaylogo: false,
  showSendToCloud: false,
  plotlyServerURL: '',
  displayModeBar: 'hover',
  // Sizing follows the tile through a ResizeObserver in plotly-plot.tsx, not the window.
  responsive: false,
  modeBarButtonsToRemove: ['toImage', 'lasso2d', 'select2d', 'autoScale2d', 'sendChartToCloud'],
};
