// The detail table: the sales lines behind the current filters, one row per line, newest first unless
// sorted otherwise (the orders: internal/detail-walk.ts), with the totals of every matching line. Next and
// Previous continue from a cursor (the line next to the page, sealed for the scope) and read only the
// page; a page number jumps by counting from the nearer end of the view, within MAX_JUMP_LINES of it.
// The totals come from the smallest rollup that keeps the filters' keys, the facts only where none does.
// CSV export walks the same orders batch by batch.
import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { bigintArray } from '@/db/sql';
import type { Scope } from '@/lib/auth/scope';
import { badRequest } from '@/lib/errors';
import { DEFAULT_SORT, type TableSort } from '@/lib/filters/dashboard-state';
import type { ScopedFilters } from '@/lib/auth/scoped-filters';
import { GUEST_SEGMENT } from '@/lib/filters/segments';
import { formatCount } from '@/lib/format';
import { cached } from '@/lib/cache/process-cache';
import { readAnchor, walkLineIds, type Anchor } from './internal/detail-walk';
import { FACT_FROM, factWhere, withStoreKeys, type QueryFilters } from './internal/filter-sql';
import { readInScope } from './internal/read-in-scope';
import { rollupRows } from './internal/rollup-rows';
import { planSource } from './internal/source-plan';
import { invalidCursor, openTableCursor, sealTableCursor, type TablePosition } from './internal/table-cursor';

export interface TransactionRow {
  lineId: number;
  occurredAt: string;
  transactionId: string;
  storeCode: string;
  storeName: string;
  region: string;
  category: string;
  sku: string;
  product: string;
  customerId: string | null;
  segment: string;
  quantity: number;
  gross: number;
  discount: number;
  net: number;
}

export interface TransactionTotals {
  lines: number;
  quantity: number;
  gross: number;
  discount: number;
  net: number;
}

export interface TransactionPage {
  rows: TransactionRow[];
  total: number;
  totals: TransactionTotals;
  /** The page shown: the one asked for, or the last one when asked for a page past it. */
  page: number;
  /** Cursors for the pages around this one (ask for page ± 1 with it), null where there is none. */
  next: string | null;
  previous: string | null;
}

export interface TablePaging {
  page: number;
  pageSize: number;
  sort?: TableSort;
  /** From `next` or `previous` of the page before; ignored on page 1, which is always the top of the view. */
  cursor?: string;
}

/**
 * How far from the nearer end of a view a page number may jump. A jump reads the lines it passes over
 * (from the start, or from the end for the later half), so deeper pages are refused rather than read; Next
 * and Previous reach every page at the cost of one.
 */
export const MAX_JUMP_LINES = 10_000;

const ROW_COLUMNS = sql`f.sales_line_id::float8 as "lineId", to_char(f.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "occurredAt",
  f.transaction_id as "transactionId", s.store_code as "storeCode", s.name as "storeName", dr.name as region,
  p.category, p.sku, p.name as product, c.customer_id as "customerId", coalesce(c.segment, ${GUEST_SEGMENT}) as segment,
  f.quantity, f.gross::float8 as gross, f.discount::float8 as discount, f.net::float8 as net`;

/** One page of the detail table and the totals of the whole view; a 400 for a cursor that is not this scope's, or a jump too deep. */
export async function listTransactions(db: Database, scope: Scope, filters: ScopedFilters, paging: TablePaging): Promise<TransactionPage> {
  const sort = paging.sort ?? DEFAULT_SORT;
  const position = paging.page > 1 && paging.cursor ? openTableCursor(scope, sort, paging.cursor) : null;
  const params = { filters, page: paging.page, pageSize: paging.pageSize, sort, position };
  return cached(db, { query: 'transactions', params, scope, through: filters.to }, () =>
    readInScope(db, scope, async (tx) => {
      const f = await withStoreKeys(tx, scope, filters);
      const totals = await readTotals(tx, f);
      const found = position
        ? await pageFrom(tx, f, sort, position, paging, totals.lines)
        : await pageByNumber(tx, f, sort, paging, totals.lines);
      const rows = await readRows(tx, found.ids);
      const cursor = (row: TransactionRow | undefined, before: boolean) => (row ? sealTableCursor(scope, sort, { lineId: row.lineId, before }) : null);
      return {
        rows,
        total: totals.lines,
        totals,
        page: found.page,
        next: found.hasNext ? cursor(rows[rows.length - 1], false) : null,
        previous: found.hasPrevious ? cursor(rows[0], true) : null,
      };
    }),
  );
}

interface FoundPage {
  page: number;
  ids: number[];
  hasNext: boolean;
  hasPrevious: boolean;
}

/** The page next to a cursor's line: the rows after it, or the rows before it, read from the line on. */
async function pageFrom(tx: Database, f: QueryFilters, sort: TableSort, position: TablePosition, paging: TablePaging, total: number): Promise<FoundPage> {
  const from = await readAnchor(tx, position.lineId);
  // The number only labels the page (the cursor says where it is): a hand-edited one past the last says the last.
  const pageNumber = Math.min(paging.page, Math.max(1, Math.ceil(total / paging.pageSize)));
  if (!from) throw invalidCursor();
  // One row more than the page tells whether there is another page beyond it.
  const ids = await walkLineIds(tx, f, { sort, from, backward: position.before, offset: 0, limit: paging.pageSize + 1 });
  const beyond = ids.length > paging.pageSize;
  const page = ids.slice(0, paging.pageSize);
  if (position.before) return { page: pageNumber, ids: page.reverse(), hasNext: true, hasPrevious: beyond };
  return { page: pageNumber, ids: page, hasNext: beyond, hasPrevious: true };
}

/** A page by its number, counted from the nearer end of the view; past the last page, the last page. */
async function pageByNumber(tx: Database, f: QueryFilters, sort: TableSort, paging: TablePaging, total: number): Promise<FoundPage> {
  const pages = Math.max(1, Math.ceil(total / paging.pageSize));
  const page = Math.min(paging.page, pages);
  const before = (page - 1) * paging.pageSize;
  const after = Math.max(0, total - page * paging.pageSize);
  if (Math.min(before, after) > MAX_JUMP_LINES) throw pageTooDeep(page, pages);
  const ids =
    before <= after
      ? await walkLineIds(tx, f, { sort, from: null, backward: false, offset: before, limit: paging.pageSize })
      : (await walkLineIds(tx, f, { sort, from: null, backward: true, offset: after, limit: Math.min(paging.pageSize, total - before) })).reverse();
  return { page, ids, hasNext: page < pages, hasPrevious: page > 1 };
}

const pageTooDeep = (page: number, pages: number) =>
  badRequest(
    `Page ${formatCount(page)} of ${formatCount(pages)} is more than ${formatCount(MAX_JUMP_LINES)} lines from either end of this view. ` +
      'Go there with Next and Previous, sort the other way, or narrow the filters.',
    'page_too_deep',
  );

/** The lines to show, in the order given: each read by its primary key. */
async function readRows(tx: Database, ids: readonly number[]): Promise<TransactionRow[]> {
  if (ids.length === 0) return [];
  return queryRows<TransactionRow>(
    tx,
    sql`select ${ROW_COLUMNS}
        from unnest(${bigintArray(ids)}) with ordinality as page(line_id, ord)
          join gold.fact_sales f on f.sales_line_id = page.line_id
          join gold.dim_product p on p.product_key = f.product_key
          left join gold.dim_customer c on c.customer_sk = f.customer_sk
          join gold.dim_store s on s.store_key = f.store_key
          join gold.dim_region dr on dr.region_id = f.region_id
        order by page.ord`,
  );
}

/**
 * The total row. Lines, units and money add up across the rows of any cube that keeps the filters' keys
 * (unlike basket counts, which a line key such as category splits), so several categories at once read the
 * categories cube; only filters no cube keeps read the facts, through the date or store index.
 */
async function readTotals(tx: Database, f: QueryFilters): Promise<TransactionTotals> {
  const source = planSource('total', f, { transactions: false });
  const [totals] = await queryRows<TransactionTotals>(
    tx,
    source === 'facts'
      ? sql`select count(*)::float8 as lines, coalesce(sum(f.quantity), 0)::float8 as quantity, coalesce(sum(f.gross), 0)::float8 as gross,
              coalesce(sum(f.discount), 0)::float8 as discount, coalesce(sum(f.net), 0)::float8 as net
            from ${FACT_FROM} where ${factWhere(f)}`
      : sql`select coalesce(sum(r.lines), 0)::float8 as lines, coalesce(sum(r.units), 0)::float8 as quantity, coalesce(sum(r.gross), 0)::float8 as gross,
              coalesce(sum(r.discount), 0)::float8 as discount, coalesce(sum(r.net), 0)::float8 as net
            from ${rollupRows(source, f, { byDay: false })}`,
  );
  return totals;
}

/** A position in the export walk: the last line sent. */
export interface ExportCursor {
  lineId: number;
}

export interface ExportBatch {
  rows: TransactionRow[];
  /** Where the next batch starts; null after the last. */
  next: ExportCursor | null;
}

/**
 * One batch of the export, after `cursor` in the table's order. Each batch is its own short scoped
 * transaction, so a long export never blocks other requests (PGlite serialises everything).
 */
export async function listTransactionsAfter(
  db: Database,
  scope: Scope,
  filters: ScopedFilters,
  sort: TableSort | undefined,
  cursor: ExportCursor | null,
  batchSize: number,
): Promise<ExportBatch> {
  return readInScope(db, scope, async (tx) => {
    const f = await withStoreKeys(tx, scope, filters);
    let from: Anchor | null = null;
    if (cursor) {
      from = await readAnchor(tx, cursor.lineId);
      // The export's own last line, read under the same scope a moment ago: facts are never deleted.
      if (!from) throw new Error(`export cursor line ${cursor.lineId} is no longer visible`);
    }
    const ids = await walkLineIds(tx, f, { sort: sort ?? DEFAULT_SORT, from, backward: false, offset: 0, limit: batchSize });
    const rows = await readRows(tx, ids);
    const last = rows[rows.length - 1];
    return { rows, next: rows.length === batchSize && last ? { lineId: last.lineId } : null };
  });
}
