// The detail table: the sales lines behind the current filters, one row per line, newest first unless
// sorted otherwise. Pages use offset paging; CSV export walks the same query with a keyset cursor so a
// million rows are streamed batch by batch and never held in memory.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import { DEFAULT_SORT, type SortColumn, type TableSort } from '@/lib/filters/dashboard-state';
import type { ScopedFilters } from '@/lib/auth/scoped-filters';
import { GUEST_SEGMENT } from '@/lib/filters/segments';
import { FACT_FROM, factWhere, withStoreKeys, type QueryFilters } from './internal/filter-sql';
import { rollupRows } from './internal/rollup-rows';
import { planSource } from './internal/source-plan';
import { cached } from '@/lib/cache/process-cache';
import { readInScope } from './internal/read-in-scope';

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
}

const SORT_EXPRESSIONS: Record<SortColumn, SQL> = {
  occurredAt: sql`f.occurred_at`,
  store: sql`s.store_code`,
  region: sql`dr.name`,
  category: sql`p.category`,
  product: sql`p.name`,
  quantity: sql`f.quantity`,
  net: sql`f.net`,
  discount: sql`f.discount`,
};

const ROW_COLUMNS = sql`f.sales_line_id::float8 as "lineId", to_char(f.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "occurredAt",
  f.transaction_id as "transactionId", s.store_code as "storeCode", s.name as "storeName", dr.name as region,
  p.category, p.sku, p.name as product, c.customer_id as "customerId", coalesce(c.segment, ${GUEST_SEGMENT}) as segment,
  f.quantity, f.gross::float8 as gross, f.discount::float8 as discount, f.net::float8 as net`;

const DETAIL_FROM = sql`${FACT_FROM}
  join gold.dim_store s on s.store_key = f.store_key
  join gold.dim_region dr on dr.region_id = f.region_id`;

function orderBy({ column, direction }: TableSort): SQL {
  const dir = sql.raw(direction === 'desc' ? 'desc' : 'asc');
  // The day (reporting time zone) orders lines exactly as their time does; leading with it lets the
  // (date_key, occurred_at, sales_line_id) index hand over a page without sorting the range.
  if (column === 'occurredAt') return sql`f.date_key ${dir}, f.occurred_at ${dir}, f.sales_line_id ${dir}`;
  return sql`${SORT_EXPRESSIONS[column]} ${dir}, f.sales_line_id ${dir}`;
}

export async function listTransactions(
  db: Database,
  scope: Scope,
  filters: ScopedFilters,
  paging: { page: number; pageSize: number; sort?: TableSort },
): Promise<TransactionPage> {
  return cached(db, { query: 'transactions', params: { filters, paging }, scope }, () =>
    readInScope(db, scope, async (tx) => {
      const f = await withStoreKeys(tx, scope, filters);
      const sorting = paging.sort ?? DEFAULT_SORT;
      const rows = await readPage(tx, f, sorting, paging);
      const totals = await readTotals(tx, f);
      return { rows, total: totals.lines, totals };
    }),
  );
}

/** Columns of the facts alone: sorting by them needs no dimension. */
const FACT_SORTS = new Set<SortColumn>(['occurredAt', 'quantity', 'net', 'discount']);

/**
 * One page of lines. Sorted by a fact column, the page's line ids are chosen from the facts alone (joined
 * only to the dimensions a filter needs), and only those lines are joined for display: otherwise every
 * line of the range would be joined before the sort keeps 25 of them.
 */
async function readPage(tx: Database, f: QueryFilters, sorting: TableSort, paging: { page: number; pageSize: number }): Promise<TransactionRow[]> {
  const offset = (paging.page - 1) * paging.pageSize;
  if (!FACT_SORTS.has(sorting.column)) {
    return queryRows<TransactionRow>(
      tx,
      sql`select ${ROW_COLUMNS} from ${DETAIL_FROM} where ${factWhere(f)}
          order by ${orderBy(sorting)} limit ${paging.pageSize} offset ${offset}`,
    );
  }
  const joins = sql.join(
    [
      f.categories.length || f.subcategories.length ? sql`join gold.dim_product p on p.product_key = f.product_key` : sql``,
      f.segments.length ? sql`left join gold.dim_customer c on c.customer_sk = f.customer_sk` : sql``,
    ],
    sql` `,
  );
  return queryRows<TransactionRow>(
    tx,
    sql`with page as materialized (
          select f.sales_line_id from gold.fact_sales f ${joins} where ${factWhere(f)}
          order by ${orderBy(sorting)} limit ${paging.pageSize} offset ${offset})
        select ${ROW_COLUMNS} from ${DETAIL_FROM} where f.sales_line_id in (select sales_line_id from page)
        order by ${orderBy(sorting)}`,
  );
}

/** The total row: from the smallest rollup that covers the filters (lines add up across rollup rows), else the facts. */
async function readTotals(tx: Database, f: QueryFilters): Promise<TransactionTotals> {
  const source = planSource('total', f);
  const [totals] = await queryRows<TransactionTotals>(
    tx,
    source === 'facts'
      ? sql`select count(*)::int as lines, coalesce(sum(f.quantity), 0)::float8 as quantity, coalesce(sum(f.gross), 0)::float8 as gross,
              coalesce(sum(f.discount), 0)::float8 as discount, coalesce(sum(f.net), 0)::float8 as net
            from ${FACT_FROM} where ${factWhere(f)}`
      : sql`select coalesce(sum(r.lines), 0)::float8 as lines, coalesce(sum(r.units), 0)::float8 as quantity, coalesce(sum(r.gross), 0)::float8 as gross,
              coalesce(sum(r.discount), 0)::float8 as discount, coalesce(sum(r.net), 0)::float8 as net
            from ${rollupRows(source, f, { byDay: false })}`,
  );
  return totals;
}

/** A position in the export walk: the sort value and line id of the last row sent. */
export interface ExportCursor {
  value: string | number;
  lineId: number;
}

export interface ExportBatch {
  rows: TransactionRow[];
  /** Where the next batch starts; null after the last. */
  next: ExportCursor | null;
}

/**
 * One batch of the export, after `cursor` in the sort order. Each batch is its own short scoped
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
    const f: QueryFilters = await withStoreKeys(tx, scope, filters);
    const sorting = sort ?? DEFAULT_SORT;
    const key = SORT_EXPRESSIONS[sorting.column];
    const after = cursor
      ? sorting.direction === 'desc'
        ? sql`and (${key}, f.sales_line_id) < (${cursor.value}, ${cursor.lineId})`
        : sql`and (${key}, f.sales_line_id) > (${cursor.value}, ${cursor.lineId})`
      : sql``;
    const rows = await queryRows<TransactionRow & { sortValue: string | number }>(
      tx,
      sql`select ${ROW_COLUMNS}, ${key}${sorting.column === 'occurredAt' ? sql`::text` : sql``} as "sortValue"
          from ${DETAIL_FROM} where ${factWhere(f)} ${after}
          order by ${orderBy(sorting)} limit ${batchSize}`,
    );
    const last = rows[rows.length - 1];
    return {
      rows: rows.map(({ sortValue: _sortValue, ...row }) => row),
      next: rows.length === batchSize && last ? { value: last.sortValue, lineId: last.lineId } : null,
    };
  });
}
