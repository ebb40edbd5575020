// The "View data" table: the numbers behind a chart as rows and columns, formatted like the chart.
import { formatValue, type ValueFormat } from './value-format';

export interface DataTableColumn {
  key: string;
  label: string;
  /** Numbers are right-aligned and formatted; 'text' cells are shown as given. */
  format: ValueFormat | 'text';
}

export type DataTableRow = Record<string, string | number | null>;

export interface DataTableSpec {
  columns: DataTableColumn[];
  rows: DataTableRow[];
}

export function formatCell(value: string | number | null | undefined, format: DataTableColumn['format']): string {
  if (format === 'text') return value === null || value === undefined ? '' : String(value);
  return typeof value === 'number' ? formatValue(value, format) : '—';
}
