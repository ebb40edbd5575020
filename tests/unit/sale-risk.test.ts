import { assessSaleRisk, median, RISK_RULES, type SaleRiskFacts } from '@/lib/analytics/sale-risk';

const usualCustomer = (overrides: Partial<NonNullable<SaleRiskFacts['customer']>> = {}): SaleRiskFacts['customer'] => ({
  priorAmounts: [20, 25, 30, 22, 28],
  recentBaskets: 1,
  ...overrides,
});
const sale = (overrides: Partial<SaleRiskFacts> = {}): SaleRiskFacts => ({
  amount: 30,
  localHour: 14,
  customer: usualCustomer(),
  ...overrides,
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 30, 20])).toBe(25);
  });
});

describe('sale risk rules', () => {
  it('scores an ordinary basket 0 with no reasons and no alert', () => {
    expect(assessSaleRisk(sale())).toEqual({ score: 0, reasons: [], alert: null });
  });

  it('flags an amount far above the customer’s median basket, more points from 10×', () => {
    const fiveTimes = assessSaleRisk(sale({ amount: 600, customer: usualCustomer({ priorAmounts: [100, 110, 120, 90, 80] }) }));
    expect(fiveTimes.reasons).toEqual([
      { rule: 'amount', points: RISK_RULES.amount.points, message: "Basket $600.00 is 6.0× the customer's usual $100.00 in this region (median of 5 baskets)" },
    ]);
    expect(fiveTimes.alert).toEqual({ severity: 'medium' });
    const tenTimes = assessSaleRisk(sale({ amount: 2_500 }));
    expect(tenTimes.reasons[0]).toMatchObject({ rule: 'amount', points: RISK_RULES.amount.highPoints });
  });

  it('does not call a small basket large, whatever the ratio', () => {
    // 15× a $25 median, but under the $500 floor
    expect(assessSaleRisk(sale({ amount: 375 })).score).toBe(0);
  });

  it('needs some history before comparing with the usual; without it only a very large basket counts', () => {
    const thin = usualCustomer({ priorAmounts: [10, 12] });
    expect(assessSaleRisk(sale({ amount: 900, customer: thin })).score).toBe(0);
    const guest = assessSaleRisk(sale({ amount: 6_000, customer: null }));
    expect(guest.reasons).toEqual([{ rule: 'amount', points: RISK_RULES.amount.noHistoryPoints, message: 'Basket $6,000.00 by a guest is above $5,000.00' }]);
    expect(guest.alert).toEqual({ severity: 'medium' });
    expect(assessSaleRisk(sale({ amount: 4_999.99, customer: null })).score).toBe(0);
  });

  it('flags many purchases within minutes from the fourth basket', () => {
    expect(assessSaleRisk(sale({ customer: usualCustomer({ recentBaskets: 3 }) })).score).toBe(0);
    const four = assessSaleRisk(sale({ customer: usualCustomer({ recentBaskets: 4 }) }));
    expect(four.reasons).toEqual([{ rule: 'velocity', points: 60, message: '4 purchases by this customer in this region within 10 minutes' }]);
    expect(four.alert).toEqual({ severity: 'medium' });
    const nine = assessSaleRisk(sale({ customer: usualCustomer({ recentBaskets: 9 }) }));
    expect(nine.score).toBe(RISK_RULES.velocity.highPoints);
    expect(nine.alert).toEqual({ severity: 'high' });
  });

  it('flags odd hours 00:00–05:59 only', () => {
    expect(assessSaleRisk(sale({ localHour: 3 })).reasons).toEqual([{ rule: 'odd_hours', points: 20, message: 'Sale at 03:00, between 00:00 and 06:00' }]);
    expect(assessSaleRisk(sale({ localHour: 0 })).score).toBe(20);
    expect(assessSaleRisk(sale({ localHour: 6 })).score).toBe(0);
    expect(assessSaleRisk(sale({ localHour: 23 })).score).toBe(0);
  });

  it('adds the rules up, caps at 100 and raises a high alert from 75', () => {
    // odd hours alone stay below the alert threshold; with a strong sign they pass it
    const atNight = assessSaleRisk(sale({ localHour: 2 }));
    expect(atNight.score).toBe(20);
    expect(atNight.alert).toBeNull();
    const rapidAtNight = assessSaleRisk(sale({ localHour: 2, customer: usualCustomer({ recentBaskets: 4 }) }));
    expect(rapidAtNight).toMatchObject({ score: 80, alert: { severity: 'high' } });
    const everything = assessSaleRisk(sale({ amount: 5_000, localHour: 1, customer: usualCustomer({ recentBaskets: 12 }) }));
    expect(everything.reasons.map((r) => r.rule)).toEqual(['amount', 'velocity', 'odd_hours']);
    expect(everything.score).toBe(100);
    expect(everything.alert).toEqual({ severity: 'high' });
  });
});
