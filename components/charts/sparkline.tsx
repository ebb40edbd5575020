// A KPI card's trend line, as plain SVG: no Plotly, no client JavaScript, so seven cards cost nothing
// to load and render with the server's HTML. Colour comes from the text colour (currentColor).
import { sparklineGeometry } from './figures/sparkline-path';

export interface SparklineProps {
  values: (number | null)[];
  /** Says what the line shows, e.g. "Revenue, last 30 days"; without it the line is decorative. */
  label?: string;
  /** Default 120 × 32. */
  width?: number;
  height?: number;
  className?: string;
}

export function Sparkline({ values, label, width = 120, height = 32, className = 'text-brand-500' }: SparklineProps) {
  const { line, area, end } = sparklineGeometry(values, width, height);
  if (!line) return <svg width={width} height={height} aria-hidden className={className} />;
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} className={className} role={label ? 'img' : undefined} aria-label={label} aria-hidden={label ? undefined : true}>
      <path d={area} fill="currentColor" fillOpacity={0.12} stroke="none" />
      <path d={line} fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinejoin="round" strokeLinecap="round" />
      {end && <circle cx={end.x} cy={end.y} r={2} fill="currentColor" />}
    </svg>
  );
}
