// npm run db:seed -- --transactions N [--seed S]: (re)generates the deterministic demo dataset, or extends
// the one the database holds up to now.
import { parseArgs } from 'node:util';
import { openConfiguredDatabase } from '@/lib/cli/open-database';
import { progressBar } from '@/lib/cli/progress';
import { env } from '@/lib/env';
import { DEFAULT_DEMO_LINES, DEFAULT_DEMO_SEED, describeDemoData, seedDemoData } from '@/lib/seed';
import { extendDemoData } from '@/lib/seed/live-demo';

const HELP = `Usage: npm run db:seed -- [--transactions N] [--seed S] [--replace]

Generates two years of synthetic retail sales ending now (never a sale later than the moment it runs;
the last day holds each store's sales so far, on its own clock), with stores, products, customers,
campaigns and inventory, then builds the gold facts and rollups.

  --transactions N  number of sale lines to generate (default ${DEFAULT_DEMO_LINES.toLocaleString('en-US')});
                    a transaction (basket) has 1-6 lines, about 2.5 on average
  --seed S          random seed (default ${DEFAULT_DEMO_SEED}); the same seed and moment give the same data
  --replace         seed afresh even when the database holds the same dataset
  -h, --help        show this help

Existing sales, facts, rollups and inventory are replaced; users and the audit log are kept.
If the database already holds the same dataset (size and seed), it is extended instead (unless
--replace): the sales since its last one up to now are added through the ingest path and the ETL, as the
portal does on start.
Uses DATABASE_URL, or the embedded database under DATA_DIR (stop the portal first).`;

function parseCount(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/[_,]/g, ''));
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`--${name} must be an integer of at least ${min}, got "${value}"`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      transactions: { type: 'string' },
      seed: { type: 'string' },
      replace: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const lines = parseCount('transactions', values.transactions, DEFAULT_DEMO_LINES, 1);
  const seed = parseCount('seed', values.seed, DEFAULT_DEMO_SEED, 0);
  const timeZone = env().REPORTING_TIME_ZONE;
  const now = new Date();

  const handle = await openConfiguredDatabase();
  try {
    const existing = await describeDemoData(handle.db);
    const started = Date.now();
    const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
    if (existing && existing.lines === lines && existing.seed === seed && !values.replace) {
      console.log(`The database holds the demo dataset of ${lines.toLocaleString('en-US')} lines (seed ${seed}) up to ` +
        `${existing.salesUntil.toISOString()}; adding its sales since then.`);
      const bar = progressBar('extending', 100);
      const extended = await extendDemoData(handle.db, { now, timeZone, onProgress: (done, _total, note) => bar.update(done, note) });
      bar.finish('done');
      if (extended === 'busy') throw new Error('a running portal is adding the demo sales; nothing to do here');
      console.log(`Added ${(extended?.added.events ?? 0).toLocaleString('en-US')} sale lines up to ${now.toISOString()} in ${seconds()} s.`);
      return;
    }
    const bar = progressBar('seeding', lines);
    const result = await seedDemoData(handle.db, {
      lines, seed, now, timeZone, onProgress: (done, _total, note) => bar.update(done, note),
    });
    bar.finish('done');
    const revenue = result.revenue.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    console.log(
      `Seeded ${result.lines.toLocaleString('en-US')} lines in ${result.transactions.toLocaleString('en-US')} transactions, ` +
        `revenue ${revenue}, ending ${now.toISOString()} (${handle.engine}, seed ${seed}) in ${seconds()} s.`,
    );
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  // A failed query's message repeats the whole statement and its parameters; the cause says what went wrong.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  console.error(`Seeding failed: ${cause instanceof Error ? cause.message : String(cause)}`);
  process.exitCode = 1;
});
