// Period-over-period change: (current − previous) ÷ |previous|, or null when there is no prior figure to compare.
export function relativeChange(current: number, previous: number): number | null {
  if (!Number.isFinite(current) || !Number.isFinite(previous) || previous === 0) return null;
  return (current - previous) / Math.abs(previous);
}
