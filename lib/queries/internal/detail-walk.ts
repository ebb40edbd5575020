// The detail table's orders, and walks along them that read the rows they return rather than the view.
// Every order is total, all of it in the sort's direction: by a fact column (time, quantity, net,
// discount) then the line id; by a dimension, member by member (stores by code, or by region name then
// code; products by name, or by category then name, then key), and within a member by time, then line id.
// A walk starts at an end of the order or next to a row (the anchor), so page N+1 never reads the N pages
// before it. The indexes each walk uses are declared, with the sort they serve, in db/schema/gold.ts:
// - time and amounts are walked on their own index from the anchor's position; the range, the scope and a
//   store or category filter are checked on the index entries, and the walk stops after the page. Prices
//   follow the category, so with a category filter an amount order is read per product instead: over a
//   month or less, the products' lines of the range (from their time index) and the page kept; over more,
//   each product's first lines by net merged (quantity and discount walk the order over all lines);
// - a dimension is walked member by member in its order, each member's lines of the range read on the
//   member's (key, day, time, line) index, and no further than the page needs. Postgres 15 cannot skip
//   through an index by its first column, so the member loop is the SQL's own (a lateral join over the
//   members in order): sorting by a dimension attribute never sorts the facts.
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { intArray, smallintArray, textArray } from '@/db/sql';
import { daysBetween } from '@/lib/calendar/days';
import type { SortColumn, TableSort } from '@/lib/filters/dashboard-state';
import { factWhere, type QueryFilters } from './filter-sql';

/** A line's place in every order. Its time travels as Postgres's own text, cast back in the same transaction. */
export interface Anchor {
  lineId: number;
  dateKey: number;
  occurredAt: string;
  quantity: number;
  netCents: number;
  discountCents: number;
  storeKey: number;
  storeCode: string;
  region: string;
  productKey: number;
  category: string;
  product: string;
}

/** A line by id, as the scope sees it (row-level security); null when the scope cannot see it. */
export async function readAnchor(tx: Database, lineId: number): Promise<Anchor | null> {
  const [anchor] = await queryRows<Anchor>(
    tx,
    sql`select f.sales_line_id::float8 as "lineId", f.date_key as "dateKey", f.occurred_at::text as "occurredAt", f.quantity,
          f.net_cents::float8 as "netCents", f.discount_cents::float8 as "discountCents", f.store_key as "storeKey",
          s.store_code as "storeCode", dr.name as region, f.product_key as "productKey", p.category, p.name as product
        from gold.fact_sales f join gold.dim_store s on s.store_key = f.store_key join gold.dim_region dr on dr.region_id = f.region_id
          join gold.dim_product p on p.product_key = f.product_key
        where f.sales_line_id = ${lineId}`,
  );
  return anchor ?? null;
}

export interface Walk {
  sort: TableSort;
  /** Start next to this line (after it, or before it walking backward); null: at an end of the order. */
  from: Anchor | null;
  /** Walk the order in reverse: the rows before a position, or a page counted from the end. */
  backward: boolean;
  /** Rows to pass over first (page jumps only; a walk from an anchor passes over none). */
  offset: number;
  limit: number;
}

/** The line ids of a walk, in the walk's order. */
export async function walkLineIds(tx: Database, filters: QueryFilters, walk: Walk): Promise<number[]> {
  if (filters.nothing || walk.limit <= 0) return [];
  const f = await withProductKeys(tx, filters);
  if (f.productKeys?.length === 0) return [];
  const ascending = (walk.sort.direction === 'asc') !== walk.backward;
  const column = walk.sort.column;
  if (column === 'occurredAt') return walkFacts(tx, f, walk, TIME, ascending);
  const amount = AMOUNTS[column];
  if (!amount) return walkMembers(tx, f, walk, MEMBER_ORDERS[column]!, ascending);
  const order: Position = [amount, LINE];
  if (!f.productKeys) return walkFacts(tx, f, walk, order, ascending);
  if (daysBetween(f.from, f.to) + 1 <= SHORT_RANGE_DAYS) return readProducts(tx, f, walk, order, ascending, 'all of the range');
  if (column === 'net') return readProducts(tx, f, walk, order, ascending, 'first by the order');
  return walkFacts(tx, f, walk, order, ascending);
}

/** The filters with a category or subcategory filter resolved to the products it names (undefined: no such filter). */
interface WalkFilters extends QueryFilters {
  readonly productKeys?: readonly number[];
}

/**
 * Product keys travel as a constant array, which Postgres checks through a hash table: an array computed
 * in the statement is searched item by item for every index entry a walk passes.
 */
async function withProductKeys(tx: Database, f: QueryFilters): Promise<WalkFilters> {
  if (!f.categories.length && !f.subcategories.length) return f;
  const rows = await queryRows<{ key: number }>(tx, sql`select p.product_key as key from gold.dim_product p where ${productFilter(f)}`);
  return { ...f, productKeys: rows.map((r) => r.key) };
}

/** Up to this many days, a category's lines of the range are few enough to read and keep a page of. */
const SHORT_RANGE_DAYS = 31;

type Position = [column: SQL, value: (a: Anchor) => unknown][];

/** Within a member, and the whole of the time order: the day, the time, the line. */
const TIME: Position = [
  [sql`f.date_key`, (a) => a.dateKey],
  [sql`f.occurred_at`, (a) => sql`${a.occurredAt}::timestamptz`],
  [sql`f.sales_line_id`, (a) => a.lineId],
];
const LINE: Position[number] = [sql`f.sales_line_id`, (a) => a.lineId];

/** The amount orders, by the integer each is indexed as (cents: see db/schema/gold.ts). */
const AMOUNTS: Partial<Record<SortColumn, Position[number]>> = {
  quantity: [sql`f.quantity`, (a) => a.quantity],
  net: [sql`f.net_cents`, (a) => a.netCents],
  discount: [sql`f.discount_cents`, (a) => a.discountCents],
};

interface MemberOrder {
  /** The fact column naming the member. */
  factKey: SQL;
  anchorKey: (a: Anchor) => number;
  /** The members in the filters and the scope, as `key` and the columns they sort by (RLS cuts stores to the scope). */
  members: (f: WalkFilters) => SQL;
  order: Position;
  /** The filters with those the members already meet left out (said again, they only skew row estimates). */
  rest: (f: WalkFilters) => WalkFilters;
}

const storeMembers = (f: WalkFilters) =>
  sql`select s.store_key as key, s.store_code, dr.name as region from gold.dim_store s join gold.dim_region dr on dr.region_id = s.region_id
      where s.region_id = any(${smallintArray(f.regionIds)}) ${f.storeKeys.length ? sql`and s.store_key = any(${intArray(f.storeKeys)})` : sql``}`;
const productMembers = (f: WalkFilters) =>
  sql`select p.product_key as key, p.category, p.name from gold.dim_product p
      ${f.productKeys ? sql`where p.product_key = any(${intArray(f.productKeys)})` : sql``}`;
const withoutStoreFilter = (f: WalkFilters): WalkFilters => ({ ...f, storeKeys: [] });
const withoutProductFilter = (f: WalkFilters): WalkFilters => ({ ...f, categories: [], subcategories: [], productKeys: undefined });

const MEMBER_ORDERS: Partial<Record<SortColumn, MemberOrder>> = {
  store: {
    factKey: sql`f.store_key`, anchorKey: (a) => a.storeKey, members: storeMembers, rest: withoutStoreFilter,
    order: [[sql`m.store_code`, (a) => a.storeCode]],
  },
  region: {
    factKey: sql`f.store_key`, anchorKey: (a) => a.storeKey, members: storeMembers, rest: withoutStoreFilter,
    order: [[sql`m.region`, (a) => a.region], [sql`m.store_code`, (a) => a.storeCode]],
  },
  category: {
    factKey: sql`f.product_key`, anchorKey: (a) => a.productKey, members: productMembers, rest: withoutProductFilter,
    order: [[sql`m.category`, (a) => a.category], [sql`m.name`, (a) => a.product], [sql`m.key`, (a) => a.productKey]],
  },
  product: {
    factKey: sql`f.product_key`, anchorKey: (a) => a.productKey, members: productMembers, rest: withoutProductFilter,
    order: [[sql`m.name`, (a) => a.product], [sql`m.key`, (a) => a.productKey]],
  },
};

/** The category and subcategory filters on dim_product `p`. */
function productFilter(f: QueryFilters): SQL {
  const parts = [sql`true`];
  if (f.categories.length) parts.push(sql`p.category = any(${textArray(f.categories)})`);
  if (f.subcategories.length) parts.push(sql`p.subcategory = any(${textArray(f.subcategories)})`);
  return sql.join(parts, sql` and `);
}

/**
 * The filters on the facts `f` (joined to customers `c` for a segment filter). A category filter is said
 * as the product keys it names, which the index entries carry: a join to products would read each row.
 */
function walkWhere(f: WalkFilters): SQL {
  const where = factWhere(withoutProductFilter(f));
  return f.productKeys ? sql`${where} and f.product_key = any(${intArray(f.productKeys)})` : where;
}

function customerJoin(f: WalkFilters): SQL {
  return f.segments.length ? sql`left join gold.dim_customer c on c.customer_sk = f.customer_sk` : sql``;
}

function orderBy(position: Position, ascending: boolean, alias?: string): SQL {
  const dir = sql.raw(ascending ? 'asc' : 'desc');
  return sql.join(position.map(([column], i) => sql`${alias ? sql.raw(`${alias}.c${i}`) : column} ${dir}`), sql`, `);
}

/** `(columns) > (the anchor's values)` in the walk's direction: past the anchor (the columns as c0, c1, … of `alias`). */
function past(position: Position, anchor: Anchor, ascending: boolean, alias?: string): SQL {
  const columns = sql.join(position.map(([column], i) => (alias ? sql.raw(`${alias}.c${i}`) : column)), sql`, `);
  const values = sql.join(position.map(([, value]) => sql`${value(anchor)}`), sql`, `);
  return sql`(${columns}) ${sql.raw(ascending ? '>' : '<')} (${values})`;
}

/** The columns of a position, named c0, c1, … for an outer query to order by. */
function selectPosition(position: Position): SQL {
  return sql.join(position.map(([column], i) => sql`${column} as ${sql.raw(`c${i}`)}`), sql`, `);
}

async function lineIds(tx: Database, query: SQL): Promise<number[]> {
  return (await queryRows<{ id: number }>(tx, query)).map((r) => r.id);
}

/** An order over all lines, walked on its index from the anchor (or an end) and stopped after the page. */
function walkFacts(tx: Database, f: WalkFilters, walk: Walk, position: Position, ascending: boolean): Promise<number[]> {
  return lineIds(
    tx,
    sql`select f.sales_line_id::float8 as id from gold.fact_sales f ${customerJoin(f)}
        where ${walkWhere(f)} ${walk.from ? sql`and ${past(position, walk.from, ascending)}` : sql``}
        order by ${orderBy(position, ascending)} limit ${walk.limit} offset ${walk.offset}`,
  );
}

/**
 * An amount order under a category filter, product by product, the page kept from their union: either all
 * of each product's lines in the range (short ranges: on the product time index, which carries the
 * amounts; the anchor is applied to what they read, or Postgres would seek each product's lines on the
 * amount's index over all lines), or each product's first lines in the order past the anchor (long
 * ranges: on the product net index). `offset 0` keeps Postgres from flattening the product loop.
 */
function readProducts(
  tx: Database, f: WalkFilters, walk: Walk, position: Position, ascending: boolean, each: 'all of the range' | 'first by the order',
): Promise<number[]> {
  const rest = withoutProductFilter(f);
  const ranked = each === 'first by the order';
  const inner = ranked
    ? sql`${walk.from ? sql`and ${past(position, walk.from, ascending)}` : sql``} order by ${orderBy(position, ascending)} limit ${walk.offset + walk.limit}`
    : sql`offset 0`;
  return lineIds(
    tx,
    sql`select x.c${sql.raw(String(position.length - 1))}::float8 as id
        from (${productMembers(f)}) m
        cross join lateral (
          select ${selectPosition(position)} from gold.fact_sales f ${customerJoin(rest)}
          where f.product_key = m.key and ${walkWhere(rest)} ${inner}) x
        ${!ranked && walk.from ? sql`where ${past(position, walk.from, ascending, 'x')}` : sql``}
        order by ${orderBy(position, ascending, 'x')} limit ${walk.limit} offset ${walk.offset}`,
  );
}

/**
 * A dimension order: first the rest of the anchor's own member (its lines past the anchor, on the member's
 * index from the anchor's place), then the members after it, each read until the page is full.
 */
async function walkMembers(tx: Database, f: WalkFilters, walk: Walk, member: MemberOrder, ascending: boolean): Promise<number[]> {
  const ids: number[] = [];
  if (walk.from) {
    ids.push(
      ...(await lineIds(
        tx,
        sql`select f.sales_line_id::float8 as id from gold.fact_sales f ${customerJoin(f)}
            where ${member.factKey} = ${member.anchorKey(walk.from)} and ${walkWhere(f)} and ${past(TIME, walk.from, ascending)}
            order by ${orderBy(TIME, ascending)} limit ${walk.limit}`,
      )),
    );
    if (ids.length === walk.limit) return ids;
  }
  const rest = member.rest(f);
  const memberOrder = orderBy(member.order, ascending);
  const limit = walk.limit - ids.length;
  ids.push(
    ...(await lineIds(
      tx,
      sql`select x.c2::float8 as id
          from (select * from (${member.members(f)}) m ${walk.from ? sql`where ${past(member.order, walk.from, ascending)}` : sql``}
                order by ${memberOrder}) m
          cross join lateral (
            select ${selectPosition(TIME)} from gold.fact_sales f ${customerJoin(rest)}
            where ${member.factKey} = m.key and ${walkWhere(rest)}
            order by ${orderBy(TIME, ascending)} limit ${walk.offset + limit}) x
          order by ${memberOrder}, ${orderBy(TIME, ascending, 'x')} limit ${limit} offset ${walk.offset}`,
    )),
  );
  return ids;
}
