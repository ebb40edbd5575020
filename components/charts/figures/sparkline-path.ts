// The geometry of a KPI card's sparkline: an SVG path through the values, scaled to the box.

export interface SparklineGeometry {
  /** The line, or '' when there are fewer than two finite values. */
  line: string;
  /** The line closed down to the baseline, for a soft fill under it. */
  area: string;
  /** The last point, where the card marks "now". */
  end: { x: number; y: number } | null;
}

const round = (n: number) => Math.round(n * 100) / 100;

export function sparklineGeometry(values: readonly (number | null)[], width: number, height: number, inset = 2): SparklineGeometry {
  const points = values
    .map((v, i) => ({ v, i }))
    .filter((p): p is { v: number; i: number } => p.v !== null && Number.isFinite(p.v));
  if (points.length < 2) return { line: '', area: '', end: null };
  const min = Math.min(...points.map((p) => p.v));
  const max = Math.max(...points.map((p) => p.v));
  // A flat series sits in the middle rather than on an edge.
  const span = max - min || 1;
  const offset = max === min ? 0.5 : 0;
  const last = values.length - 1 || 1;
  const xy = points.map((p) => ({
    x: round(inset + (p.i / last) * (width - 2 * inset)),
    y: round(inset + (1 - ((p.v - min) / span + offset)) * (height - 2 * inset)),
  }));
  const line = xy.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ');
  const first = xy[0];
  const end = xy[xy.length - 1];
  const area = `${line} L${end.x},${height} L${first.x},${height} Z`;
  return { line, area, end };
}
