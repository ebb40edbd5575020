// Period-over-period change: (current − previous) ÷ |previous|, or null when either figure is missing or
// there is no prior figure to compare with.
export function relativeChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || !Number.isFinite(current) || !Number.isFinite(previous) || previous === 0) return null;
  return (current - previous) / Math.abs(previous);
}

/** How a change reads: up, down, or flat when it shows as 0.0% (a change too small to name is no change). */
export function changeDirection(change: number): 'up' | 'down' | 'flat' {
  if (Math.abs(change) < 0.0005) return 'flat';
  return change > 0 ? 'up' : 'down';
}
