// The detail table's sort order as written in the URL: `net` ascending, `-net` descending.
import type { SortColumn } from './dashboard-state';

export interface Sorting {
  column: SortColumn;
  descending: boolean;
}

/** `-net` → net descending; no sort → newest first. The column was validated by dashboardStateSchema. */
export function parseSort(sort: string | undefined): Sorting {
  if (!sort) return { column: 'occurredAt', descending: true };
  return { column: sort.replace(/^-/, '') as SortColumn, descending: sort.startsWith('-') };
}
