// The deterministic demo dataset: reference data and two years of sales ending at a given moment (never
// later: the last day holds each store's sales up to then, on its own clock), then the same dimension sync,
// fact promotion and rollup refresh the ETL uses, so both produce identical gold.
import { sql } from 'drizzle-orm';
import { databaseIdentity, queryRows, type Database } from '@/db/client';
import { ensureDateRange } from '@/lib/etl/gold/dim-date';
import { holdSeedLock } from '@/lib/database-readiness';
import { insertNewCustomers, syncReferenceDimensions } from '@/lib/etl/gold/dimensions';
import { promoteSalesLines } from '@/lib/etl/gold/promote-sales';
import { refreshRollups, ROLLUP_TABLES } from '@/lib/etl/rollups/maintain-rollups';
import { setSpanHorizon } from '@/lib/etl/rollups/span-rollups';
import { syncLowStockAlerts } from '@/lib/etl/signals/stock-alerts';
import { suspendIndexes } from './bulk-load';
import { addDays, dayOfDateKey, todayIn } from '@/lib/calendar/days';
import { forgetDemoData, recordDemoData } from './demo-dataset';
import { buildDemoWorld } from './demo-world';
import { bumpDataVersions } from '@/lib/cache/data-versions';
import { REGIONS } from '@/lib/filters/regions';
import { seedInventory } from './inventory';
import { writeReferenceData } from './reference-data';
import { insertSalesChunk } from './sales';
import { planChunks, salesChunk } from './sales-plan';

export { describeDemoData, hasDemoData, type DemoDataset } from './demo-dataset';

export const DEFAULT_DEMO_LINES = 1_000_000;
export const DEFAULT_DEMO_SEED = 42;

export interface SeedOptions {
  /** Sale lines to generate (about 2.5 per transaction). */
  lines: number;
  seed: number;
  /**
   * The moment the dataset ends, usually now: no sale after it, and its last day holds each store's sales
   * up to it on the store's own clock. The same seed, size and moment give the same data.
   */
  now: Date;
  /** The reporting time zone: calendar days of the facts. */
  timeZone: string;
  /** `done` counts up to `total` (= lines): generating the lines is the first half, promoting them the second. */
  onProgress?: (done: number, total: number, note: string) => void;
}

export interface SeedResult {
  lines: number;
  transactions: number;
  /** Net sales, in the store currency. */
  revenue: number;
}

/**
 * Replaces the demo sales (silver lines, gold facts, rollups, inventory) with a fresh deterministic
 * dataset, in one transaction: other sessions see the old dataset or the new one, and a failure
 * changes nothing. Users, their regions and the audit log are never touched.
 */
export async function seedDemoData(db: Database, options: SeedOptions): Promise<SeedResult> {
  const { lines, seed, now, timeZone } = options;
  if (now.getTime() > Date.now()) throw new RangeError('the demo dataset cannot end in the future');
  const world = buildDemoWorld(seed, lines, now);
  const progress = options.onProgress ?? (() => {});

  const result = await db.transaction(async (tx) => {
    // /api/health answers `starting` while this is held (lib/database-readiness.ts).
    await holdSeedLock(tx);
    // Room for the big sorts and index builds, and no JIT: the generated queries' row estimates are
    // huge, so Postgres would compile every chunk's query with LLVM for seconds. Reset at commit.
    await tx.execute(sql`set local work_mem = '64MB'`);
    await tx.execute(sql`set local maintenance_work_mem = '256MB'`);
    await tx.execute(sql`set local jit = off`);
    progress(0, lines, 'clearing previous sales');
    await forgetDemoData(tx);
    await clearSales(tx);

    progress(0, lines, 'reference data');
    await writeReferenceData(tx, world.data);
    await syncReferenceDimensions(tx);
    await insertNewCustomers(tx);

    const salesIndexes = await suspendIndexes(tx, 'silver', 'sales_lines');
    const factIndexes = await suspendIndexes(tx, 'gold', 'fact_sales');
    const chunks: { month: string; ids: [number, number]; lines: number }[] = [];
    let written = 0;
    for (const planned of planChunks(world.plan)) {
      const chunkLines = planned.lines.reduce((a, b) => a + b, 0);
      if (chunkLines === 0) continue;
      await insertSalesChunk(tx, seed, world.constants, salesChunk(seed, world.data, world.constants, planned));
      const last = await lastSalesLineId(tx);
      const previous = chunks.at(-1)?.ids[1] ?? 0;
      const month = planned.days[0].slice(0, 7);
      chunks.push({ month, ids: [previous + 1, last], lines: last - previous });
      written += chunkLines;
      progress(Math.floor(written / 2), lines, `generating ${month}`);
    }
    progress(Math.floor(lines / 2), lines, 'indexing sales lines');
    await salesIndexes.restore();

    let promoted = 0;
    for (const chunk of chunks) {
      await promoteSalesLines(tx, { idRange: chunk.ids }, timeZone, { allNew: true });
      promoted += chunk.lines;
      progress(Math.floor((lines + promoted) / 2), lines, `promoting ${chunk.month}`);
    }
    // The calendar from the first sale's day (in the reporting time zone) to today: never a day ahead.
    await ensureDateRange(tx, await firstFactDay(tx, world.firstDay), todayIn(timeZone, now));
    progress(lines, lines, 'rollups');
    const rollupIndexes = [];
    for (const table of ROLLUP_TABLES) rollupIndexes.push(await suspendIndexes(tx, 'gold', table));
    // spans hold closed days: up to yesterday (the whole dataset when it ends earlier); later days are day rows
    await setSpanHorizon(tx, addDays(todayIn(timeZone), -1));
    await refreshRollups(tx, { all: true });
    progress(lines, lines, 'indexing facts and rollups');
    for (const suspended of [factIndexes, ...rollupIndexes]) await suspended.restore();

    progress(lines, lines, 'inventory');
    const inventoryIndexes = [
      await suspendIndexes(tx, 'silver', 'inventory_levels'),
      await suspendIndexes(tx, 'gold', 'fact_inventory'),
    ];
    await seedInventory(tx, seed, todayIn(timeZone, now), now);
    for (const suspended of inventoryIndexes) await suspended.restore();
    // The seeded levels below their reorder point get their low-stock alerts, as the ETL would raise them.
    await syncLowStockAlerts(tx, { all: true });

    const result = await seededTotals(tx);
    await recordDemoData(tx, { lines, seed, seededUntil: now });
    // Every region's data changed: cached dashboard answers must not outlive the old dataset.
    await bumpDataVersions(tx, REGIONS.map((r) => r.id));
    return result;
  });
  progress(lines, lines, 'vacuum and statistics');
  await vacuumLoadedTables(db);
  return result;
}

/** The reporting day of the earliest fact, or `fallback` when there is none. */
async function firstFactDay(db: Database, fallback: string): Promise<string> {
  const [row] = await queryRows<{ first: number | null }>(db, sql`select min(date_key) as first from gold.fact_sales`);
  return row.first === null ? fallback : dayOfDateKey(Number(row.first));
}

const ROLLUP_TABLE_LIST = sql.raw(ROLLUP_TABLES.map((table) => `gold.${table}`).join(', '));
// The reference dimensions too: the planner joins them in every dashboard query.
const LOADED_TABLES = sql`silver.sales_lines, silver.customers, silver.customer_numbers, silver.inventory_levels, gold.fact_sales, gold.dim_customer,
  gold.fact_inventory, gold.dim_date, gold.dim_store, gold.dim_product, gold.dim_region, ${ROLLUP_TABLE_LIST}`;

/**
 * Fresh statistics keep the dashboards' plans sane after a bulk load (PGlite has no autovacuum), and a
 * vacuum sets the visibility map, without which index-only scans (distinct customers) read the heap.
 * VACUUM cannot run inside a transaction: a caller that seeds inside one gets the statistics only.
 */
async function vacuumLoadedTables(db: Database): Promise<void> {
  const insideTransaction = databaseIdentity(db) === '';
  await db.execute(insideTransaction ? sql`analyze ${LOADED_TABLES}` : sql`vacuum (analyze) ${LOADED_TABLES}`);
}

/** Empties everything derived from sales, signals included. Reference dimensions stay (upserted later); customers are rebuilt. */
async function clearSales(db: Database): Promise<void> {
  await db.execute(sql`
    truncate silver.sales_lines, silver.inventory_levels, silver.customer_numbers, gold.fact_sales, gold.fact_inventory,
      ${ROLLUP_TABLE_LIST}, gold.dim_customer, gold.sale_risk, gold.alerts
    restart identity`);
}

/** The last id handed out for silver.sales_lines (read from its sequence: the table has no index while loading). */
async function lastSalesLineId(db: Database): Promise<number> {
  const [row] = await queryRows<{ id: string | number | null }>(db, sql`
    select pg_sequence_last_value(pg_get_serial_sequence('silver.sales_lines', 'id')::regclass) as id`);
  return Number(row.id ?? 0);
}

async function seededTotals(db: Database): Promise<SeedResult> {
  // The baskets cube is at basket grain: its transactions add up across every row.
  const [row] = await queryRows<{ lines: string | number; transactions: string | number; revenue: string | number }>(db, sql`
    select coalesce(sum(lines), 0) as lines, coalesce(sum(transactions), 0) as transactions,
      coalesce(sum(net), 0) as revenue
    from gold.agg_baskets_by_region`);
  return { lines: Number(row.lines), transactions: Number(row.transactions), revenue: Number(row.revenue) };
}
