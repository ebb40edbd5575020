// The demo keeps selling while the portal runs. On a database holding the demo dataset, its sales from
// where they stopped up to now are sent through ingest (bronze; the ETL worker carries them to silver and
// gold, so the live monitor, its stream and the alerts see them like any other sale), then every few
// seconds what the stores sold meanwhile, at the dataset's own pace and on each store's own clock. After a
// pause (the portal stopped for three days) the first catch-up fills the gap, so "last 30 days" stays full.
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { textArray } from '@/db/sql';
import { runEtlUntilDrained, type EtlSummary } from '@/lib/etl/run-batch';
import { syncReferenceDimensions } from '@/lib/etl/gold/dimensions';
import { ingestEvents } from '@/lib/ingest/ingest-events';
import { generateCampaigns } from './campaigns';
import { describeDemoData, recordDemoSalesUntil, type DemoDataset } from './demo-dataset';
import { buildDemoWorld } from './demo-world';
import { DEMO_LIVE_SOURCE, DemoSales } from './live-sales';
import { writeCampaigns } from './reference-data';
import { firstStoreDay, lastStoreDay } from './store-days';

/** Taken for each step, so several server processes on one Postgres add each moment's sales once. */
const LIVE_LOCK = { classId: 7_201_010, objectId: 2 } as const;
/** One step (one transaction) adds at most this stretch of time: a long catch-up never holds the database long. */
const STEP_MS = 6 * 3_600_000;
const STEPS_PER_DAY = 86_400_000 / STEP_MS;
/** Events per ingest call, as a producer would batch them. */
const INGEST_BATCH = 1_000;
/** How often the stream adds what was sold since. */
export const DEMO_LIVE_TICK_MS = 10_000;
/** A first step longer than this is a catch-up after a pause, worth saying so. */
const CATCH_UP_NOTICE_MS = 60 * 60_000;

export interface DemoSalesAdded {
  from: Date;
  to: Date;
  /** Sale events ingested (accepted; a repeated window only adds duplicates). */
  events: number;
}

/** Adds the demo's sales up to a moment; keeps the dataset's rebuilt world between calls. */
export class DemoSalesFeed {
  private current: { key: string; sales: DemoSales } | undefined;

  constructor(private readonly db: Database) {}

  /**
   * Sends the demo's sales from where they stopped up to `now` through ingest, a few hours per
   * transaction. Null when the database holds no demo dataset; `busy` when another process is adding them.
   */
  async addUntil(now: Date, onStep?: (added: DemoSalesAdded) => void): Promise<DemoSalesAdded | 'busy' | null> {
    let total: DemoSalesAdded | undefined;
    for (;;) {
      const step = await this.db.transaction(async (tx) => {
        const [{ locked }] = await queryRows<{ locked: boolean }>(
          tx, sql`select pg_try_advisory_xact_lock(${LIVE_LOCK.classId}, ${LIVE_LOCK.objectId}) as locked`);
        if (!locked) return 'busy' as const;
        const dataset = await describeDemoData(tx);
        if (!dataset) return null;
        const from = dataset.salesUntil;
        const to = new Date(Math.min(now.getTime(), from.getTime() + STEP_MS));
        if (to <= from) return { from, to: from, events: 0 };
        await ensureCampaigns(tx, from, to);
        const events = this.salesOf(dataset).between(from, to);
        let accepted = 0;
        for (let i = 0; i < events.length; i += INGEST_BATCH) {
          const result = await ingestEvents(tx, { source: DEMO_LIVE_SOURCE, events: events.slice(i, i + INGEST_BATCH) });
          if (result.rejected.length > 0) throw new Error(`demo sales refused by ingest: ${result.rejected[0].reason}`);
          accepted += result.accepted;
        }
        await recordDemoSalesUntil(tx, to, accepted);
        return { from, to, events: accepted };
      });
      if (step === null || step === 'busy') return total ?? step;
      total = { from: total?.from ?? step.from, to: step.to, events: (total?.events ?? 0) + step.events };
      if (step.to.getTime() > step.from.getTime()) onStep?.(total);
      if (step.to.getTime() >= now.getTime()) return total;
    }
  }

  /** Sale lines a whole store day holds at the dataset's pace (for the start message). */
  async dayLines(day: string): Promise<number | null> {
    const dataset = await describeDemoData(this.db);
    return dataset ? this.salesOf(dataset).dayLines(day) : null;
  }

  private salesOf(dataset: DemoDataset): DemoSales {
    const key = `${dataset.seed}/${dataset.lines}/${dataset.seededUntil.toISOString()}`;
    if (this.current?.key !== key) {
      this.current = { key, sales: new DemoSales(buildDemoWorld(dataset.seed, dataset.lines, dataset.seededUntil)) };
    }
    return this.current.sales;
  }
}

/** The campaigns running on the store days from `from` to `to` exist in silver and gold (the seed wrote only its own). */
async function ensureCampaigns(db: Database, from: Date, to: Date): Promise<void> {
  const campaigns = generateCampaigns(firstStoreDay(from), lastStoreDay(to));
  if (campaigns.length === 0) return;
  const [{ known }] = await queryRows<{ known: number }>(db, sql`
    select count(*)::int as known from gold.dim_campaign where campaign_code = any(${textArray(campaigns.map((c) => c.code))})`);
  if (known === campaigns.length) return;
  await writeCampaigns(db, campaigns);
  await syncReferenceDimensions(db);
}

export interface DemoLiveOptions {
  /** DEMO_LIVE: off, nothing starts. */
  enabled: boolean;
  tickMs?: number;
  now?: () => Date;
  log?: (line: string) => void;
}

/**
 * Starts the live demo stream (when enabled): at once the sales since the demo's last one, then every tick
 * those since the previous tick. Stops by itself on a database without the demo dataset. The returned
 * function stops it and resolves once the step in progress has finished.
 */
export function startDemoLive(db: Database, options: DemoLiveOptions): () => Promise<void> {
  if (!options.enabled) return async () => {};
  const tickMs = options.tickMs ?? DEMO_LIVE_TICK_MS;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.log(line));
  const feed = new DemoSalesFeed(db);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  let announced = false;
  let failures = 0;

  /** Runs one step; answers how long to wait before the next (longer after each failure in a row, up to 32 ticks). */
  const tick = async (): Promise<number> => {
    try {
      let steps = 0;
      const added = await feed.addUntil(now(), announced ? undefined : (so) => {
        // a catch-up after a pause: a line per day of it
        if (++steps % STEPS_PER_DAY === 0) {
          log(`[demo-live] catching up: ${so.events.toLocaleString('en-US')} sale lines since ${so.from.toISOString()}, up to ${so.to.toISOString()}`);
        }
      });
      failures = 0;
      if (added === null) {
        stopped = true;
        return 0;
      }
      if (!announced) {
        announced = true;
        const today = await feed.dayLines(lastStoreDay(now()));
        const caughtUp = added !== 'busy' && added.to.getTime() - added.from.getTime() >= CATCH_UP_NOTICE_MS
          ? `; added the ${added.events.toLocaleString('en-US')} sale lines since ${added.from.toISOString()}` : '';
        log(`[demo-live] the demo stores keep selling while the portal runs (about ${today?.toLocaleString('en-US')} sale lines ` +
          `today, in opening hours on each store's clock)${caughtUp}; DEMO_LIVE=0 turns this off`);
      }
      return tickMs;
    } catch (error) {
      failures += 1;
      const wait = tickMs * 2 ** Math.min(failures - 1, 5);
      log(`[demo-live] adding demo sales failed; trying again in ${wait / 1000} s: ${error instanceof Error ? error.message : String(error)}`);
      return wait;
    }
  };
  const loop = (async () => {
    while (!stopped) {
      const wait = await tick();
      if (stopped) break;
      await new Promise<void>((resolve) => {
        timer = setTimeout(resolve, wait);
        wake = resolve;
      });
    }
  })();

  return async () => {
    stopped = true;
    clearTimeout(timer);
    wake?.();
    await loop;
  };
}

/**
 * For the command line (`npm start`, `npm run db:seed`): adds the demo's sales up to `now` and runs the ETL
 * until they are in gold, reporting progress. Null when the database holds no demo dataset; `busy` when a
 * running portal is adding them.
 */
export async function extendDemoData(
  db: Database,
  options: { now: Date; timeZone: string; onProgress?: (done: number, total: number, note: string) => void },
): Promise<{ added: DemoSalesAdded; loaded: EtlSummary } | 'busy' | null> {
  const dataset = await describeDemoData(db);
  if (!dataset) return null;
  const start = dataset.salesUntil.getTime();
  const span = Math.max(1, options.now.getTime() - start);
  const progress = options.onProgress ?? (() => {});
  // The first half of the bar is sending the sales (by time covered), the second loading them.
  const added = await new DemoSalesFeed(db).addUntil(options.now, (so) =>
    progress(Math.round(((so.to.getTime() - start) / span) * 50), 100, `${so.events.toLocaleString('en-US')} sale lines sent`));
  if (added === null || added === 'busy') return added;
  let loaded = 0;
  const summary = await runEtlUntilDrained(db, {
    limit: 5_000,
    timeZone: options.timeZone,
    onBatch: (batch) => {
      loaded += batch.sales;
      progress(50 + Math.round((Math.min(loaded, added.events) / Math.max(1, added.events)) * 50), 100,
        `${loaded.toLocaleString('en-US')} sale lines loaded`);
    },
  });
  return { added, loaded: summary };
}
