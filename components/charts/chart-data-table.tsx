'use client';
// The accessible alternative to a chart: the same data as a real table, captioned with the chart's title.
// Where a click on the chart filters (or drills), the same items are buttons here, so the keyboard can do
// everything the mouse can: Enter or Space chooses, Shift adds to the selection as Shift-click does.
import type { MouseEvent } from 'react';
import type { ChartClick } from './figures/chart-click';
import { formatCell, type DataTableSpec } from './figures/data-table';

export interface TableAction {
  onChoose: (click: ChartClick) => void;
  /** What choosing does, said once for screen readers, e.g. "filters the dashboard by it". */
  hint: string;
  /** Keys currently selected (cross-filters): their buttons are pressed. Absent for drilling. */
  selectedKeys?: readonly string[];
}

const CELL_BUTTON =
  'rounded px-1 -mx-1 text-left underline decoration-dotted underline-offset-2 hover:bg-brand-50 hover:decoration-solid focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 aria-pressed:bg-brand-50 aria-pressed:font-semibold dark:hover:bg-slate-800 dark:aria-pressed:bg-slate-800';

export function ChartDataTable({ caption, table, maxHeight, action }: { caption: string; table: DataTableSpec; maxHeight: number; action?: TableAction }) {
  const actionable = action && table.actions ? action : undefined;
  const cell = (rowIndex: number, columnKey: string, text: string, context: string) => {
    const key = actionable ? table.actions?.[rowIndex]?.[columnKey] : undefined;
    if (!actionable || key === undefined) return text;
    const choose = (event: MouseEvent<HTMLButtonElement>) =>
      actionable.onChoose({ key, additive: event.shiftKey || event.metaKey || event.ctrlKey });
    return (
      <button
        type="button"
        onClick={choose}
        aria-pressed={actionable.selectedKeys ? actionable.selectedKeys.includes(key) : undefined}
        aria-label={context ? `${context}: ${text}` : undefined}
        className={CELL_BUTTON}
      >
        {text}
      </button>
    );
  };
  return (
    <div className="overflow-auto" style={{ maxHeight }}>
      <table className="w-full text-sm">
        <caption className="sr-only">
          {caption}
          {actionable ? `. Choosing an item ${actionable.hint}; Shift adds to the selection.` : ''}
        </caption>
        <thead className="sticky top-0 bg-white dark:bg-slate-900">
          <tr className="text-left text-slate-600 dark:text-slate-400">
            {table.columns.map((c) => (
              <th key={c.key} scope="col" className={`py-1 pr-3 font-medium ${c.format === 'text' ? '' : 'text-right'}`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => {
            const rowLabel = formatCell(row[table.columns[0]?.key ?? ''], table.columns[0]?.format ?? 'text').trim();
            return (
              <tr key={i} className="border-t border-slate-100 dark:border-slate-800">
                {table.columns.map((c, j) => {
                  const text = formatCell(row[c.key], c.format);
                  return j === 0 ? (
                    <th key={c.key} scope="row" className="py-1.5 pr-3 text-left font-normal">
                      {cell(i, c.key, text, '')}
                    </th>
                  ) : (
                    <td key={c.key} className={`py-1.5 pr-3 ${c.format === 'text' ? '' : 'text-right tabular-nums'}`}>
                      {cell(i, c.key, text, `${rowLabel}, ${c.label}`)}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
