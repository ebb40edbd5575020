// How a demo basket is put together: one set of rules for the seeder's SQL (sales.ts) and for the baskets
// drawn in JavaScript (basket-draw.ts: the live demo stream and the simulator), so live baskets look like
// the seeded ones.

/** Lines per basket, 1–6, about 2.5 on average. */
export const BASKET_SIZE_WEIGHTS = [30, 27, 19, 12, 8, 4];

/** Quantity per line for consumables and for durables. */
export const CONSUMABLE_QUANTITIES: Record<number, number> = { 1: 55, 2: 25, 3: 12, 4: 5, 6: 3 };
export const DURABLE_QUANTITIES: Record<number, number> = { 1: 88, 2: 10, 3: 2 };

/** Business customers buy consumables in bulk: up to this many units more per line (0 … n − 1). */
export const BUSINESS_EXTRA_UNITS = 3;

/** Percent of card holders' baskets bought at another store than their home store. */
export const AWAY_PCT = 10;

/**
 * Percent of card holders' baskets by the store's loyal core (every fifth customer of its pool, whatever
 * their age); the others lean towards recent sign-ups, so a cohort's activity fades.
 */
export const LOYAL_PCT = 45;

/**
 * Outside its category's campaigns a line may carry a small in-store promotion (a shelf deal or a
 * markdown): this percent of lines, at one of these discounts.
 */
export const IN_STORE_PROMOTION = { pct: 6, discounts: [5, 10, 15] } as const;

/** Customer segment (index into CUSTOMER_SEGMENTS, null for a guest) → price tier (index into PRICE_TIERS). */
export function priceTierOf(segment: number | null): number {
  // budget shoppers lean cheap, premium shoppers dear; guests and the rest shop like the mainstream
  return segment === 0 ? 0 : segment === 2 ? 2 : 1;
}

/** The segment index of business customers (they buy consumables in bulk). */
export const BUSINESS_SEGMENT = 3;
