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
  /**
   * What choosing a cell does, parallel to rows: by column key, the key a click on the chart reports for
   * the same item (a bar's key on its label, a heatmap cell's key on that cell). The table offers it as a
   * button, so a keyboard reaches every filter the chart's mouse clicks do.
   */
  actions?: Partial<Record<string, string>>[];
}

export function formatCell(value: string | number | null | undefined, format: DataTableColumn['format']): string {
  if (format === 'text') return value === null || value === undefined ? '' : String(value);
  return typeof value === 'number' ? formatValue(value, format) : '—';
}
