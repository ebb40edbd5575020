// Seeded random dashboard views, as people exploring the portal make them: for each request an endpoint,
// a date range, regions, stores, categories, segments, maybe a cross-filter selection and a drill path,
// always within the explorer's own regions. The same seed gives the same sequence for each explorer.
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { DEMO_USERS } from '@/lib/auth/demo-users';
import { addDays, daysBetween } from '@/lib/calendar/days';
import { REPORT_SEGMENTS } from '@/lib/filters/segments';
import { SORTABLE_COLUMNS } from '@/lib/filters/dashboard-state';
import { BREAKDOWN_DIMENSIONS, type BreakdownDimension } from '@/lib/queries/get-breakdown';
import { streamFor, type Random } from '@/lib/seed/random';

export const DASHBOARDS = ['sales', 'products', 'customers'] as const;
export type Dashboard = (typeof DASHBOARDS)[number];

export type EndpointKind = 'kpis' | `breakdown:${BreakdownDimension}` | 'transactions' | `page:${Dashboard}`;

/** Every endpoint a request may go to, each as likely as the others. */
export const ENDPOINT_KINDS: readonly EndpointKind[] = [
  'kpis',
  ...BREAKDOWN_DIMENSIONS.map((d) => `breakdown:${d}` as const),
  'transactions',
  ...DASHBOARDS.map((d) => `page:${d}` as const),
];

/** What the dataset offers to filter on, read once from gold. */
export interface ViewCatalog {
  firstDay: string;
  lastDay: string;
  storesByRegion: Record<string, string[]>;
  /** Category → its subcategories. */
  subcategories: Record<string, string[]>;
}

export interface Selection {
  dimension: 'hour' | 'weekday' | 'category';
  key: string;
}

/** One view in the URL's terms; `regions` empty means all of the explorer's regions. */
export interface View {
  from: string;
  to: string;
  regions: string[];
  stores: string[];
  categories: string[];
  segments: string[];
  selection: Selection | null;
  /** Products dashboard only: a category, or a category and one of its subcategories. */
  drill: string[];
}

export interface ViewRequest {
  kind: EndpointKind;
  view: View;
  /** Detail table only: the sort as the URL writes it (`net`, `-net`, …) and the page. */
  sort?: string;
  page?: number;
  /** The URL path and query. */
  path: string;
}

/** An explorer signs in as one of the demo users, round robin over the four roles. */
export function explorerAccount(index: number): (typeof DEMO_USERS)[number] {
  return DEMO_USERS[index % DEMO_USERS.length]!;
}

export async function loadViewCatalog(db: Database): Promise<ViewCatalog> {
  const [days] = await queryRows<{ first: string; last: string }>(
    db,
    sql`select min(d.date)::text as first, max(d.date)::text as last
        from gold.dim_date d where d.date_key between (select min(date_key) from gold.fact_sales) and (select max(date_key) from gold.fact_sales)`,
  );
  const stores = await queryRows<{ region: string; code: string }>(
    db,
    sql`select r.name as region, s.store_code as code from gold.dim_store s join gold.dim_region r on r.region_id = s.region_id order by 2`,
  );
  const products = await queryRows<{ category: string; subcategory: string }>(
    db,
    sql`select distinct category, subcategory from gold.dim_product order by 1, 2`,
  );
  const storesByRegion: Record<string, string[]> = {};
  for (const s of stores) (storesByRegion[s.region] ??= []).push(s.code);
  const subcategories: Record<string, string[]> = {};
  for (const p of products) (subcategories[p.category] ??= []).push(p.subcategory);
  return { firstDay: days!.first, lastDay: days!.last, storesByRegion, subcategories };
}

/** A random subset of `count` distinct items. */
function some<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  return Array.from({ length: Math.min(count, pool.length) }, () => pool.splice(random.int(0, pool.length - 1), 1)[0]!);
}

function randomRange(random: Random, catalog: ViewCatalog): { from: string; to: string } {
  const available = daysBetween(catalog.firstDay, catalog.lastDay) + 1;
  const longest = Math.min(730, available);
  // Log-uniform: people look at a week or a month far more often than at one of the ~700 two-year ranges.
  const length = Math.min(longest, Math.round(Math.exp(random.between(Math.log(7), Math.log(longest)))));
  const to = addDays(catalog.lastDay, -random.int(0, available - length));
  return { from: addDays(to, -(length - 1)), to };
}

export function randomView(random: Random, regionsInScope: readonly string[], catalog: ViewCatalog, dashboard?: Dashboard): View {
  const { from, to } = randomRange(random, catalog);
  const regions = random.chance(0.5) ? [] : some(random, regionsInScope, random.int(1, regionsInScope.length));
  const storePool = (regions.length ? regions : regionsInScope).flatMap((r) => catalog.storesByRegion[r] ?? []);
  const stores = random.chance(0.25) ? some(random, storePool, random.int(1, 3)) : [];
  const allCategories = Object.keys(catalog.subcategories);
  const categories = some(random, allCategories, random.int(0, 3));
  const segments = some(random, REPORT_SEGMENTS, random.int(0, 2));
  // A click on a chart can only pick what the chart shows: a selected or drilled category is among the filtered ones.
  const shownCategories = categories.length ? categories : allCategories;
  let selection: Selection | null = null;
  if (random.chance(0.3)) {
    const dimension = random.pick(['hour', 'weekday', 'category'] as const);
    const key = dimension === 'hour' ? String(random.int(0, 23)) : dimension === 'weekday' ? String(random.int(1, 7)) : random.pick(shownCategories);
    selection = { dimension, key };
  }
  let drill: string[] = [];
  if (dashboard === 'products' && random.chance(0.5)) {
    const category = selection?.dimension === 'category' ? selection.key : random.pick(shownCategories);
    drill = random.chance(0.5) ? [category] : [category, random.pick(catalog.subcategories[category]!)];
  }
  return { from, to, regions, stores, categories, segments, selection, drill };
}

/** The view's URL state as the portal writes it. */
export function viewParams(view: View): URLSearchParams {
  const params = new URLSearchParams({ from: view.from, to: view.to });
  for (const key of ['regions', 'stores', 'categories', 'segments'] as const) if (view[key].length) params.set(key, view[key].join(','));
  if (view.selection) params.set('sel', `${view.selection.dimension}:${view.selection.key}`);
  if (view.drill.length) params.set('drill', view.drill.join('/'));
  return params;
}

export function randomRequest(random: Random, regionsInScope: readonly string[], catalog: ViewCatalog): ViewRequest {
  const kind = random.pick(ENDPOINT_KINDS);
  const dashboard = kind.startsWith('page:') ? (kind.slice(5) as Dashboard) : undefined;
  const view = randomView(random, regionsInScope, catalog, dashboard);
  const params = viewParams(view);
  if (dashboard) return { kind, view, path: `/dashboards/${dashboard}?${params}` };
  if (kind === 'kpis') return { kind, view, path: `/api/metrics/kpis?${params}` };
  if (kind === 'transactions') {
    const sort = `${random.chance(0.5) ? '-' : ''}${random.pick(SORTABLE_COLUMNS)}`;
    const page = random.int(1, 5);
    params.set('sort', sort);
    params.set('page', String(page));
    return { kind, view, sort, page, path: `/api/transactions?${params}` };
  }
  return { kind, view, path: `/api/metrics/breakdown?dimension=${kind.slice('breakdown:'.length)}&${params}` };
}

/** Explorer `index`'s own random stream: adding explorers leaves the others' sequences unchanged. */
export function explorerRandom(seed: number, index: number): Random {
  return streamFor(seed, 1_000 + index);
}
