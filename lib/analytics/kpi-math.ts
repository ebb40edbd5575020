// KPI arithmetic from additive period totals: average order value and gross margin are derived here,
// never summed, so they stay correct whatever table the totals came from.

export interface Kpis {
  revenue: number;
  transactions: number;
  units: number;
  avgOrderValue: number;
  discount: number;
  uniqueCustomers: number;
  grossMargin: number;
}

export interface PeriodTotals {
  revenue: number;
  transactions: number;
  units: number;
  discount: number;
  cost: number;
}

export function toKpis(t: PeriodTotals, uniqueCustomers: number): Kpis {
  const round2 = (n: number) => Math.round(n * 100) / 100;
  return {
    revenue: round2(t.revenue),
    transactions: t.transactions,
    units: t.units,
    avgOrderValue: t.transactions > 0 ? round2(t.revenue / t.transactions) : 0,
    discount: round2(t.discount),
    uniqueCustomers,
    grossMargin: t.revenue > 0 ? Math.round(((t.revenue - t.cost) / t.revenue) * 10_000) / 10_000 : 0,
  };
}

