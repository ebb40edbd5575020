// Keeps the sales cubes (db/schema/gold-cubes.ts) equal to aggregates of gold.fact_sales, from the one
// definition: every statement here is generated from a cube's keys and grains.
// - rebuildCubeDays: a slice's day rows recomputed from the facts (the seeder: every row; the ETL: the
//   (day, store) pairs whose old facts changed customer, and the (day, region)s holding them).
// - addBatchToCubes: a batch's new lines added to the rows they belong to, one statement per cube at every
//   grain (and to the spans, for lines of days the spans already hold), so a batch costs what it carries,
//   not what the day already holds.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { ROLLUP_MEASURE_COLUMNS } from '@/db/schema/gold';
import { CATEGORY_SET_BITS, CUBES, SPAN_LEVELS, cubeTableName, placeColumns, type CubeDefinition, type CubeGrain, type CubeKey, type CubeName } from '@/db/schema/gold-cubes';
import { dateArray, intArray, smallintArray } from '@/db/sql';
import { spanHolding } from '@/lib/calendar/day-spans';
import { dateKeyOf } from '@/lib/calendar/days';
import { GUEST_SEGMENT } from '@/lib/filters/segments';
import { BATCH_LINES, type BatchLines } from './batch-lines';
import { addToSpans, HORIZON_KEY, type SpanFamily } from './span-rollups';

/** Each key as an expression over a fact (alias `line`), its product and its customer version. */
function keyOf(key: CubeKey, line: string, product: string, customer: string): SQL {
  switch (key) {
    case 'segment': return sql`coalesce(${sql.raw(customer)}.segment, ${GUEST_SEGMENT})`;
    case 'category': return sql.raw(`${product}.category`);
    case 'subcategory': return sql.raw(`${product}.subcategory`);
    case 'category_set': throw new Error('a basket\'s category set comes from all its lines (see the basket_mixes statements)');
    default: return sql.raw(`${line}.${key}`);
  }
}

const MEASURES_FROM_FACTS = sql`count(*), sum(f.quantity), count(distinct f.transaction_id),
  sum(f.gross), sum(f.discount), sum(f.net), sum(f.cost)`;

const measureList = sql.raw(ROLLUP_MEASURE_COLUMNS.join(', '));

const raw = (columns: readonly string[], alias?: string) => sql.raw(columns.map((c) => (alias ? `${alias}.${c}` : c)).join(', '));

/** Every cube table, day rows and spans at each grain. */
export const CUBE_TABLES: readonly string[] = CUBES.flatMap((cube) =>
  cube.grains.flatMap((grain) => [cubeTableName(cube.name, grain, false), cubeTableName(cube.name, grain, true)]),
);

/** Every cube's day rows, at each grain. */
export const CUBE_DAY_TABLES: readonly string[] = CUBES.flatMap((cube) => cube.grains.map((grain) => cubeTableName(cube.name, grain, false)));

/** The span families of the cubes, for lib/etl/rollups/span-rollups.ts. */
export const CUBE_SPAN_FAMILIES: readonly SpanFamily[] = CUBES.flatMap((cube) =>
  cube.grains.map((grain) => spanFamily(cube, grain)),
);

function spanFamily(cube: CubeDefinition, grain: CubeGrain): SpanFamily {
  return {
    spans: cubeTableName(cube.name as CubeName, grain, true),
    days: cubeTableName(cube.name as CubeName, grain, false),
    keys: [...placeColumns(grain), ...cube.keys],
    conflictKeys: [grain === 'store' ? 'store_key' : 'region_id', ...cube.keys],
    merge: 'sum',
  };
}

/**
 * Replaces a cube's day rows matching `where` (over facts `f`; a slice of days and stores or of days and
 * regions) with fresh aggregates; `rows` is the same slice over the cube table's alias `r`. Rows are
 * written in date order, so a seeded table keeps each date range on neighbouring pages.
 */
export async function rebuildCubeDays(db: Database, grain: CubeGrain, where: { facts: SQL; rows: SQL }): Promise<void> {
  for (const cube of CUBES) {
    if (!(cube.grains as readonly CubeGrain[]).includes(grain)) continue;
    const table = sql.raw(`gold.${cubeTableName(cube.name, grain, false)}`);
    const place = placeColumns(grain);
    if (holdsCategorySets(cube)) {
      await db.execute(sql`delete from ${table} r where ${where.rows}`);
      await db.execute(sql`
        insert into ${table} (date_key, ${raw(place)}, segment, category_set, ${measureList})
        select b.date_key, ${raw(place, 'b')}, b.segment, b.category_set, ${BASKET_SUMS}
        from (${basketsOf(where.facts)}) b
        group by 1, ${raw(place.map((_, i) => String(i + 2)))}, ${sql.raw(`${place.length + 2}, ${place.length + 3}`)} order by 1, 2`);
      continue;
    }
    const keys = cube.keys.map((k) => keyOf(k, 'f', 'p', 'c'));
    const groups = sql.raw(Array.from({ length: 1 + place.length + keys.length }, (_, i) => String(i + 1)).join(', '));
    await db.execute(sql`delete from ${table} r where ${where.rows}`);
    await db.execute(sql`
      insert into ${table} (date_key, ${raw(place)}, ${raw(cube.keys)}, ${measureList})
      select f.date_key, ${raw(place, 'f')}${keys.length ? sql`, ${sql.join(keys, sql`, `)}` : sql``}, ${MEASURES_FROM_FACTS}
      from gold.fact_sales f
      ${needsProduct(cube) ? sql`join gold.dim_product p on p.product_key = f.product_key` : sql``}
      ${needsCustomer(cube) ? sql`left join gold.dim_customer c on c.customer_sk = f.customer_sk` : sql``}
      where ${where.facts}
      group by ${groups} order by 1, 2`);
  }
}

const holdsCategorySets = (cube: CubeDefinition) => cube.keys.includes('category_set');

/** The bit of category (alias) `b`, as an int with that one bit set. */
const CATEGORY_BIT = (b: string) => sql.raw(`(1 << ${b}.bit)`);

/**
 * The baskets among the facts matching `where` (alias `f`): one row per (day, store, basket, segment) with
 * the set of categories among those lines and their sums. A basket is its store, day and transaction id,
 * as everywhere else (lines under another customer version count apart, as in every cube's segment rows).
 */
function basketsOf(where: SQL): SQL {
  return sql`
    select ${basketColumns(sql`coalesce(c.segment, ${GUEST_SEGMENT})`)}
    from gold.fact_sales f
    join gold.dim_product p on p.product_key = f.product_key
    join gold.category_bits cb on cb.category = p.category
    left join gold.dim_customer c on c.customer_sk = f.customer_sk
    where ${where}
    group by 1, 2, 3, 4, 5`;
}

/** The same for the batch's new lines (BATCH_LINES, which carry their category and segment). */
const BATCH_BASKETS = sql`
  select ${basketColumns(sql`f.segment`)}
  from ${BATCH_LINES} f join gold.category_bits cb on cb.category = f.category
  group by 1, 2, 3, 4, 5`;

/** A basket's columns over its lines (alias `f`, category bits `cb`), grouped by the first five. */
function basketColumns(segment: SQL): SQL {
  return sql`f.date_key, f.store_key, f.region_id, f.transaction_id, ${segment} as segment,
      bit_or(${CATEGORY_BIT('cb')}) as category_set, count(*) as lines, sum(f.quantity) as units,
      sum(f.gross) as gross, sum(f.discount) as discount, sum(f.net) as net, sum(f.cost) as cost`;
}

/** Baskets (alias `b`, from basketsOf) summed into cube rows: each basket counts once. */
const BASKET_SUMS = sql`sum(b.lines), sum(b.units), count(*), sum(b.gross), sum(b.discount), sum(b.net), sum(b.cost)`;

/**
 * Gives every category among the facts matching `where` (alias `f`) that has no bit yet the next one, in
 * name order; from CATEGORY_SET_BITS on, they share the last. Callers hold `lockRollups`.
 */
export async function numberCategories(db: Database, where: SQL): Promise<void> {
  await db.execute(sql`
    insert into gold.category_bits (category, bit)
    select x.category, least(${CATEGORY_SET_BITS}, (select count(*) from gold.category_bits) + row_number() over (order by x.category) - 1)
    from (select distinct p.category from gold.fact_sales f join gold.dim_product p on p.product_key = f.product_key where ${where}) x
    where not exists (select 1 from gold.category_bits b where b.category = x.category)
    order by x.category
    on conflict (category) do nothing`);
}

const needsProduct = (cube: CubeDefinition) => cube.keys.some((k) => k === 'category' || k === 'subcategory');
const needsCustomer = (cube: CubeDefinition) => cube.keys.includes('segment');

/**
 * Adds a batch of newly inserted fact lines (loaded into BATCH_LINES) to every cube. Sums add up; a basket
 * counts in a row only if none of its lines was already in that row (lines of one basket may arrive in
 * several batches), which the index on (store, day, basket) answers per basket. Callers hold
 * `lockRollups`, so concurrent workers add in turn and each sees the lines the others committed.
 */
export async function addBatchToCubes(db: Database, lineIds: readonly number[], { split }: BatchLines): Promise<void> {
  const ids = intArray(lineIds);
  const batch = sql`select * from ${BATCH_LINES}`;
  await numberCategories(db, sql`f.sales_line_id = any(${ids}::bigint[])`);
  for (const cube of CUBES) {
    if (holdsCategorySets(cube)) {
      await addBatchToCategorySets(db, cube, ids, split);
      continue;
    }
    const sameKeys = cube.keys.map((k) => sql`${keyOf(k, 'o', 'op', 'oc')} = b.${sql.raw(k)}`);
    const seen = sql`exists (
      select 1 from gold.fact_sales o
      ${needsProduct(cube) ? sql`join gold.dim_product op on op.product_key = o.product_key` : sql``}
      ${needsCustomer(cube) ? sql`left join gold.dim_customer oc on oc.customer_sk = o.customer_sk` : sql``}
      where o.store_key = b.store_key and o.date_key = b.date_key and o.transaction_id = b.transaction_id
        and o.sales_line_id <> all(${ids}::bigint[])${sql.join(sameKeys.map((k) => sql` and ${k}`), sql``)})`;
    const byStore = raw(['date_key', 'store_key', 'region_id', ...cube.keys]);
    const byRegion = raw(['date_key', 'region_id', ...cube.keys]);
    const add = sql.raw(ROLLUP_MEASURE_COLUMNS.map((c) => `${c} = t.${c} + excluded.${c}`).join(', '));
    // The batch's changes at store grain (d), then summed over stores (dr): a basket belongs to one store.
    const parts: SQL[] = [
      sql`d as (
        select ${byStore}, count(*) as lines, sum(b.quantity) as units,
          count(distinct b.transaction_id) filter (where not b.seen) as transactions,
          sum(b.gross) as gross, sum(b.discount) as discount, sum(b.net) as net, sum(b.cost) as cost
        from (select b.*, ${split ? seen : sql`false`} as seen from (${batch}) b) b
        group by ${byStore})`,
      sql`dr as (select ${byRegion}, ${sql.raw(ROLLUP_MEASURE_COLUMNS.map((c) => `sum(${c}) as ${c}`).join(', '))} from d group by ${byRegion})`,
    ];
    for (const grain of cube.grains as readonly CubeGrain[]) {
      const changes = grain === 'store' ? 'd' : 'dr';
      const conflict = raw(['date_key', grain === 'store' ? 'store_key' : 'region_id', ...cube.keys]);
      const columns = raw(['date_key', ...placeColumns(grain), ...cube.keys]);
      parts.push(sql`${sql.raw(`${grain}_days`)} as (
        insert into ${sql.raw(`gold.${cubeTableName(cube.name, grain, false)}`)} as t (${columns}, ${measureList})
        select ${columns}, ${measureList} from ${sql.raw(changes)}
        on conflict (${conflict}) do update set ${add})`);
      parts.push(sql`${sql.raw(`${grain}_spans`)} as (${addToSpans(spanFamily(cube, grain), changes)})`);
    }
    await db.execute(sql`with ${sql.join(parts, sql`, `)} select 1`);
  }
}

/**
 * The batch's baskets into the category-set cube. A basket that had lines before this batch moves: its
 * old row (its earlier lines' set) loses it, and the row of its set with the new lines gains it with all
 * its lines; rows left with no basket are deleted, so the cube holds what the facts give.
 */
async function addBatchToCategorySets(db: Database, cube: CubeDefinition, ids: SQL, split: boolean): Promise<void> {
  const basket = ['date_key', 'store_key', 'region_id', 'transaction_id', 'segment'];
  const sums = ['lines', 'units', 'gross', 'discount', 'net', 'cost'];
  const earlier = sql`${basketsOf(sql`(f.store_key, f.date_key, f.transaction_id) in (select store_key, date_key, transaction_id from nb)
      and f.sales_line_id <> all(${ids}::bigint[])`)}`;
  const byStore = raw(['date_key', 'store_key', 'region_id', ...cube.keys]);
  const byRegion = raw(['date_key', 'region_id', ...cube.keys]);
  const total = (c: string) => `sum(${c}) as ${c}`;
  const parts: SQL[] = [
    sql`nb as (${BATCH_BASKETS})`,
    // only where a basket of the batch has earlier lines: the segment must match too, as in basketsOf
    sql`ob as (${split ? sql`select o.* from (${earlier}) o join nb using (date_key, store_key, transaction_id, segment)` : sql`select * from nb where false`})`,
    sql`moves as (
      select ${raw(basket.filter((c) => c !== 'transaction_id'), 'nb')}, nb.category_set | coalesce(ob.category_set, 0) as category_set,
        1 as transactions, ${sql.raw(sums.map((c) => `nb.${c} + coalesce(ob.${c}, 0) as ${c}`).join(', '))}
      from nb left join ob using (date_key, store_key, transaction_id, segment)
      union all
      select ${raw(basket.filter((c) => c !== 'transaction_id'), 'ob')}, ob.category_set, -1, ${sql.raw(sums.map((c) => `-ob.${c}`).join(', '))}
      from ob)`,
    sql`d as (select ${byStore}, ${sql.raw(ROLLUP_MEASURE_COLUMNS.map(total).join(', '))} from moves group by ${byStore})`,
    sql`dr as (select ${byRegion}, ${sql.raw(ROLLUP_MEASURE_COLUMNS.map(total).join(', '))} from d group by ${byRegion})`,
  ];
  const add = sql.raw(ROLLUP_MEASURE_COLUMNS.map((c) => `${c} = t.${c} + excluded.${c}`).join(', '));
  for (const grain of cube.grains as readonly CubeGrain[]) {
    const changes = grain === 'store' ? 'd' : 'dr';
    const conflict = raw(['date_key', grain === 'store' ? 'store_key' : 'region_id', ...cube.keys]);
    const columns = raw(['date_key', ...placeColumns(grain), ...cube.keys]);
    parts.push(sql`${sql.raw(`${grain}_days`)} as (
      insert into ${sql.raw(`gold.${cubeTableName(cube.name as CubeName, grain, false)}`)} as t (${columns}, ${measureList})
      select ${columns}, ${measureList} from ${sql.raw(changes)}
      on conflict (${conflict}) do update set ${add})`);
    parts.push(sql`${sql.raw(`${grain}_spans`)} as (${addToSpans(spanFamily(cube, grain), changes)})`);
  }
  await db.execute(sql`with ${sql.join(parts, sql`, `)} select 1`);
  if (!split) return;
  // A basket that moved may have left its old row (day, and span for a day the spans hold) with nothing in it.
  const touched = await queryRows<{ day: string; closed: boolean }>(db, sql`
    select distinct to_date(f.date_key::text, 'YYYYMMDD')::text as day, f.date_key <= ${HORIZON_KEY} as closed
    from ${BATCH_LINES} f`);
  const closed = touched.filter((t) => t.closed).flatMap((t) => Array.from({ length: SPAN_LEVELS }, (_, i) => spanHolding(t.day, i + 1)));
  for (const grain of cube.grains as readonly CubeGrain[]) {
    await db.execute(sql`delete from ${sql.raw(`gold.${cubeTableName(cube.name as CubeName, grain, false)}`)}
      where transactions = 0 and date_key = any(${intArray(touched.map((t) => dateKeyOf(t.day)))})`);
    if (closed.length === 0) continue;
    await db.execute(sql`delete from ${sql.raw(`gold.${cubeTableName(cube.name as CubeName, grain, true)}`)}
      where transactions = 0
        and (level, first_day) in (select * from unnest(${smallintArray(closed.map((s) => s.level))}, ${dateArray(closed.map((s) => s.first))}))`);
  }
}
