// One ETL micro-batch, bronze → silver → gold → rollups, in ONE transaction: a crash loses nothing and
// double-counts nothing, and re-running is a no-op because claimed events are marked processed in it.
// Workers claim with FOR UPDATE SKIP LOCKED, so several can run at once without sharing an event.
// A batch that fails for any reason but an unreachable database is split in halves, each retried in its
// own transaction, until the failing events stand alone; those are dead-lettered (dead-letter.ts) and the
// rest load. So no event can stop the pipeline: a batch never fails the same way twice.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { intArray, textArray } from '@/db/sql';
import { ensureDateRange } from '@/lib/etl/gold/dim-date';
import { addDays, dayOfDateKey, todayIn } from '@/lib/calendar/days';
import { bumpDataVersionsOf } from '@/lib/cache/data-versions';
import { isDatabaseUnavailable, rootMessage } from '@/lib/database-errors';
import { recordGoldChange } from '@/lib/realtime/change-log';
import { changeSlicesByRegion, type StoreOfKey } from '@/lib/realtime/change-slices';
import { raiseAnomalyAlerts } from '@/lib/etl/signals/anomaly-alerts';
import { loadCustomers } from '@/lib/etl/silver/customers';
import { deadLetterEvent } from './dead-letter';
import { loadInventory } from '@/lib/etl/silver/inventory';
import { promoteSalesLines } from '@/lib/etl/gold/promote-sales';
import { countIntake } from './intake-minutes';
import { quarantineEvents } from '@/lib/etl/silver/quarantine';
import { referencedCodes } from '@/lib/etl/silver/reference-codes';
import { addToRollups, closeDaysInSpans, lockRollups, refreshRollups, type DayStore } from '@/lib/etl/rollups/maintain-rollups';
import { scoreSales } from '@/lib/etl/signals/score-sales';
import { insertSalesLines } from '@/lib/etl/silver/sales-lines';
import { syncLowStockAlerts } from '@/lib/etl/signals/stock-alerts';
import {
  validateBronzeEvent, type BronzeEventRow, type Quarantined, type ReferenceCodes, type ValidCustomer, type ValidInventory,
  type ValidSale, type ValidationResult,
} from '@/lib/etl/silver/validate';
import { advanceWatermarks } from './watermarks';

export interface EtlBatchOptions {
  /** Most bronze events to claim in this batch. */
  limit: number;
  /** The reporting time zone: day and hour of facts and inventory snapshots. */
  timeZone: string;
}

/** What a batch changed; the live-data layer turns it into a change notification. */
export interface EtlSummary {
  claimed: number;
  sales: number;
  customers: number;
  inventory: number;
  quarantined: number;
  regions: number[];
  /** Reporting-time-zone days (YYYY-MM-DD) whose facts or inventory changed. */
  dates: string[];
  stores: string[];
  /** The app.change_log id this batch published, or null when it changed nothing in gold. */
  changeId: number | null;
}

export const emptySummary = (): EtlSummary => ({
  claimed: 0, sales: 0, customers: 0, inventory: 0, quarantined: 0, regions: [], dates: [], stores: [], changeId: null,
});

export async function runEtlBatch(db: Database, options: EtlBatchOptions): Promise<EtlSummary> {
  return runIsolatingFailures(db, (tx) => claimBronzeEvents(tx, options.limit), options);
}

/**
 * Loads what `claim` takes in one transaction; if that fails, bisects the claimed ids. Errors that say the
 * database is unavailable (or lost a deadlock race) are rethrown: they are no event's fault, and the
 * worker retries after a pause. Costs about 2·log2(batch) small transactions per failing event.
 */
async function runIsolatingFailures(
  db: Database, claim: (tx: Database) => Promise<BronzeEventRow[]>, options: EtlBatchOptions,
): Promise<EtlSummary> {
  let ids: number[] = [];
  try {
    return await db.transaction(async (tx) => {
      const claimed = await claim(tx);
      ids = claimed.map((row) => row.id);
      return loadClaimed(tx, claimed, options);
    });
  } catch (error) {
    if (ids.length === 0 || isDatabaseUnavailable(error)) throw error;
    if (ids.length === 1) {
      const moved = await deadLetterEvent(db, ids[0], error);
      // the database's words only: Drizzle's wrapper carries the batch's parameters, megabytes of events
      if (moved) console.error(`[etl] bronze event ${ids[0]} failed its batch alone; dead-lettered: ${rootMessage(error)}`);
      return moved ? { ...emptySummary(), claimed: 1, quarantined: 1 } : emptySummary();
    }
    const half = Math.ceil(ids.length / 2);
    let total = emptySummary();
    for (const part of [ids.slice(0, half), ids.slice(half)]) {
      total = mergeSummaries(total, await runIsolatingFailures(db, (tx) => claimBronzeIds(tx, part), options));
    }
    return total;
  }
}

async function loadClaimed(tx: Database, claimed: BronzeEventRow[], options: EtlBatchOptions): Promise<EtlSummary> {
  if (claimed.length === 0) return emptySummary();

  const now = new Date();
  const refs = await referenceCodes(tx, claimed);
  const results = claimed.map((row) => validateBronzeEvent(row, refs, now));
  const sales = ofKind(results, 'sale');
  const inventory = ofKind(results, 'inventory');

  const customers = await loadCustomers(tx, {
    events: ofKind(results, 'customer'),
    sales,
    dayOf: (instant) => todayIn(options.timeZone, instant),
  });
  const { lineIds, repeated } = await insertSalesLines(tx, sales);
  const quarantined = [...ofKind(results, 'quarantine'), ...customers.stale, ...repeated];
  await quarantineEvents(tx, quarantined);

  if (lineIds.length > 0) await promoteSalesLines(tx, { ids: lineIds }, options.timeZone);
  const factSlices = await slicesOfLines(tx, lineIds);
  const inventorySlices = await loadInventory(tx, inventory, options.timeZone);
  // Signals read the facts and levels just written: risk scores and fraud alerts, low-stock alerts.
  await scoreSales(tx, lineIds);
  await syncLowStockAlerts(tx, { pairs: inventory });

  const rollupSlices = uniqueSlices([...factSlices, ...customers.repointed]);
  const touched = uniqueSlices([...rollupSlices, ...inventorySlices]);
  const dateKeys = [...new Set(touched.map((s) => s.dateKey))].sort((a, b) => a - b);
  if (dateKeys.length > 0) await ensureDateRange(tx, dayOfDateKey(dateKeys[0]), dayOfDateKey(dateKeys[dateKeys.length - 1]));
  if (rollupSlices.length > 0) {
    // Under READ COMMITTED each statement then sees every fact committed before the lock.
    await lockRollups(tx);
    // New lines are added to their rows; slices whose older facts moved to another customer version are rebuilt.
    await addToRollups(tx, lineIds);
    await refreshRollups(tx, { pairs: customers.repointed });
    await closeDaysInSpans(tx, addDays(todayIn(options.timeZone, now), -1));
  }

  const bronzeIds = claimed.map((row) => row.id);
  await tx.execute(sql`update bronze.events set processed_at = now() where id = any(${intArray(bronzeIds)}::bigint[])`);
  await countIntake(tx, bronzeIds);
  // claimed in id order: the last id is the highest
  await advanceWatermarks(tx, bronzeIds[bronzeIds.length - 1], {
    bronze_to_silver: claimed.length,
    silver_to_gold: lineIds.length + inventory.length + customers.applied + customers.inferred,
    rollups: rollupSlices.length,
  });

  const stores = await storesOf(tx, [...new Set(touched.map((s) => s.storeKey))]);
  const soldIn = new Set(factSlices.map((s) => s.storeKey));
  await raiseAnomalyAlerts(tx, {
    regionIds: [...new Set(stores.filter((s) => soldIn.has(s.storeKey)).map((s) => s.regionId))],
    days: [...new Set(factSlices.map((s) => dayOfDateKey(s.dateKey)))],
    today: todayIn(options.timeZone, now),
  });
  // In this transaction: cache keys of answers reading these regions and months change exactly when the batch becomes visible.
  const regionOf = new Map(stores.map((s) => [s.storeKey, s.regionId]));
  await bumpDataVersionsOf(tx, touched.map((s) => ({ regionId: regionOf.get(s.storeKey)!, day: dayOfDateKey(s.dateKey) })));
  // Last, so the change-log lock is held only until commit (see change-log.ts).
  const changeId = await recordGoldChange(tx, changeSlicesByRegion(touched, stores, dayOfDateKey));
  return {
    claimed: claimed.length,
    sales: lineIds.length,
    customers: customers.applied,
    inventory: inventory.length,
    quarantined: quarantined.length,
    regions: [...new Set(stores.map((s) => s.regionId))].sort((a, b) => a - b),
    dates: dateKeys.map(dayOfDateKey),
    stores: stores.map((s) => s.storeCode).sort(),
    changeId,
  };
}

/** Runs batches until none is left to claim; returns the combined summary. */
export async function runEtlUntilDrained(
  db: Database,
  options: EtlBatchOptions & { onBatch?: (summary: EtlSummary) => void },
): Promise<EtlSummary> {
  let total = emptySummary();
  for (;;) {
    const summary = await runEtlBatch(db, options);
    if (summary.claimed === 0) return total;
    options.onBatch?.(summary);
    total = mergeSummaries(total, summary);
  }
}

export function mergeSummaries(a: EtlSummary, b: EtlSummary): EtlSummary {
  const union = <T>(x: T[], y: T[]) => [...new Set([...x, ...y])].sort((p, q) => (p < q ? -1 : p > q ? 1 : 0));
  return {
    claimed: a.claimed + b.claimed,
    sales: a.sales + b.sales,
    customers: a.customers + b.customers,
    inventory: a.inventory + b.inventory,
    quarantined: a.quarantined + b.quarantined,
    regions: union(a.regions, b.regions),
    dates: union(a.dates, b.dates),
    stores: union(a.stores, b.stores),
    changeId: b.changeId ?? a.changeId,
  };
}

async function claimBronzeEvents(db: Database, limit: number): Promise<BronzeEventRow[]> {
  // Ordered by the column, not the float8 output named like it: that would sort every pending event.
  return claimWhere(db, sql`e.processed_at is null order by e.id limit ${limit}`);
}

/** The given events that are still pending and not claimed by another worker (a part of a failed batch). */
async function claimBronzeIds(db: Database, ids: number[]): Promise<BronzeEventRow[]> {
  return claimWhere(db, sql`e.id = any(${intArray(ids)}::bigint[]) and e.processed_at is null order by e.id`);
}

async function claimWhere(db: Database, condition: SQL): Promise<BronzeEventRow[]> {
  const rows = await queryRows<{ id: number; envelope: string | null; raw_text: string | null }>(
    db,
    sql`select e.id::float8 as id, e.envelope::text as envelope, e.raw_text from bronze.events e
        where ${condition} for update skip locked`,
  );
  return rows.map((r) => ({ id: r.id, envelope: r.envelope === null ? null : JSON.parse(r.envelope), rawText: r.raw_text }));
}

/** The store codes and SKUs the batch names that exist in gold (facts join gold, so gold decides). */
async function referenceCodes(db: Database, rows: BronzeEventRow[]): Promise<ReferenceCodes> {
  const named = referencedCodes(rows.map((row) => row.envelope));
  const stores = await queryRows<{ code: string }>(
    db,
    sql`select store_code as code from gold.dim_store where store_code = any(${textArray([...named.storeCodes])})`,
  );
  const products = await queryRows<{ code: string }>(
    db,
    sql`select sku as code from gold.dim_product where sku = any(${textArray([...named.skus])})`,
  );
  return { storeCodes: new Set(stores.map((r) => r.code)), skus: new Set(products.map((r) => r.code)) };
}

async function slicesOfLines(db: Database, lineIds: number[]): Promise<DayStore[]> {
  if (lineIds.length === 0) return [];
  return queryRows<DayStore>(
    db,
    sql`select distinct date_key as "dateKey", store_key as "storeKey" from gold.fact_sales
        where sales_line_id = any(${intArray(lineIds)}::bigint[])`,
  );
}

async function storesOf(db: Database, storeKeys: number[]): Promise<StoreOfKey[]> {
  if (storeKeys.length === 0) return [];
  return queryRows(
    db,
    sql`select store_key::int as "storeKey", store_code as "storeCode", region_id::int as "regionId" from gold.dim_store
        where store_key = any(${intArray(storeKeys)})`,
  );
}

function uniqueSlices(slices: DayStore[]): DayStore[] {
  const byKey = new Map(slices.map((s) => [`${s.dateKey}:${s.storeKey}`, s]));
  return [...byKey.values()].sort((a, b) => a.dateKey - b.dateKey || a.storeKey - b.storeKey);
}

type ByKind = { sale: ValidSale; inventory: ValidInventory; customer: ValidCustomer; quarantine: Quarantined };

function ofKind<K extends keyof ByKind>(results: ValidationResult[], kind: K): ByKind[K][] {
  return results.filter((r): r is ByKind[K] => r.kind === kind);
}
