// Revenue over time: the series, its moving average and the previous period (dashed), plus flagged
// anomalies. The period still running (today's day, this week or month so far) is drawn apart, dotted and
// named "so far", so its smaller figure does not read as a fall; periods not yet begun are not drawn.
// The maths happens on the server; this only draws the series it is given.
import type { Data } from 'plotly.js';
import type { ChartTheme } from '../theme';
import { hoverValue, tickFormat, type ValueFormat } from './value-format';
import type { ChartFigure } from './types';
import type { DataTableSpec } from './data-table';

export interface TrendPoint {
  /** A day (YYYY-MM-DD) or a period label such as "2026-W14" or "Mar 2026". */
  x: string;
  /** null for a period that has not begun. */
  value: number | null;
  /** The period is still running: its value so far. */
  partial?: boolean;
  /** The moving average ending on this point; null while the window is still filling. */
  movingAverage?: number | null;
  /** The value of the matching point in the previous period, aligned to this x. */
  previous?: number | null;
  /** Why this point is unusual; the point is marked and the text shown on hover. */
  anomaly?: string | null;
}

export interface TrendFigureOptions {
  valueFormat: ValueFormat;
  seriesName: string;
  movingAverageName: string;
  previousName: string;
  /** x values are calendar days (a date axis) rather than period labels (a category axis). */
  dateAxis: boolean;
}

const has = (v: number | null | undefined): v is number => v !== null && v !== undefined;

export function buildTrendFigure(points: readonly TrendPoint[], options: TrendFigureOptions, theme: ChartTheme): ChartFigure {
  const x = points.map((p) => p.x);
  const value = hoverValue('y', options.valueFormat);
  const data: Data[] = [];

  if (points.some((p) => has(p.previous))) {
    data.push({
      type: 'scatter',
      mode: 'lines',
      name: options.previousName,
      x,
      y: points.map((p) => p.previous ?? null),
      line: { color: theme.secondary, width: 1.5, dash: 'dash' },
      hovertemplate: `${options.previousName}: ${value}<extra></extra>`,
    });
  }

  data.push({
    type: 'scatter',
    mode: 'lines',
    name: options.seriesName,
    x,
    y: points.map((p) => (p.partial ? null : p.value)),
    line: { color: theme.primary, width: 2 },
    fill: 'tozeroy',
    fillcolor: theme.mode === 'dark' ? 'rgba(107,155,247,0.12)' : 'rgba(47,111,237,0.08)',
    hovertemplate: `${options.seriesName}: ${value}<extra></extra>`,
  });

  const running = points.flatMap((p, i) => (p.partial && has(p.value) ? [i] : []));
  if (running.length > 0) {
    // joined to the last complete point, so the line continues rather than breaks
    const from = running[0] > 0 && !points[running[0] - 1].partial ? running[0] - 1 : running[0];
    const shown = points.slice(from, running[running.length - 1] + 1);
    const soFar = `${options.seriesName} so far`;
    data.push({
      type: 'scatter',
      mode: 'lines+markers',
      name: soFar,
      x: shown.map((p) => p.x),
      y: shown.map((p) => p.value),
      line: { color: theme.primary, width: 2, dash: 'dot' },
      marker: { color: theme.primary, size: shown.map((p) => (p.partial ? 8 : 0)), symbol: 'circle-open' },
      hovertemplate: shown.map((p) => (p.partial ? `${soFar}: ${value}<extra></extra>` : '<extra></extra>')),
    });
  }

  if (points.some((p) => has(p.movingAverage))) {
    data.push({
      type: 'scatter',
      mode: 'lines',
      name: options.movingAverageName,
      x,
      y: points.map((p) => p.movingAverage ?? null),
      line: { color: theme.accent, width: 2 },
      hovertemplate: `${options.movingAverageName}: ${value}<extra></extra>`,
    });
  }

  const anomalies = points.filter((p) => p.anomaly);
  if (anomalies.length > 0) {
    data.push({
      type: 'scatter',
      mode: 'markers',
      name: 'Anomaly',
      x: anomalies.map((p) => p.x),
      y: anomalies.map((p) => p.value),
      text: anomalies.map((p) => p.anomaly ?? ''),
      marker: { color: theme.anomaly, size: 10, symbol: 'circle-open', line: { width: 2.5, color: theme.anomaly } },
      hovertemplate: `%{text}<br>${value}<extra>Anomaly</extra>`,
    });
  }

  return {
    data,
    layout: {
      hovermode: 'x unified',
      showlegend: data.length > 1,
      xaxis: { type: options.dateAxis ? 'date' : 'category', showgrid: false, showspikes: false },
      // An all-zero series (a quiet minute, an empty range) would get ticks at 0.2 that read "200m".
      yaxis: { tickformat: tickFormat(options.valueFormat), rangemode: 'tozero', ...(allZero(points) ? { range: [0, 10] } : {}) },
    },
  };
}

function allZero(points: readonly TrendPoint[]): boolean {
  return points.every((p) => !p.value && !p.previous && !p.movingAverage);
}

export function trendTable(points: readonly TrendPoint[], options: TrendFigureOptions & { xTitle: string }): DataTableSpec {
  const withMovingAverage = points.some((p) => has(p.movingAverage));
  const withPrevious = points.some((p) => has(p.previous));
  const withAnomalies = points.some((p) => p.anomaly);
  return {
    columns: [
      { key: 'x', label: options.xTitle, format: 'text' },
      { key: 'value', label: options.seriesName, format: options.valueFormat },
      ...(withMovingAverage ? [{ key: 'movingAverage', label: options.movingAverageName, format: options.valueFormat }] : []),
      ...(withPrevious ? [{ key: 'previous', label: options.previousName, format: options.valueFormat }] : []),
      ...(withAnomalies ? [{ key: 'anomaly', label: 'Anomaly', format: 'text' as const }] : []),
    ],
    rows: points.map((p) => ({ x: p.partial ? `${p.x} (so far)` : p.x, value: p.value, movingAverage: p.movingAverage ?? null, previous: p.previous ?? null, anomaly: p.anomaly ?? null })),
  };
}
