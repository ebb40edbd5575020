// Cross-filter and drill clicks written into the dashboard URL. The parameters and their formats are
// owned by lib/filters/dashboard-state.ts: `sel` is a comma list of `dimension:key` pairs and `drill`
// a `/`-separated path; the server parses and validates whatever we write.
import type { SelectionDimension } from '@/lib/filters/dashboard-state';
import type { ChartClick } from './chart-click';

export const SELECTION_PARAM = 'sel';
export const DRILL_PARAM = 'drill';
// Paging belongs to the filtered result; a new selection starts again on page one.
const PAGE_PARAM = 'page';

function pairsOf(sel: string | null): string[] {
  return (sel ?? '').split(',').map((p) => p.trim()).filter(Boolean);
}

function splitPair(pair: string): { dimension: string; key: string } {
  const at = pair.indexOf(':');
  return at < 0 ? { dimension: '', key: pair } : { dimension: pair.slice(0, at), key: pair.slice(at + 1) };
}

/** The keys selected in one dimension, e.g. the stores of `sel=store:S001,region:East,store:S004`. */
export function selectedKeysOf(sel: string | null, dimension: string): string[] {
  return pairsOf(sel)
    .map(splitPair)
    .filter((p) => p.dimension === dimension)
    .map((p) => p.key);
}

/**
 * The next `sel` value after a click. A plain click selects only the clicked key in its dimension
 * (clicking the sole selected key again clears it); an additive click toggles the key. Selections
 * of other dimensions are kept, so several tiles can filter together.
 */
export function nextSelection(sel: string | null, dimension: string, click: ChartClick): string {
  const pairs = pairsOf(sel);
  const clicked = `${dimension}:${click.key}`;
  const sameDimension = pairs.filter((p) => splitPair(p).dimension === dimension);
  const others = pairs.filter((p) => splitPair(p).dimension !== dimension);
  let mine: string[];
  if (click.additive) {
    mine = sameDimension.includes(clicked) ? sameDimension.filter((p) => p !== clicked) : [...sameDimension, clicked];
  } else {
    mine = sameDimension.length === 1 && sameDimension[0] === clicked ? [] : [clicked];
  }
  return [...others, ...mine].join(',');
}

/**
 * What clicking a chart does to the dashboard. Serialisable, so a server page can choose it:
 * cross-filter toggles `dimension:key` in `sel`; drill sets `drill` to the clicked key (a path such as
 * `Electronics/Phones`; '' goes back to the top); open goes to the clicked item's own page
 * (`basePath/<key>?query`, e.g. a product's).
 */
export type ChartClickAction =
  | { kind: 'cross-filter'; dimension: SelectionDimension }
  | { kind: 'drill' }
  | { kind: 'open'; basePath: string; query: string };

/** The page an open action leads to for a clicked key; null for the outer tile of a treemap (no key). */
export function openHref(action: { basePath: string; query: string }, click: ChartClick): string | null {
  if (click.key === '') return null;
  return `${action.basePath}/${encodeURIComponent(click.key)}${action.query ? `?${action.query}` : ''}`;
}

/** The search params after a click, or null when the click changes nothing. */
export function applyClickToParams(params: URLSearchParams, action: Exclude<ChartClickAction, { kind: 'open' }>, click: ChartClick): URLSearchParams | null {
  if (action.kind === 'cross-filter' && click.key === '') return null;
  const next = new URLSearchParams(params);
  const [param, value] =
    action.kind === 'drill'
      ? [DRILL_PARAM, click.key]
      : [SELECTION_PARAM, nextSelection(params.getAll(SELECTION_PARAM).join(','), action.dimension, click)];
  if (value) next.set(param, value);
  else next.delete(param);
  next.delete(PAGE_PARAM);
  return next;
}
