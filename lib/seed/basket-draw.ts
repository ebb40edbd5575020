// One demo basket drawn in JavaScript, by the same rules and from the same tables as the seeder's SQL
// (sales.ts) draws its baskets: store by traffic, a card holder (or a guest) from the store's customer
// pool, products by the shopper's price tier and the month, quantities, campaign and in-store discounts.
// The live demo stream and the simulator use it, so their baskets look like the seeded ones.
import { daysBetween, isoWeekday, monthOf } from '@/lib/calendar/days';
import {
  AWAY_PCT, BUSINESS_EXTRA_UNITS, BUSINESS_SEGMENT, IN_STORE_PROMOTION, LOYAL_PCT, priceTierOf,
} from './basket-rules';
import { campaignTerms, generateCampaigns } from './campaigns';
import { eligibleCounts } from './customer-pools';
import { demandQuantiles } from './demand';
import type { DemoWorld } from './demo-world';
import { weightedLookup, type Random } from './random';
import { PRODUCT_TABLE_SIZE, productPicks, STORE_TABLE_SIZE, storeTraffic } from './sales-plan';

/** What a store-local day's baskets are drawn from. */
export interface DayModel {
  day: string;
  /** Days since the dataset's first day. */
  dayNumber: number;
  /** Store numbers (1-based), weighted by traffic; stores not yet open are absent. */
  storePick: number[];
  /** Per store (0-based): customers signed up by the day. */
  eligible: number[];
  /** Product numbers (1-based), PRODUCT_TABLE_SIZE per price tier. */
  productPick: number[];
  /** Per category (CATEGORY_NAMES order): campaign discount in percent, and the percent of lines it covers. */
  campaignPct: number[];
  campaignCoverage: number[];
  /** The day's demand quantiles (demandQuantiles). */
  quantiles: readonly number[];
}

export function dayModel(world: DemoWorld, day: string): DayModel {
  // Campaigns from the yearly calendar itself: the live stream runs past the seeded ones.
  const terms = campaignTerms(generateCampaigns(day, day), [day]);
  return {
    day,
    dayNumber: daysBetween(world.firstDay, day),
    storePick: weightedLookup(storeTraffic(world.data.stores, day), STORE_TABLE_SIZE).map((i) => i + 1),
    eligible: eligibleCounts(world.constants.pools, [day]),
    productPick: productPicks(world.data, monthOf(day)),
    campaignPct: terms.pct,
    campaignCoverage: terms.coverage,
    quantiles: demandQuantiles(isoWeekday(day) >= 6),
  };
}

export interface DrawnLine {
  /** Product number, 1-based (SKU-00001 is 1). */
  product: number;
  quantity: number;
  unitPriceCents: number;
  discountCents: number;
}

export interface DrawnBasket {
  /** Store number, 1-based (S001 is 1). */
  store: number;
  /** Where in the store's day the basket falls, as a share of the day's demand (0 ≤ share < 1). */
  share: number;
  /** The card holder's number (C000123 is 123), or null for a guest. */
  customerNo: number | null;
  lines: DrawnLine[];
}

/** Chosen by the caller instead of drawn: the simulator's suspicious baskets pick their store and customer. */
export interface BasketChoice {
  store?: number;
  /** A pool position (index into the world's customer pools), or null for a guest. */
  customerPosition?: number | null;
}

/** A basket of `size` lines on the model's day. */
export function drawBasket(random: Random, world: DemoWorld, day: DayModel, size: number, choice: BasketChoice = {}): DrawnBasket {
  const { constants: k } = world;
  const pick = (table: readonly number[]) => table[random.int(0, table.length - 1)];
  const store = choice.store ?? pick(day.storePick);
  const share = random.next();
  const position = choice.customerPosition !== undefined ? choice.customerPosition : customerPosition(random, world, day, store);
  const segment = position === null ? null : k.pools.segment[position];
  const tier = priceTierOf(segment);
  const business = segment === BUSINESS_SEGMENT;
  const lines: DrawnLine[] = [];
  for (let line = 0; line < size; line++) {
    const product = day.productPick[tier * PRODUCT_TABLE_SIZE + random.int(0, PRODUCT_TABLE_SIZE - 1)];
    const category = k.productCategory[product - 1];
    const durable = k.categoryDurable[category - 1];
    const quantity = k.quantityPick[durable * k.quantityTableSize + random.int(0, k.quantityTableSize - 1)]
      + (business && durable === 0 ? random.int(0, BUSINESS_EXTRA_UNITS - 1) : 0);
    const campaign = day.campaignPct[category - 1];
    const promoted = random.int(0, 99);
    const pct = campaign > 0
      ? (promoted < day.campaignCoverage[category - 1] ? campaign : 0)
      : (promoted < IN_STORE_PROMOTION.pct ? IN_STORE_PROMOTION.discounts[random.int(0, IN_STORE_PROMOTION.discounts.length - 1)] : 0);
    const unitPriceCents = k.priceCents[product - 1];
    // whole cents, rounded half up, as the SQL does
    const discountCents = Math.floor((quantity * unitPriceCents * pct + 50) / 100);
    lines.push({ product, quantity, unitPriceCents, discountCents });
  }
  return { store, share, customerNo: position === null ? null : k.pools.customerNo[position], lines };
}

/** A shopper of `store` on the day: a guest, or a card holder from the pool of the store (or one shopping away). */
function customerPosition(random: Random, world: DemoWorld, day: DayModel, store: number): number | null {
  const { pools, anonymousPermille } = world.constants;
  if (random.int(0, 999) < anonymousPermille[store - 1]) return null;
  const poolStore = random.int(0, 99) < AWAY_PCT ? day.storePick[random.int(0, day.storePick.length - 1)] : store;
  const known = day.eligible[poolStore - 1];
  if (known === 0) return null;
  const start = pools.start[poolStore - 1];
  if (random.int(0, 99) < LOYAL_PCT) {
    const n = random.int(0, known - 1);
    return start + n - (n % 5);
  }
  return start + known - 1 - Math.floor(known * random.next() ** 3);
}
