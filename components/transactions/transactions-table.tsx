import Link from 'next/link';
import type { Database } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import type { ViewLinks } from '@/components/dashboards/load-view';
import { DEFAULT_SORT, serializeDashboardState, type DashboardState, type SortColumn } from '@/lib/filters/dashboard-state';
import type { ScopedFilters } from '@/lib/auth/scoped-filters';
import { AppError } from '@/lib/errors';
import { env } from '@/lib/env';
import { formatCount, formatDateTime, formatMoneyCents } from '@/lib/format';
import { listTransactions, type TransactionPage } from '@/lib/queries/list-transactions';
import { Card } from '@/components/ui/card';
import { productHref } from '@/components/products/product-links';

/** The card's height with a full page at the default page size: the skeleton it streams in behind. */
export const TABLE_TILE_HEIGHT = 1505;

const COLUMNS: { key: SortColumn | null; label: string; numeric?: boolean }[] = [
  { key: 'occurredAt', label: 'Time' },
  { key: 'store', label: 'Store' },
  { key: 'region', label: 'Region' },
  { key: 'category', label: 'Category' },
  { key: 'product', label: 'Product' },
  { key: null, label: 'Customer' },
  { key: 'quantity', label: 'Qty', numeric: true },
  { key: 'discount', label: 'Discount', numeric: true },
  { key: 'net', label: 'Net', numeric: true },
];

/** Refusals of a page link (a cursor that is not this view's, a page number too far from either end): said in the table. */
const PAGE_LINK_REFUSALS = new Set(['invalid_cursor', 'page_too_deep']);

/**
 * The detail table: server-paginated and sortable through the URL, with a total row and CSV export.
 * Next and Previous carry the cursor of the page shown, so they read only their page however deep;
 * First and Last are page numbers (the last page is read from the end).
 */
export async function TransactionsTable({ db, scope, filters, state, links }: {
  db: Database;
  scope: Scope;
  filters: ScopedFilters;
  state: DashboardState;
  links: ViewLinks;
}) {
  const pathname = links.basePath;
  // calendar days are the reporting zone's, so the lines' times are too (and name it, as everywhere)
  const timeZone = env().REPORTING_TIME_ZONE;
  const href = (patch: Partial<DashboardState>) => {
    const query = serializeDashboardState({ ...state, ...patch });
    return query ? `${pathname}?${query}` : pathname;
  };
  let shown: TransactionPage;
  try {
    shown = await listTransactions(db, scope, filters, { page: state.page, pageSize: state.pageSize, sort: state.sort, cursor: state.cursor });
  } catch (error) {
    if (!(error instanceof AppError && PAGE_LINK_REFUSALS.has(error.code))) throw error;
    return (
      <Card title="Transaction lines">
        <p className="py-8 text-center text-sm text-slate-500 dark:text-slate-400" data-testid="transactions-page-refused">
          {error.message}{' '}
          <Link scroll={false} href={href({ page: 1 })} className="underline">First page</Link>
        </p>
      </Card>
    );
  }
  const { rows, total, totals, page } = shown;
  const sorting = state.sort ?? DEFAULT_SORT;
  const pages = Math.max(1, Math.ceil(total / state.pageSize));
  // A column's first click sorts it ascending (time: newest first), the next one reverses it.
  const sortHref = (column: SortColumn) =>
    href({
      sort: {
        column,
        direction: sorting.column === column ? (sorting.direction === 'asc' ? 'desc' : 'asc') : column === 'occurredAt' ? 'desc' : 'asc',
      },
      page: 1,
    });
  const exportQuery = serializeDashboardState({ ...state, page: 1 });

  return (
    <Card
      title={`Transaction lines (${formatCount(total)})`}
      action={
        links.exportPath ? (
          <a href={`${links.exportPath}?${exportQuery ? `${exportQuery}&` : ''}format=csv`} className="rounded-lg border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800" data-testid="export-csv">
            Export CSV
          </a>
        ) : null
      }
    >
      {total === 0 ? (
        <p className="py-8 text-center text-sm text-slate-500 dark:text-slate-400">No sales in this range.</p>
      ) : (
        <div role="region" aria-label="Transaction lines" tabIndex={0} className="overflow-x-auto rounded-md focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500">
          {/* Cell padding and row borders are set once here, not on each of the page's 225 cells: repeated per
              cell they were 8% of every overview page's bytes. On a narrow screen the table scrolls inside
              the card with its first column (the time) held in place, so each row stays readable. */}
          <table className="w-full min-w-[760px] text-sm [&_tbody_tr>*:first-child]:sticky [&_tbody_tr>*:first-child]:left-0 [&_tbody_tr>*:first-child]:bg-white dark:[&_tbody_tr>*:first-child]:bg-slate-900 [&_thead_tr>*:first-child]:sticky [&_thead_tr>*:first-child]:left-0 [&_thead_tr>*:first-child]:bg-white dark:[&_thead_tr>*:first-child]:bg-slate-900 [&_td]:py-1.5 [&_td]:pr-3 [&_tbody_tr]:border-t [&_tbody_tr]:border-slate-100 dark:[&_tbody_tr]:border-slate-800" data-testid="transactions-table">
            <thead>
              <tr className="text-left text-slate-500 dark:text-slate-400">
                {COLUMNS.map((c) => (
                  <th key={c.label} scope="col" className={`py-1 pr-3 font-medium ${c.numeric ? 'text-right' : ''}`}
                    aria-sort={c.key && sorting.column === c.key ? (sorting.direction === 'desc' ? 'descending' : 'ascending') : undefined}>
                    {c.key ? (
                      <Link href={sortHref(c.key)} scroll={false} className="hover:text-slate-900 dark:hover:text-white">
                        {c.label}
                        {sorting.column === c.key ? (sorting.direction === 'desc' ? ' ↓' : ' ↑') : ''}
                      </Link>
                    ) : c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.lineId}>
                  <td className="whitespace-nowrap tabular-nums">{formatDateTime(r.occurredAt, timeZone)}</td>
                  <td>{r.storeName}</td>
                  <td>{r.region}</td>
                  <td>{r.category}</td>
                  <td>
                    {links.shared ? r.product : (
                      <Link href={productHref(r.sku, state)} className="text-brand-700 hover:underline dark:text-brand-300">{r.product}</Link>
                    )}
                  </td>
                  <td className="text-slate-500 dark:text-slate-400">{r.customerId ?? 'Guest'}</td>
                  <td className="text-right tabular-nums">{r.quantity}</td>
                  <td className="text-right tabular-nums">{formatMoneyCents(r.discount)}</td>
                  <td className="text-right tabular-nums">{formatMoneyCents(r.net)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="border-t-2 border-slate-300 font-semibold dark:border-slate-600" data-testid="transactions-total">
                <td colSpan={6}>Total, all {formatCount(total)} lines</td>
                <td className="text-right tabular-nums">{formatCount(totals.quantity)}</td>
                <td className="text-right tabular-nums">{formatMoneyCents(totals.discount)}</td>
                <td className="text-right tabular-nums">{formatMoneyCents(totals.net)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {(pages > 1 || page > 1) && (
        <nav aria-label="Pages" className="mt-3 flex items-center justify-between text-sm">
          <span className="text-slate-500 dark:text-slate-400" data-testid="transactions-page">Page {formatCount(page)} of {formatCount(pages)}</span>
          <span className="flex gap-2 [&_a]:rounded [&_a]:border [&_a]:border-slate-300 [&_a]:px-2 [&_a]:py-1 dark:[&_a]:border-slate-700">
            {page > 2 && <Link scroll={false} href={href({ page: 1 })}>First</Link>}
            {shown.previous && <Link scroll={false} href={href({ page: page - 1, cursor: shown.previous })} rel="prev">Previous</Link>}
            {shown.next && <Link scroll={false} href={href({ page: page + 1, cursor: shown.next })} rel="next">Next</Link>}
            {page < pages - 1 && <Link scroll={false} href={href({ page: pages, cursor: undefined })}>Last</Link>}
          </span>
        </nav>
      )}
    </Card>
  );
}
