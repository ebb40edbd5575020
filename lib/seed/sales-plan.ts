// Everything the set-based sales SQL needs, computed in JavaScript: the store-local days of a dataset that
// ends at a given moment and the lines of each, and for each chunk of days the weighted lookup tables the
// SQL indexes with a hash (stores, products), plus customer pools, campaign terms and the demand curve's
// quantiles. Pure functions of the seed, the reference data and the moment the dataset ends.
import { addDays, monthOf } from '@/lib/calendar/days';
import { BASKET_SIZE_WEIGHTS, CONSUMABLE_QUANTITIES, DURABLE_QUANTITIES } from './basket-rules';
import { campaignTerms } from './campaigns';
import { buildCustomerPools, eligibleCounts, type CustomerPools } from './customer-pools';
import { dayWeights, demandQuantiles, PRICE_TIERS, productWeights } from './demand';
import { CATEGORIES } from './products';
import { allocate, streamFor, weightedIndex, weightedLookup } from './random';
import type { DemoReferenceData } from './reference-data';
import { storeDayShare } from './store-days';
import type { DemoStore } from './stores';

/** Two years of sales. */
export const SALES_DAYS = 730;

export const STORE_TABLE_SIZE = 1_000;
export const PRODUCT_TABLE_SIZE = 16_384;
const QUANTITY_TABLE = 100;
/** A new store draws fewer shoppers in its first three months. */
const NEW_STORE_RAMP = 0.6;
/** Store shares travel to SQL as whole billionths (rounded down, so no drawn time passes the end). */
export const SHARE_SCALE = 1_000_000_000;

/** The store-local days of a dataset: `dayCount` days ending on `lastDay`. */
export function salesDays(lastDay: string, dayCount = SALES_DAYS): string[] {
  return Array.from({ length: dayCount }, (_, i) => addDays(lastDay, i - dayCount + 1));
}

/** Each store's traffic on `day`: 0 before it opens; a new store draws fewer shoppers in its first three months. */
export function storeTraffic(stores: readonly DemoStore[], day: string): number[] {
  return stores.map((s) => {
    if (s.openedOn > day) return 0;
    return s.traffic * (s.openedOn > addDays(day, -90) ? NEW_STORE_RAMP : 1);
  });
}

export interface SalesPlan {
  days: string[];
  /** Sale lines per day; they add up to the lines asked for. */
  lines: number[];
  /**
   * Per day: the share of each store's day (0–1, by store index) the dataset holds, or null when it holds
   * every store's whole day (all but the last day or two, which end at the moment the dataset ends).
   */
  shares: (number[] | null)[];
  /** Lines per unit of day weight (dayWeights): the scale at which later days continue the dataset. */
  linesPerWeight: number;
}

/**
 * Splits the requested lines over the days, following the demand curve, where each day counts with the
 * share of it that has passed at `endsAt` in each store's own time zone (weighted by the stores' traffic).
 */
export function planSales(seed: number, lines: number, stores: readonly DemoStore[], days: string[], endsAt: Date): SalesPlan {
  const weights = dayWeights(seed, days);
  const shares = days.map((day) => {
    const share = stores.map((s) => storeDayShare(day, s.timeZone, endsAt));
    return share.every((x) => x === 1) ? null : share;
  });
  const covered = days.map((day, i) => weights[i] * coveredShare(storeTraffic(stores, day), shares[i]));
  const total = covered.reduce((a, b) => a + b, 0);
  if (total <= 0) throw new RangeError('the sales window holds no opening hours');
  return { days, lines: allocate(lines, covered), shares, linesPerWeight: lines / total };
}

/** The traffic-weighted share of a day that is covered. */
function coveredShare(traffic: readonly number[], share: readonly number[] | null): number {
  if (share === null) return 1;
  const all = traffic.reduce((a, b) => a + b, 0);
  return all > 0 ? traffic.reduce((a, t, i) => a + t * share[i], 0) / all : 0;
}

/** Days the SQL generates in one statement: runs of whole days within a month, and each partial day alone. */
export interface PlannedChunk {
  days: string[];
  /** Index of each day in the whole window: keys the hashes, so a day's lines do not depend on chunking. */
  dayNumbers: number[];
  lines: number[];
  /** For a partial day, each store's share of it; null for whole days. */
  share: number[] | null;
}

export function planChunks(plan: SalesPlan): PlannedChunk[] {
  const chunks: PlannedChunk[] = [];
  plan.days.forEach((day, n) => {
    const share = plan.shares[n];
    const last = chunks.at(-1);
    if (share === null && last && last.share === null && last.days[0].slice(0, 7) === day.slice(0, 7)) {
      last.days.push(day);
      last.dayNumbers.push(n);
      last.lines.push(plan.lines[n]);
    } else {
      chunks.push({ days: [day], dayNumbers: [n], lines: [plan.lines[n]], share });
    }
  });
  return chunks;
}

/**
 * A repeating pattern of basket sizes. Each day starts at its own point in the pattern (its offset), so
 * days differ; basket b of a day is pattern basket (b + offset) % baskets, and its first line follows
 * from the pattern's running start, so the SQL needs no running sum to cut a day into baskets.
 */
export interface BasketPattern {
  /** First line of each pattern basket, 0-based. */
  start: number[];
  size: number[];
  /** Lines in the whole pattern. */
  lines: number;
}

export function basketPattern(seed: number, minLines = 4_000): BasketPattern {
  const random = streamFor(seed, 6);
  const pattern: BasketPattern = { start: [], size: [], lines: 0 };
  while (pattern.lines < minLines) {
    const size = 1 + weightedIndex(random, BASKET_SIZE_WEIGHTS);
    pattern.start.push(pattern.lines);
    pattern.size.push(size);
    pattern.lines += size;
  }
  return pattern;
}

/** Where in the pattern a day starts: depends on the seed and the day only, not on chunking. */
export const basketOffset = (seed: number, pattern: BasketPattern, dayNumber: number) =>
  streamFor(seed, 1_000 + dayNumber).int(0, pattern.start.length - 1);

/** Baskets needed for a day of `lines` lines starting at pattern basket `offset`; the last may be cut short. */
export function basketsForLines(pattern: BasketPattern, lines: number, offset = 0): number {
  const target = lines + pattern.start[offset];
  const rest = target % pattern.lines;
  let partial = 0;
  while (partial < pattern.start.length && pattern.start[partial] < rest) partial++;
  return Math.floor(target / pattern.lines) * pattern.start.length + partial - offset;
}

const quantityTable = (weights: Record<number, number>) => {
  const quantities = Object.keys(weights).map(Number);
  return weightedLookup(quantities.map((q) => weights[q]), QUANTITY_TABLE).map((i) => quantities[i]);
};

/** Inputs that stay the same for every chunk. Store, product and category numbers are 1-based. */
export interface SalesConstants {
  storeCount: number;
  anonymousPermille: number[];
  storeTimeZones: string[];
  pools: CustomerPools;
  priceCents: number[];
  productCategory: number[];
  categoryCount: number;
  categoryDurable: number[];
  quantityPick: number[];
  quantityTableSize: number;
  basket: BasketPattern;
  /** The weekday demand quantiles (demandQuantiles), then the weekend ones. */
  quantiles: number[];
  weekendQuantilesAt: number;
}

export function salesConstants(seed: number, data: DemoReferenceData): SalesConstants {
  const consumable = quantityTable(CONSUMABLE_QUANTITIES);
  const durable = quantityTable(DURABLE_QUANTITIES);
  if (consumable.length !== durable.length) throw new Error('quantity tables must have equal length');
  return {
    storeCount: data.stores.length,
    anonymousPermille: data.stores.map((s) => s.anonymousPermille),
    storeTimeZones: data.stores.map((s) => s.timeZone),
    pools: buildCustomerPools(data.customers, data.stores.length),
    priceCents: data.products.map((p) => p.priceCents),
    productCategory: data.products.map((p) => p.categoryIndex + 1),
    categoryCount: CATEGORIES.length,
    categoryDurable: CATEGORIES.map((c) => (c.durable ? 1 : 0)),
    quantityPick: [...consumable, ...durable],
    quantityTableSize: consumable.length,
    basket: basketPattern(seed),
    quantiles: [...demandQuantiles(false), ...demandQuantiles(true)],
    weekendQuantilesAt: demandQuantiles(false).length,
  };
}

/** The inputs of one chunk of days (PlannedChunk) for the SQL. */
export interface SalesChunk {
  days: string[];
  dayNumbers: number[];
  lines: number[];
  /** Per day: where it starts in the basket pattern, and how many baskets it has. */
  basketOffsets: number[];
  baskets: number[];
  /** Store numbers, weighted by traffic (times the share of a partial day); stores not yet open are absent. */
  storePick: number[];
  /** Per store: the share of its day the chunk's days hold, in billionths (SHARE_SCALE). */
  storeShare: number[];
  /** Product numbers per price tier (budget, standard, premium), each productTableSize long. */
  productPick: number[];
  productTableSize: number;
  /** days × stores: customers signed up by each day. */
  eligible: number[];
  /** days × categories: campaign discount in percent, and the percent of lines it covers. */
  campaignPct: number[];
  campaignCoverage: number[];
}

/** The product lookup tables of a calendar month, one per price tier (1-based product numbers). */
export function productPicks(data: DemoReferenceData, month: number): number[] {
  return PRICE_TIERS.flatMap((tier) => {
    const table = weightedLookup(productWeights(data.products, month, tier), PRODUCT_TABLE_SIZE);
    if (table.length !== PRODUCT_TABLE_SIZE) throw new Error('every product needs a positive weight');
    return table.map((i) => i + 1);
  });
}

export function salesChunk(seed: number, data: DemoReferenceData, k: SalesConstants, chunk: PlannedChunk): SalesChunk {
  const { days, dayNumbers, lines } = chunk;
  const basketOffsets = dayNumbers.map((n) => basketOffset(seed, k.basket, n));
  const share = chunk.share ?? data.stores.map(() => 1);
  const traffic = storeTraffic(data.stores, days[0]).map((t, i) => t * share[i]);
  const terms = campaignTerms(data.campaigns, days);
  return {
    days,
    dayNumbers,
    lines,
    basketOffsets,
    baskets: lines.map((n, i) => basketsForLines(k.basket, n, basketOffsets[i])),
    storePick: weightedLookup(traffic, STORE_TABLE_SIZE).map((i) => i + 1),
    storeShare: share.map((x) => Math.floor(x * SHARE_SCALE)),
    productPick: productPicks(data, monthOf(days[0])),
    productTableSize: PRODUCT_TABLE_SIZE,
    eligible: eligibleCounts(k.pools, days),
    campaignPct: terms.pct,
    campaignCoverage: terms.coverage,
  };
}
