'use client';
// The accessible alternative to a chart: the same data as a real table, captioned with the chart's title.
import { formatCell, type DataTableSpec } from './figures/data-table';

export function ChartDataTable({ caption, table, maxHeight }: { caption: string; table: DataTableSpec; maxHeight: number }) {
  return (
    <div className="overflow-auto" style={{ maxHeight }}>
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 bg-white dark:bg-slate-900">
          <tr className="text-left text-slate-500 dark:text-slate-400">
            {table.columns.map((c) => (
              <th key={c.key} scope="col" className={`py-1 pr-3 font-medium ${c.format === 'text' ? '' : 'text-right'}`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i} className="border-t border-slate-100 dark:border-slate-800">
              {table.columns.map((c, j) =>
                j === 0 ? (
                  <th key={c.key} scope="row" className="py-1.5 pr-3 text-left font-normal">
                    {formatCell(row[c.key], c.format)}
                  </th>
                ) : (
                  <td key={c.key} className={`py-1.5 pr-3 ${c.format === 'text' ? '' : 'text-right tabular-nums'}`}>
                    {formatCell(row[c.key], c.format)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
