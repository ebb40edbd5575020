// The sales rollups the dashboards read, declared once. A cube names the keys it keeps besides the day and
// the place; each exists at store and/or region grain, and at each grain as day rows and as spans over
// aligned runs of days (lib/calendar/day-spans). The tables, the ETL that fills them
// (lib/etl/rollups/cubes.ts), the planner that picks one (lib/queries/internal/source-plan.ts) and the
// tests that check them against the facts are all generated from CUBES.
import { date, integer, primaryKey, smallint, text, type AnyPgColumn, type PgColumnBuilderBase } from 'drizzle-orm/pg-core';
import { goldSchema, rollupMeasures } from './gold';
import { regionPolicy } from './roles';

/**
 * What a cube row may be keyed by besides day and place. Basket keys hold one value per basket (its
 * customer's segment, its store-local hour and weekday), so basket counts add up across them; line keys
 * (category, subcategory, product) do not: a basket with two categories counts once in each.
 */
export const CUBE_KEYS = {
  segment: { level: 'basket', column: () => text('segment').notNull() },
  hour: { level: 'basket', column: () => smallint('hour').notNull() },
  weekday: { level: 'basket', column: () => smallint('weekday').notNull() },
  category: { level: 'line', column: () => text('category').notNull() },
  subcategory: { level: 'line', column: () => text('subcategory').notNull() },
  product_key: { level: 'line', column: () => integer('product_key').notNull() },
  // The set of categories a basket has lines in, one bit each (gold.category_bits): a basket is in exactly
  // one row whatever it holds, so "baskets with a line in any of these categories" adds up over the rows
  // whose set meets the filter's. Derived from all of a basket's lines, not from one line.
  category_set: { level: 'basket', column: () => integer('category_set').notNull() },
} as const satisfies Record<string, { level: 'basket' | 'line'; column: () => PgColumnBuilderBase }>;

export type CubeKey = keyof typeof CUBE_KEYS;
export type CubeGrain = 'store' | 'region';

export interface CubeDefinition {
  name: string;
  /** In the order of the primary key after day and place (filtered keys first read fewer index pages). */
  keys: readonly CubeKey[];
  grains: readonly CubeGrain[];
}

/** Smallest first: the planner takes the first cube that covers a question. */
export const CUBES = [
  { name: 'baskets', keys: ['segment'], grains: ['store', 'region'] },
  { name: 'hours', keys: ['hour', 'weekday'], grains: ['store', 'region'] },
  { name: 'hour_segments', keys: ['segment', 'hour', 'weekday'], grains: ['region'] },
  { name: 'categories', keys: ['category', 'segment'], grains: ['store', 'region'] },
  { name: 'subcategories', keys: ['category', 'subcategory', 'segment'], grains: ['region'] },
  { name: 'hour_mix', keys: ['category', 'segment', 'hour', 'weekday'], grains: ['region'] },
  { name: 'products', keys: ['category', 'subcategory', 'product_key'], grains: ['region'] },
  // Basket counts under several categories at once (the others count a two-category basket twice). Its
  // measures are whole baskets' (every line, whatever its category): the planner reads only its counts.
  { name: 'basket_mixes', keys: ['segment', 'category_set'], grains: ['store', 'region'] },
] as const satisfies readonly CubeDefinition[];

export type CubeName = (typeof CUBES)[number]['name'];

/**
 * Categories with a bit of their own in category_set: bits 0–29. Any further category shares bit 30, and
 * a filter naming one of those cannot be answered from the sets (the planner then reads the facts).
 */
export const CATEGORY_SET_BITS = 30;

/** The widest span: 2^10 = 1,024 days, so even a two-year range reads a few dozen rows per key. */
export const SPAN_LEVELS = 10;

/** A cube's table at a grain: its day rows, or its spans. */
export const cubeTableName = (cube: CubeName, grain: CubeGrain, spans: boolean) => `agg_${cube}_by_${grain}${spans ? '_spans' : ''}`;

/** The place columns of a grain: a store row also carries its region, for row-level security. */
export const placeColumns = (grain: CubeGrain): readonly string[] => (grain === 'store' ? ['store_key', 'region_id'] : ['region_id']);

function cubeTable(cube: CubeDefinition, grain: CubeGrain, spans: boolean) {
  const name = cubeTableName(cube.name as CubeName, grain, spans);
  const columns: Record<string, PgColumnBuilderBase> = {
    ...(spans
      ? { level: smallint('level').notNull(), firstDay: date('first_day', { mode: 'string' }).notNull() }
      : { dateKey: integer('date_key').notNull() }),
    ...(grain === 'store' ? { storeKey: integer('store_key').notNull() } : {}),
    regionId: smallint('region_id').notNull(),
    ...Object.fromEntries(cube.keys.map((k) => [k, CUBE_KEYS[k].column()])),
    ...rollupMeasures(),
  };
  return goldSchema.table(name, columns, (t) => {
    const columns = t as unknown as Record<string, AnyPgColumn>;
    // a store's region is not part of the key: the store decides it
    const [first, ...rest] = [...(spans ? ['level', 'firstDay'] : ['dateKey']), grain === 'store' ? 'storeKey' : 'regionId', ...cube.keys]
      .map((c) => columns[c]);
    return [primaryKey({ columns: [first, ...rest] }), regionPolicy(name)];
  });
}

const table = (name: CubeName, grain: CubeGrain, spans: boolean) => cubeTable(CUBES.find((c) => c.name === name)!, grain, spans);

// Named one by one because drizzle-kit finds tables among a schema file's exports.
export const aggBasketsByStore = table('baskets', 'store', false);
export const aggBasketsByStoreSpans = table('baskets', 'store', true);
export const aggBasketsByRegion = table('baskets', 'region', false);
export const aggBasketsByRegionSpans = table('baskets', 'region', true);
export const aggHoursByStore = table('hours', 'store', false);
export const aggHoursByStoreSpans = table('hours', 'store', true);
export const aggHoursByRegion = table('hours', 'region', false);
export const aggHoursByRegionSpans = table('hours', 'region', true);
export const aggHourSegmentsByRegion = table('hour_segments', 'region', false);
export const aggHourSegmentsByRegionSpans = table('hour_segments', 'region', true);
export const aggCategoriesByStore = table('categories', 'store', false);
export const aggCategoriesByStoreSpans = table('categories', 'store', true);
export const aggCategoriesByRegion = table('categories', 'region', false);
export const aggCategoriesByRegionSpans = table('categories', 'region', true);
export const aggSubcategoriesByRegion = table('subcategories', 'region', false);
export const aggSubcategoriesByRegionSpans = table('subcategories', 'region', true);
export const aggHourMixByRegion = table('hour_mix', 'region', false);
export const aggHourMixByRegionSpans = table('hour_mix', 'region', true);
export const aggProductsByRegion = table('products', 'region', false);
export const aggProductsByRegionSpans = table('products', 'region', true);
export const aggBasketMixesByStore = table('basket_mixes', 'store', false);
export const aggBasketMixesByStoreSpans = table('basket_mixes', 'store', true);
export const aggBasketMixesByRegion = table('basket_mixes', 'region', false);
export const aggBasketMixesByRegionSpans = table('basket_mixes', 'region', true);
