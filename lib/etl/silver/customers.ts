// Customer events and inferred members → silver.customers and gold.dim_customer (type 2), set-based.
//
// Concurrency: every customer a batch names is locked until the batch commits, before any version is read
// — exclusively when the batch versions it (a change event, a new inferred member), shared when its sales
// only point at a version. So a batch that changes a customer and one that sells to them never overlap:
// either the sales commit first and the change's re-point (a later statement) sees and moves them, or the
// change commits first and the sales resolve against the new versions. Batches that only sell share their
// locks and run in parallel. Customers hash into CUSTOMER_LOCK_BUCKETS locks, so a batch holds a bounded
// number of them (Postgres keeps locks in fixed shared memory), taken in bucket order: no deadlock.
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { textArray } from '@/db/sql';
import type { DayStore } from '@/lib/etl/rollups/maintain-rollups';
import { jsonRecords } from '@/db/json-records';
import { planCustomerChanges, planInferredMembers, type CurrentVersion, type CustomerVersion } from './scd2';
import type { Quarantined, ValidCustomer, ValidSale } from './validate';

export interface CustomerLoadResult {
  applied: number;
  inferred: number;
  stale: Quarantined[];
  /** Slices whose facts moved to a new customer version (a change that arrived after its sales). */
  repointed: DayStore[];
}

const CUSTOMER_LOCK_CLASS = 7_201_002;
const CUSTOMER_LOCK_BUCKETS = 256;

export async function loadCustomers(
  db: Database,
  input: { events: readonly ValidCustomer[]; sales: readonly ValidSale[]; dayOf: (instant: Date) => string },
): Promise<CustomerLoadResult> {
  const eventIds = unique(input.events.map((e) => e.customerId));
  const saleIds = unique(input.sales.flatMap((s) => (s.customerId ? [s.customerId] : []))).filter((id) => !eventIds.includes(id));
  const result: CustomerLoadResult = { applied: 0, inferred: 0, stale: [], repointed: [] };
  if (eventIds.length === 0 && saleIds.length === 0) return result;

  const knownBySale = new Set(await currentCustomerIds(db, saleIds));
  const ids = [...eventIds, ...saleIds.filter((id) => !knownBySale.has(id))];
  await lockCustomers(db, { exclusive: ids, shared: saleIds.filter((id) => knownBySale.has(id)) });
  if (ids.length === 0) return result;

  const current = new Map((await currentVersions(db, ids)).map((v) => [v.customerId, v]));
  const plan = planCustomerChanges(current, input.events, input.dayOf);
  const planned = new Set(plan.silver.map((c) => c.customerId));
  const inferred = planInferredMembers(input.sales, (id) => knownBySale.has(id) || current.has(id) || planned.has(id), input.dayOf);

  const silverRows = plan.silver.map((c) => ({
    customer_id: c.customerId,
    name: c.name,
    segment: c.segment,
    home_store_code: c.homeStoreCode,
    acquired_on: c.acquiredOn,
    updated_at: c.updatedAt.toISOString(),
  }));
  if (silverRows.length > 0) {
    await db.execute(sql`
      insert into silver.customers (customer_id, name, segment, home_store_code, acquired_on, updated_at)
      select customer_id, name, segment, home_store_code, acquired_on, updated_at
      from ${jsonRecords(silverRows)} as r(customer_id text, name text, segment text, home_store_code text,
        acquired_on date, updated_at timestamptz)
      order by customer_id
      on conflict (customer_id) do update set name = excluded.name, segment = excluded.segment,
        home_store_code = excluded.home_store_code, acquired_on = excluded.acquired_on, updated_at = excluded.updated_at`);
  }
  if (inferred.length > 0) {
    await db.execute(sql`
      insert into silver.customers (customer_id, name, segment, home_store_code, acquired_on)
      select customer_id, name, segment, home_store_code, acquired_on
      from ${jsonRecords(inferred.map(recordOf))} as r(customer_id text, name text, segment text, home_store_code text,
        acquired_on date)
      order by customer_id
      on conflict (customer_id) do nothing`);
  }
  if (plan.closes.length > 0) {
    await db.execute(sql`
      update gold.dim_customer d set valid_to = r.valid_to, is_current = false
      from ${jsonRecords(plan.closes.map((c) => ({ customer_id: c.customerId, valid_to: c.validTo.toISOString() })))}
        as r(customer_id text, valid_to timestamptz)
      where d.customer_id = r.customer_id and d.is_current`);
  }
  await insertVersions(db, [...plan.inserts, ...inferred]);
  if (silverRows.length > 0) {
    // acquiredOn is type 1: a correction applies to every version of the customer
    await db.execute(sql`
      update gold.dim_customer d set acquired_on = r.acquired_on
      from ${jsonRecords(silverRows)} as r(customer_id text, acquired_on date)
      where d.customer_id = r.customer_id and d.acquired_on <> r.acquired_on`);
  }
  return {
    applied: plan.applied,
    inferred: inferred.length,
    stale: plan.stale,
    repointed: plan.changed.length > 0 ? await repointFacts(db, plan.changed) : [],
  };
}

/** Takes each bucket once, in bucket order, exclusive if any of its customers needs it exclusive. */
async function lockCustomers(db: Database, ids: { exclusive: string[]; shared: string[] }): Promise<void> {
  // The subquery sorts; the outer select then calls the lock functions row by row in that order.
  await db.execute(sql`
    select case when k.exclusive then pg_advisory_xact_lock(${CUSTOMER_LOCK_CLASS}, k.bucket)
                else pg_advisory_xact_lock_shared(${CUSTOMER_LOCK_CLASS}, k.bucket) end
    from (
      select mod(abs(hashtext(r.id)::bigint), ${CUSTOMER_LOCK_BUCKETS})::int as bucket, bool_or(r.exclusive) as exclusive
      from (select id, true as exclusive from unnest(${textArray(ids.exclusive)}) as id
            union all select id, false from unnest(${textArray(ids.shared)}) as id) r
      group by 1 order by 1) k`);
}

async function currentCustomerIds(db: Database, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<{ customer_id: string }>(
    db,
    sql`select customer_id from gold.dim_customer where is_current and customer_id = any(${textArray(ids)})`,
  );
  return rows.map((r) => r.customer_id);
}

async function currentVersions(db: Database, ids: string[]): Promise<CurrentVersion[]> {
  const rows = await queryRows<{
    customer_id: string; name: string; segment: string; home_store_code: string | null; acquired_on: string; valid_from_ms: number;
  }>(
    db,
    sql`select d.customer_id, d.name, d.segment, st.store_code as home_store_code, d.acquired_on::text as acquired_on,
          (extract(epoch from d.valid_from) * 1000)::float8 as valid_from_ms
        from gold.dim_customer d left join gold.dim_store st on st.store_key = d.home_store_key
        where d.is_current and d.customer_id = any(${textArray(ids)})`,
  );
  return rows.map((r) => ({
    customerId: r.customer_id,
    name: r.name,
    segment: r.segment,
    homeStoreCode: r.home_store_code,
    acquiredOn: r.acquired_on,
    validFrom: new Date(r.valid_from_ms),
  }));
}

const recordOf = (v: CustomerVersion) => ({
  customer_id: v.customerId,
  name: v.name,
  segment: v.segment,
  home_store_code: v.homeStoreCode,
  acquired_on: v.acquiredOn,
  valid_from: v.validFrom.toISOString(),
  valid_to: v.validTo?.toISOString() ?? null,
  is_current: v.isCurrent,
});

async function insertVersions(db: Database, versions: CustomerVersion[]): Promise<void> {
  if (versions.length === 0) return;
  await db.execute(sql`
    insert into gold.dim_customer (customer_id, name, segment, home_store_key, acquired_on, valid_from, valid_to, is_current)
    select r.customer_id, r.name, r.segment, st.store_key, r.acquired_on, r.valid_from, r.valid_to, r.is_current
    from ${jsonRecords(versions.map((v, ord) => ({ ...recordOf(v), ord })))} as r(ord int, customer_id text, name text,
      segment text, home_store_code text, acquired_on date, valid_from timestamptz, valid_to timestamptz, is_current boolean)
    left join gold.dim_store st on st.store_code = r.home_store_code
    order by r.ord
    on conflict (customer_id) where is_current do nothing`);
}

/**
 * Points every fact of the changed customers at the version in force when it happened. Needed when a
 * change arrives after sales that follow it; returns the slices whose rollups must be rebuilt.
 */
async function repointFacts(db: Database, customerIds: string[]): Promise<DayStore[]> {
  return queryRows<DayStore>(
    db,
    sql`
      with moved as (
        update gold.fact_sales f set customer_sk = v.customer_sk
        from gold.dim_customer v
        join gold.dim_customer o on o.customer_id = v.customer_id
        where v.customer_id = any(${textArray(customerIds)})
          and f.customer_sk = o.customer_sk and f.customer_sk <> v.customer_sk
          and f.occurred_at >= v.valid_from and (v.valid_to is null or f.occurred_at < v.valid_to)
        returning f.date_key, f.store_key)
      select distinct date_key as "dateKey", store_key as "storeKey" from moved`,
  );
}

const unique = <T>(values: T[]) => [...new Set(values)];
