// Everything the set-based sales SQL needs, computed in JavaScript: lines per day, and for each chunk
// of days the weighted lookup tables the SQL indexes with a hash (stores, hours, products), plus
// customer pools and campaign discounts. Pure functions of the seed and the reference data.
import { addDays, monthOf } from '@/lib/calendar/days';
import { campaignDiscounts } from './campaigns';
import { buildCustomerPools, eligibleCounts, type CustomerPools } from './customer-pools';
import { dayWeights, hourWeights, PRICE_TIERS, productWeights } from './demand';
import { CATEGORIES } from './products';
import { allocate, streamFor, weightedIndex, weightedLookup } from './random';
import type { DemoReferenceData } from './reference-data';

/** Two years of sales. */
export const SALES_DAYS = 730;

/** Lines per basket, 1–6, about 2.5 on average. */
const BASKET_SIZE_WEIGHTS = [30, 27, 19, 12, 8, 4];
/** Quantity per line for consumables and for durables. */
const CONSUMABLE_QUANTITIES = { 1: 55, 2: 25, 3: 12, 4: 5, 6: 3 } as Record<number, number>;
const DURABLE_QUANTITIES = { 1: 88, 2: 10, 3: 2 } as Record<number, number>;

const STORE_TABLE = 1_000;
const HOUR_TABLE = 200;
const PRODUCT_TABLE = 16_384;
const QUANTITY_TABLE = 100;
/** A new store draws fewer shoppers in its first three months. */
const NEW_STORE_RAMP = 0.6;

export interface DailyLines {
  days: string[];
  lines: number[];
}

/** Splits the requested number of lines over the days ending on `lastDay`, following the demand curve. */
export function planDailyLines(seed: number, lines: number, lastDay: string, dayCount = SALES_DAYS): DailyLines {
  const days = Array.from({ length: dayCount }, (_, i) => addDays(lastDay, i - dayCount + 1));
  return { days, lines: allocate(lines, dayWeights(seed, days)) };
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
  };
}

/** The inputs of one chunk: consecutive days within one calendar month. */
export interface SalesChunk {
  days: string[];
  /** Index of each day in the whole window: keys the hashes, so a day's lines do not depend on chunking. */
  dayNumbers: number[];
  lines: number[];
  /** Per day: where it starts in the basket pattern, and how many baskets it has. */
  basketOffsets: number[];
  baskets: number[];
  /** Store numbers, weighted by traffic; stores not yet open are absent. */
  storePick: number[];
  /** Weekday hours, then as many weekend hours. */
  hourPick: number[];
  hourTableSize: number;
  /** Product numbers per price tier (budget, standard, premium), each productTableSize long. */
  productPick: number[];
  productTableSize: number;
  /** days × stores: customers signed up by each day. */
  eligible: number[];
  /** days × categories: campaign discount in percent. */
  campaignPct: number[];
}

export function salesChunk(
  seed: number, data: DemoReferenceData, k: SalesConstants, days: string[], dayNumbers: number[], lines: number[],
): SalesChunk {
  const basketOffsets = dayNumbers.map((n) => basketOffset(seed, k.basket, n));
  const first = days[0];
  const storeWeights = data.stores.map((s) => {
    if (s.openedOn > first) return 0;
    return s.traffic * (s.openedOn > addDays(first, -90) ? NEW_STORE_RAMP : 1);
  });
  const weekday = weightedLookup(hourWeights(false), HOUR_TABLE);
  const weekend = weightedLookup(hourWeights(true), HOUR_TABLE);
  if (weekday.length !== weekend.length) throw new Error('hour tables must have equal length');
  const month = monthOf(first);
  const productPick = PRICE_TIERS.flatMap((tier) => {
    const table = weightedLookup(productWeights(data.products, month, tier), PRODUCT_TABLE);
    if (table.length !== PRODUCT_TABLE) throw new Error('every product needs a positive weight');
    return table.map((i) => i + 1);
  });
  return {
    days,
    dayNumbers,
    lines,
    basketOffsets,
    baskets: lines.map((n, i) => basketsForLines(k.basket, n, basketOffsets[i])),
    storePick: weightedLookup(storeWeights, STORE_TABLE).map((i) => i + 1),
    hourPick: [...weekday, ...weekend],
    hourTableSize: weekday.length,
    productPick,
    productTableSize: PRODUCT_TABLE,
    eligible: eligibleCounts(k.pools, days),
    campaignPct: campaignDiscounts(data.campaigns, days),
  };
}
