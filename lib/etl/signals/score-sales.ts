// Scores the baskets of an ETL batch for fraud risk (rules: lib/analytics/sale-risk.ts) and raises a fraud
// alert for each high score. A basket is scored on the customer's history in its own region only: the
// score, the reasons and the alert are read under that region's scope, and must not tell its readers
// about purchases in regions they cannot see. A basket whose lines arrive over several batches is re-scored each time: its
// amount accumulates in gold.sale_risk (each new line counted once, because only new facts are passed in;
// the sum is taken in the upsert, so even two workers holding lines of one basket at once lose nothing).
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { intArray, textArray } from '@/db/sql';
import { assessSaleRisk, RISK_RULES, type RiskAssessment } from '@/lib/analytics/sale-risk';
import { raiseAlerts } from './raise-alerts';
import { jsonRecords } from '@/db/json-records';

interface BatchBasket {
  transaction_id: string;
  /** ISO instant of the basket's first line in this batch. */
  occurred_at: string;
  at_ms: number;
  hour: number;
  store_key: number;
  store_code: string;
  region_id: number;
  customer_id: string | null;
  /** Net of this batch's lines of the basket. */
  net: number;
  /** Net of the lines scored in earlier batches (0 for a new basket). */
  earlier_net: number;
}

interface PastBasket {
  customer_id: string;
  transaction_id: string;
  at_ms: number;
  region_id: number;
  net: number;
}

/** Scores the baskets of the given new fact lines; returns how many fraud alerts were raised or refreshed. */
export async function scoreSales(db: Database, lineIds: readonly number[]): Promise<number> {
  if (lineIds.length === 0) return 0;
  const baskets = await batchBaskets(db, lineIds);
  const customerIds = [...new Set(baskets.map((b) => b.customer_id).filter((c): c is string => c !== null))];
  const earliest = Math.min(...baskets.map((b) => b.at_ms));
  const history = await customerBaskets(db, customerIds, new Date(earliest - RISK_RULES.historyDays * 86_400_000));
  const byCustomer = new Map<string, PastBasket[]>();
  for (const h of history) byCustomer.set(h.customer_id, [...(byCustomer.get(h.customer_id) ?? []), h]);

  const scored = baskets.map((b) => ({ basket: b, amount: round2(b.net + b.earlier_net), assessment: assess(b, byCustomer) }));
  await writeScores(db, scored);
  const raised = scored.filter((s) => s.assessment.alert);
  await raiseAlerts(
    db,
    raised.map(({ basket, amount, assessment }) => ({
      kind: 'fraud',
      regionId: basket.region_id,
      storeKey: basket.store_key,
      subject: basket.transaction_id,
      dedupeKey: `fraud:${basket.transaction_id}`,
      reason: `Risk ${assessment.score}/100 — ${assessment.reasons.map((r) => r.message).join('; ')}`,
      severity: assessment.alert!.severity,
      detail: {
        score: assessment.score,
        reasons: assessment.reasons,
        amount,
        customerId: basket.customer_id,
        storeCode: basket.store_code,
        occurredAt: basket.occurred_at,
      },
    })),
  );
  return raised.length;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function assess(b: BatchBasket, byCustomer: Map<string, PastBasket[]>): RiskAssessment {
  const at = b.at_ms;
  const mine = (b.customer_id ? byCustomer.get(b.customer_id) ?? [] : []).filter((h) => h.region_id === b.region_id);
  const prior = mine.filter((h) => h.at_ms < at && h.transaction_id !== b.transaction_id);
  const windowStart = at - RISK_RULES.velocity.windowMinutes * 60_000;
  // this basket plus the others whose first line falls in the window (mine includes this one once it is in gold)
  const recent = new Set(mine.filter((h) => h.at_ms >= windowStart && h.at_ms <= at).map((h) => h.transaction_id));
  recent.add(b.transaction_id);
  return assessSaleRisk({
    amount: round2(b.net + b.earlier_net),
    localHour: b.hour,
    customer: b.customer_id ? { priorAmounts: prior.map((h) => h.net), recentBaskets: recent.size } : null,
  });
}

/** The batch's baskets: this batch's lines of each, and what earlier batches already counted. */
async function batchBaskets(db: Database, lineIds: readonly number[]): Promise<BatchBasket[]> {
  return queryRows<BatchBasket>(
    db,
    sql`
      select f.transaction_id, to_json(min(f.occurred_at)) #>> '{}' as occurred_at,
        (extract(epoch from min(f.occurred_at)) * 1000)::float8 as at_ms,
        (array_agg(f.hour order by f.occurred_at))[1]::int as hour,
        min(f.store_key)::int as store_key, min(st.store_code) as store_code, min(f.region_id)::int as region_id,
        min(c.customer_id) as customer_id, sum(f.net)::float8 as net, coalesce(min(r.amount), 0)::float8 as earlier_net
      from gold.fact_sales f
      join gold.dim_store st on st.store_key = f.store_key
      left join gold.dim_customer c on c.customer_sk = f.customer_sk
      left join gold.sale_risk r on r.transaction_id = f.transaction_id
      where f.sales_line_id = any(${intArray([...lineIds])}::bigint[])
      group by f.transaction_id
      order by f.transaction_id`,
  );
}

/** Every basket (all its lines in gold) of these customers since `since`, through the customer index. */
async function customerBaskets(db: Database, customerIds: string[], since: Date): Promise<PastBasket[]> {
  if (customerIds.length === 0) return [];
  return queryRows<PastBasket>(
    db,
    sql`
      select c.customer_id, f.transaction_id, (extract(epoch from min(f.occurred_at)) * 1000)::float8 as at_ms,
        min(f.region_id)::int as region_id, sum(f.net)::float8 as net
      from gold.dim_customer c
      join gold.fact_sales f on f.customer_sk = c.customer_sk
      where c.customer_id = any(${textArray(customerIds)})
        and f.date_key >= to_char((${since.toISOString()}::timestamptz - interval '1 day'), 'YYYYMMDD')::int
        and f.occurred_at >= ${since.toISOString()}::timestamptz
      group by c.customer_id, f.transaction_id`,
  );
}

async function writeScores(db: Database, scored: { basket: BatchBasket; assessment: RiskAssessment }[]): Promise<void> {
  const records = scored.map(({ basket, assessment }) => ({
    transaction_id: basket.transaction_id,
    region_id: basket.region_id,
    store_key: basket.store_key,
    customer_id: basket.customer_id,
    occurred_at: basket.occurred_at,
    batch_net: basket.net,
    score: assessment.score,
    reasons: assessment.reasons,
  }));
  await db.execute(sql`
    insert into gold.sale_risk (transaction_id, region_id, store_key, customer_id, occurred_at, amount, score, reasons)
    select transaction_id, region_id, store_key, customer_id, occurred_at, batch_net, score, reasons
    from ${jsonRecords(records)} as r(transaction_id text, region_id smallint, store_key int, customer_id text,
      occurred_at timestamptz, batch_net numeric, score smallint, reasons jsonb)
    order by transaction_id
    -- amount: what is stored plus this batch's lines (not the total read earlier, which a concurrent batch may have changed)
    on conflict (transaction_id) do update set amount = gold.sale_risk.amount + excluded.amount, score = excluded.score, reasons = excluded.reasons,
      occurred_at = least(gold.sale_risk.occurred_at, excluded.occurred_at), scored_at = now()`);
}
