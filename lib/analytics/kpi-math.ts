// KPI arithmetic from additive period totals: ratios (average order value, units per transaction, gross
// margin) are derived here, never summed, so they stay correct whatever table the totals came from.
// Additive measures are 0 when there is no data; a ratio without a base is null, not a misleading 0.

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
