// Turns a Plotly click into what cross-filtering needs: the clicked item's key (each figure puts it in
// `customdata`) and whether the user wants to add to the selection rather than replace it.

export interface ChartClick {
  /** May be '' for "the top": a treemap's root tile drills back up to no drill path. */
  key: string;
  /** Shift, Ctrl or Cmd held: add to (or remove from) the selection instead of replacing it. */
  additive: boolean;
}

/** The part of Plotly's plotly_click / plotly_treemapclick payload we read. */
export interface PlotClickEventLike {
  points?: readonly { customdata?: unknown }[];
  event?: { shiftKey?: boolean; metaKey?: boolean; ctrlKey?: boolean } | null;
}

export function toChartClick(event: PlotClickEventLike): ChartClick | null {
  const raw = event.points?.[0]?.customdata;
  // Figures that carry extra hover fields put the key first in an array.
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (typeof key !== 'string' && typeof key !== 'number') return null;
  const modifiers = event.event ?? {};
  return { key: String(key), additive: Boolean(modifiers.shiftKey || modifiers.metaKey || modifiers.ctrlKey) };
}
