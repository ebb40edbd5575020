// The demand curve of the demo data: how many sale lines fall on each day, which hours they happen
// in, and how each product's popularity moves with the season and the shopper's segment.
import { holidaysBetween } from '@/lib/calendar/holidays';
import { daysBetween, isoWeekday, monthOf } from '@/lib/calendar/days';
import { CATEGORIES, categoryFloorCents, type DemoProduct } from './products';
import { streamFor } from './random';

/** Monday … Sunday: weekends peak, early week is quiet. */
const WEEKDAY_FACTOR = [0.86, 0.82, 0.88, 0.95, 1.12, 1.42, 1.22];

/** January … December: a post-holiday slump, a summer bump and the Q4 run-up. */
const MONTH_FACTOR = [0.82, 0.84, 0.94, 0.97, 1.0, 1.02, 1.05, 1.03, 0.95, 0.98, 1.12, 1.38];

const HOLIDAY_FACTOR: Record<string, number> = {
  "New Year's Day": 0.45,
  "Valentine's Day": 1.2,
  'Easter Sunday': 0.6,
  "Mother's Day": 1.25,
  'Memorial Day': 1.3,
  'Independence Day': 0.85,
  'Labor Day': 1.25,
  Thanksgiving: 0.5,
  'Black Friday': 2.6,
  'Cyber Monday': 1.35,
  'Christmas Eve': 1.5,
  'Christmas Day': 0.2,
  'Boxing Day': 1.7,
  "New Year's Eve": 1.2,
};

/** Sales grow about 8 % a year. */
const YEARLY_GROWTH = 0.08;

/** Relative demand of each day (YYYY-MM-DD, consecutive); deterministic for a seed. */
export function dayWeights(seed: number, days: readonly string[]): number[] {
  if (days.length === 0) return [];
  const random = streamFor(seed, 5);
  const holidays = new Map(holidaysBetween(days[0], days[days.length - 1]).map((h) => [h.date, h.name]));
  return days.map((day) => {
    const dayOfMonth = Number(day.slice(8, 10));
    const month = monthOf(day);
    // The last shopping weeks before Christmas build up steadily.
    const christmasRush = month === 12 && dayOfMonth <= 23 ? 1 + (dayOfMonth / 23) * 0.45 : 1;
    const holiday = holidays.get(day);
    const trend = 1 + (YEARLY_GROWTH * daysBetween(days[0], day)) / 365;
    const noise = random.between(0.93, 1.07);
    return (
      WEEKDAY_FACTOR[isoWeekday(day) - 1] * MONTH_FACTOR[month - 1] * christmasRush *
      (holiday ? HOLIDAY_FACTOR[holiday] ?? 1 : 1) * trend * noise
    );
  });
}

/** Hour-of-day shares, stores open 8:00–22:00: weekdays peak at lunch and after work, weekends late morning. */
const WEEKDAY_HOURS: Record<number, number> = {
  8: 3, 9: 4, 10: 5, 11: 7, 12: 10, 13: 9, 14: 6, 15: 6, 16: 7, 17: 10, 18: 11, 19: 8, 20: 5, 21: 3,
};
const WEEKEND_HOURS: Record<number, number> = {
  8: 2, 9: 4, 10: 7, 11: 9, 12: 10, 13: 10, 14: 9, 15: 8, 16: 8, 17: 8, 18: 7, 19: 5, 20: 3, 21: 2,
};

/** Weights per hour 0–23 for a weekday or a weekend day. */
export function hourWeights(weekend: boolean): number[] {
  const table = weekend ? WEEKEND_HOURS : WEEKDAY_HOURS;
  return Array.from({ length: 24 }, (_, h) => table[h] ?? 0);
}

/**
 * A store day's demand as W + 1 times of day in whole seconds, W being the day's hour weights added up
 * (whole numbers): entry k is when k of the W units of the day's demand have passed. Demand is even
 * between two entries, so linear interpolation turns a share of the day into a time (secondAtShare) and a
 * time back into a share (demandShareBy) exactly. The seeder's SQL draws times of day from the same table.
 */
export function demandQuantiles(weekend: boolean): readonly number[] {
  return weekend ? WEEKEND_QUANTILES : WEEKDAY_QUANTILES;
}

function quantilesOf(weights: readonly number[]): number[] {
  const table: number[] = [];
  weights.forEach((weight, hour) => {
    for (let unit = 0; unit < weight; unit++) table.push(Math.round(hour * 3600 + (unit * 3600) / weight));
  });
  const lastOpenHour = weights.findLastIndex((w) => w > 0);
  table.push((lastOpenHour + 1) * 3600);
  return table;
}

const WEEKDAY_QUANTILES = quantilesOf(hourWeights(false));
const WEEKEND_QUANTILES = quantilesOf(hourWeights(true));

/** Share (0–1) of a store day's demand that has passed `second` seconds after its midnight. */
export function demandShareBy(quantiles: readonly number[], second: number): number {
  const units = quantiles.length - 1;
  if (second <= quantiles[0]) return 0;
  if (second >= quantiles[units]) return 1;
  let k = 0;
  while (quantiles[k + 1] <= second) k++;
  return (k + (second - quantiles[k]) / (quantiles[k + 1] - quantiles[k])) / units;
}

/** The time of day (seconds after midnight, fractional) by which `share` (0 ≤ share < 1) of the day's demand has passed. */
export function secondAtShare(quantiles: readonly number[], share: number): number {
  const units = quantiles.length - 1;
  const position = share * units;
  const k = Math.min(units - 1, Math.floor(position));
  return quantiles[k] + (position - k) * (quantiles[k + 1] - quantiles[k]);
}

/** Shopper price tiers: budget shoppers lean cheap, premium shoppers lean expensive. */
export const PRICE_TIERS = ['budget', 'standard', 'premium'] as const;
export type PriceTier = (typeof PRICE_TIERS)[number];
const TIER_PRICE_ELASTICITY: Record<PriceTier, number> = { budget: -0.35, standard: 0, premium: 0.3 };

/** Each product's weight in basket lines during a calendar month, for one price tier. */
export function productWeights(products: readonly DemoProduct[], month: number, tier: PriceTier): number[] {
  const elasticity = TIER_PRICE_ELASTICITY[tier];
  return products.map((p) => {
    const category = CATEGORIES[p.categoryIndex];
    const relativePrice = p.priceCents / categoryFloorCents(category);
    return p.popularity * category.seasonality[month - 1] * relativePrice ** elasticity;
  });
}
