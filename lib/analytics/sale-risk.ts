// Fraud risk of one basket from transparent rules: each rule that fires adds points and says why in plain
// words, the score is their sum (capped at 100), and a score at or above the alert threshold raises a fraud
// alert. The ETL gathers the facts (lib/etl/signals/score-sales.ts); everything that decides lives here.
// Every fact is from the basket's own region: an alert is read by that region's managers, who may not see
// the customer's purchases elsewhere, so its score and words must not depend on them. (For that reason
// there is no "first purchase in this region" rule: it could only be stated from the other regions.)
import { formatMoneyCents as money } from '@/lib/format';

/** Every rule's threshold and points, in one place. Amounts are net, in the store currency. */
export const RISK_RULES = {
  /** How far back a customer's baskets count as their history. */
  historyDays: 365,
  amount: {
    /** Prior baskets needed before "the customer's usual" (their median basket) means anything. */
    minHistory: 3,
    /** Below this a basket is never "far above usual", however small the usual is. */
    minAmount: 500,
    ratio: 5,
    points: 60,
    highRatio: 10,
    highPoints: 75,
    /** Without enough history (guests, new customers): a basket this large counts on its own. */
    noHistoryAmount: 5_000,
    noHistoryPoints: 60,
  },
  velocity: {
    /** Baskets by one customer within this many minutes up to and including this one. */
    windowMinutes: 10,
    baskets: 4,
    points: 60,
    highBaskets: 8,
    highPoints: 75,
  },
  oddHours: {
    /** Local hours (reporting time zone) in [from, to) are odd: every demo store trades 8:00–22:00. */
    from: 0,
    to: 6,
    points: 20,
  },
  /**
   * A score at or above this raises a fraud alert; at or above `highSeverity` the alert is high. Amount and
   * velocity reach it alone; odd hours stay below it: the demo stores sell at night, so those only count
   * together with a stronger sign.
   */
  alertScore: 60,
  highSeverity: 75,
} as const;

export type RiskRule = 'amount' | 'velocity' | 'odd_hours';

export interface RiskReason {
  rule: RiskRule;
  points: number;
  message: string;
}

/** What the ETL knows about one basket, and about its customer in the basket's region, when it scores it. */
export interface SaleRiskFacts {
  /** The basket's net amount. */
  amount: number;
  /** Hour of the sale in the reporting time zone, 0–23. */
  localHour: number;
  /** Null for a guest sale: only the rules that need no customer apply. */
  customer: {
    /** Net amounts of the customer's earlier baskets in this region within the history window. */
    priorAmounts: readonly number[];
    /** The customer's baskets in this region within the velocity window ending at this sale, this one included. */
    recentBaskets: number;
  } | null;
}

export interface RiskAssessment {
  score: number;
  reasons: RiskReason[];
  alert: null | { severity: 'medium' | 'high' };
}

/** The middle value (mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function amountReason(facts: SaleRiskFacts): RiskReason | null {
  const rule = RISK_RULES.amount;
  const prior = facts.customer?.priorAmounts ?? [];
  const usual = prior.length >= rule.minHistory ? median(prior) : null;
  if (usual !== null && usual > 0) {
    const ratio = facts.amount / usual;
    if (facts.amount < rule.minAmount || ratio < rule.ratio) return null;
    return {
      rule: 'amount',
      points: ratio >= rule.highRatio ? rule.highPoints : rule.points,
      message: `Basket ${money(facts.amount)} is ${ratio.toFixed(1)}× the customer's usual ${money(usual)} in this region (median of ${prior.length} baskets)`,
    };
  }
  if (facts.amount < rule.noHistoryAmount) return null;
  const who = facts.customer ? 'a customer with too little history in this region' : 'a guest';
  return {
    rule: 'amount',
    points: rule.noHistoryPoints,
    message: `Basket ${money(facts.amount)} by ${who} is above ${money(rule.noHistoryAmount)}`,
  };
}

function velocityReason(facts: SaleRiskFacts): RiskReason | null {
  const rule = RISK_RULES.velocity;
  const count = facts.customer?.recentBaskets ?? 0;
  if (count < rule.baskets) return null;
  return {
    rule: 'velocity',
    points: count >= rule.highBaskets ? rule.highPoints : rule.points,
    message: `${count} purchases by this customer in this region within ${rule.windowMinutes} minutes`,
  };
}

function oddHoursReason(facts: SaleRiskFacts): RiskReason | null {
  const rule = RISK_RULES.oddHours;
  if (facts.localHour < rule.from || facts.localHour >= rule.to) return null;
  const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
  return {
    rule: 'odd_hours',
    points: rule.points,
    message: `Sale at ${hh(facts.localHour)}, between ${hh(rule.from)} and ${hh(rule.to)}`,
  };
}

export function assessSaleRisk(facts: SaleRiskFacts): RiskAssessment {
  const reasons = [amountReason(facts), velocityReason(facts), oddHoursReason(facts)].filter(
    (r): r is RiskReason => r !== null,
  );
  const score = Math.min(100, reasons.reduce((sum, r) => sum + r.points, 0));
  const alert = score >= RISK_RULES.alertScore ? { severity: score >= RISK_RULES.highSeverity ? ('high' as const) : ('medium' as const) } : null;
  return { score, reasons, alert };
}
