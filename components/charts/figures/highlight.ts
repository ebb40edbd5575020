// How a cross-filter selection shows on a chart: selected points at full strength, the rest dimmed.
import type { ChartTheme } from '../theme';

/** Per-point opacity; with nothing selected every point is fully shown. */
export function selectionOpacity(keys: readonly string[], selectedKeys: readonly string[], theme: ChartTheme): number[] {
  if (selectedKeys.length === 0) return keys.map(() => 1);
  const selected = new Set(selectedKeys);
  return keys.map((k) => (selected.has(k) ? 1 : theme.dimmedOpacity));
}

/** Per-point outline width: selected points get an outline so the selection reads without colour. */
export function selectionOutlineWidth(keys: readonly string[], selectedKeys: readonly string[]): number[] {
  const selected = new Set(selectedKeys);
  return keys.map((k) => (selected.has(k) ? 2 : 0));
}
