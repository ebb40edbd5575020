// npm run etl: bronze → silver → gold → rollups until nothing is left, then exit.
// npm run worker (etl --watch): the same continuously, woken by new bronze batches, until SIGINT/SIGTERM.
// Options: --batch-size N (events per transaction, default 5000).
import { sql } from 'drizzle-orm';
import { queryRows, type DatabaseHandle } from '@/db/client';
import { openConfiguredDatabase } from '@/lib/cli/open-database';
import { progressBar } from '@/lib/cli/progress';
import { env } from '@/lib/env';
import { rebuildRollupsIfMissing } from '@/lib/etl/rollups/maintain-rollups';
import { runEtlUntilDrained, type EtlSummary } from '@/lib/etl/run-batch';
import { startWorker } from '@/lib/etl/worker';

const DEFAULT_BATCH_SIZE = 5_000;

function batchSize(args: string[]): number {
  const at = args.indexOf('--batch-size');
  if (at === -1) return DEFAULT_BATCH_SIZE;
  const value = Number(args[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error('--batch-size takes a positive whole number');
  return value;
}

const rate = (events: number, ms: number) => `${Math.round(events / Math.max(ms / 1000, 0.001)).toLocaleString('en-US')} events/s`;

function describe(summary: EtlSummary): string {
  const days = summary.dates.length > 0 ? `, days ${summary.dates[0]}…${summary.dates[summary.dates.length - 1]}` : '';
  return `${summary.sales} sales lines, ${summary.customers} customer changes, ${summary.inventory} inventory levels, ` +
    `${summary.quarantined} quarantined; ${summary.stores.length} stores${days}`;
}

async function runOnce(handle: DatabaseHandle, limit: number, timeZone: string): Promise<void> {
  const [{ pending }] = await queryRows<{ pending: number }>(
    handle.db,
    sql`select count(*)::int as pending from bronze.events where processed_at is null`,
  );
  if (pending === 0) {
    console.log('etl: nothing to do, bronze is fully processed');
    return;
  }
  const started = Date.now();
  const progress = progressBar('etl', pending);
  let done = 0;
  const summary = await runEtlUntilDrained(handle.db, {
    limit,
    timeZone,
    onBatch: (batch) => {
      done += batch.claimed;
      progress.update(done, rate(done, Date.now() - started));
    },
  });
  progress.finish(rate(summary.claimed, Date.now() - started));
  console.log(`etl: ${summary.claimed} events in ${((Date.now() - started) / 1000).toFixed(1)} s: ${describe(summary)}`);
}

async function runWatch(handle: DatabaseHandle, limit: number, timeZone: string): Promise<void> {
  console.log(`etl worker: batches of ${limit}, reporting time zone ${timeZone}; Ctrl-C to stop`);
  const stop = startWorker(handle, {
    limit,
    timeZone,
    onBatch: (summary, ms) => console.log(`etl worker: ${summary.claimed} events (${rate(summary.claimed, ms)}): ${describe(summary)}`),
    log: (message, error) => console.error(`etl worker: ${message}`, error instanceof Error ? error.message : (error ?? '')),
  });
  const signal = await new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  console.log(`etl worker: ${signal}, finishing the current batch`);
  await stop();
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const limit = batchSize(args);
  const timeZone = env().REPORTING_TIME_ZONE;
  const handle = await openConfiguredDatabase();
  try {
    const started = Date.now();
    if (await rebuildRollupsIfMissing(handle.db, () => console.log('etl: building the rollups this release added from the facts…'))) {
      console.log(`etl: rollups built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    await (args.includes('--watch') ? runWatch(handle, limit, timeZone) : runOnce(handle, limit, timeZone));
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
