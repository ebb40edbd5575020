// Connects a chart to the dashboard URL: which of its items are selected, and what a click does.
// Writing the URL re-renders the server page, so every other tile refilters from the same state.
import { useCallback, useMemo } from 'react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import type { ChartClick } from './figures/chart-click';
import type { TableAction } from './chart-data-table';
import { applyClickToParams, openHref, selectedKeysOf, SELECTION_PARAM, type ChartClickAction } from './figures/url-selection';

export interface ChartClickState {
  selectedKeys: string[];
  onPointClick: ((click: ChartClick) => void) | undefined;
  /** The same action for the "View data" table's buttons. */
  tableAction: TableAction | undefined;
}

const NONE: string[] = [];

export function useChartClickAction(action: ChartClickAction | undefined): ChartClickState {
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const sel = params.getAll(SELECTION_PARAM).join(',');
  const kind = action?.kind;
  const dimension = action?.kind === 'cross-filter' ? action.dimension : undefined;
  const [basePath, query] = action?.kind === 'open' ? [action.basePath, action.query] : [undefined, undefined];
  // Rebuilt from its values: a server page sends a new (equal) action object on every render.
  const stableAction = useMemo((): ChartClickAction | undefined => {
    if (kind === 'drill') return { kind };
    if (kind === 'open' && basePath !== undefined && query !== undefined) return { kind, basePath, query };
    return dimension ? { kind: 'cross-filter', dimension } : undefined;
  }, [kind, dimension, basePath, query]);
  // Keyed on strings, so an unchanged selection keeps its identity and does not redraw the plot.
  const selectedKeys = useMemo(() => (dimension ? selectedKeysOf(sel, dimension) : NONE), [sel, dimension]);

  const onPointClick = useCallback(
    (click: ChartClick) => {
      if (!stableAction) return;
      if (stableAction.kind === 'open') {
        const href = openHref(stableAction, click);
        if (href) router.push(href);
        return;
      }
      const next = applyClickToParams(new URLSearchParams(params.toString()), stableAction, click);
      if (!next) return;
      const query = next.toString();
      router.push(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [stableAction, params, pathname, router],
  );

  const tableAction = useMemo((): TableAction | undefined => {
    if (!stableAction) return undefined;
    return stableAction.kind === 'drill' || stableAction.kind === 'open'
      ? { onChoose: onPointClick, hint: 'opens it' }
      : { onChoose: onPointClick, hint: 'filters the dashboard by it', selectedKeys };
  }, [stableAction, onPointClick, selectedKeys]);

  return { selectedKeys, onPointClick: stableAction ? onPointClick : undefined, tableAction };
}
