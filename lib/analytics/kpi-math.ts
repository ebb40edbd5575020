// KPI arithmetic from additive period totals: ratios (average order value, units per transaction, gross
// margin) are derived here, never summed, so they stay correct whatever table the totals came from.
// Additive measures are 0 when there is no data; a ratio without a base is null, not a misleading 0.
import { relativeChange } from './period-change';

export interface Kpis {
  revenue: number;
  transactions: number;
  units: number;
  /** Net revenue per transaction; null without transactions. */
  avgOrderValue: number | null;
  /** Units per transaction; null without transactions. */
  unitsPerTransaction: number | null;
  discount: number;
  uniqueCustomers: number;
  /** (net − cost) ÷ net, a fraction; null without revenue. */
  grossMargin: number | null;
  /** Net − cost, in the store currency. */
  marginAmount: number;
}

export interface PeriodTotals {
  revenue: number;
  transactions: number;
  units: number;
  discount: number;
  cost: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function toKpis(t: PeriodTotals, uniqueCustomers: number): Kpis {
  return {
    revenue: round2(t.revenue),
    transactions: t.transactions,
    units: t.units,
    avgOrderValue: t.transactions > 0 ? round2(t.revenue / t.transactions) : null,
    unitsPerTransaction: t.transactions > 0 ? round2(t.units / t.transactions) : null,
    discount: round2(t.discount),
    uniqueCustomers,
    grossMargin: t.revenue > 0 ? Math.round(((t.revenue - t.cost) / t.revenue) * 10_000) / 10_000 : null,
    marginAmount: round2(t.revenue - t.cost),
  };
}

/** Revenue per store key of one period: only stores with at least one sale in it. */
export type StoreRevenue = ReadonlyMap<number, number>;

export interface LikeForLike {
  /** Revenue growth over the stores open in both periods, a fraction; null when none was, or they sold nothing before. */
  growth: number | null;
  /** How many stores were open in both periods. */
  stores: number;
}

/**
 * Like-for-like growth: revenue growth counted only over stores "open" in both periods, where open means
 * at least one sale in the period, so that opening or closing a store does not read as growth or decline.
 */
export function likeForLike(current: StoreRevenue, previous: StoreRevenue): LikeForLike {
  let now = 0;
  let before = 0;
  let stores = 0;
  for (const [store, revenue] of current) {
    const prior = previous.get(store);
    if (prior === undefined) continue;
    now += revenue;
    before += prior;
    stores++;
  }
  return { growth: stores === 0 ? null : relativeChange(now, before), stores };
}
