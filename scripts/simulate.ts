// npm run simulate -- --rate N --duration S [--url U] [--key K] [--batch B]: posts a live retail event
// stream to /api/ingest (see scripts/simulator) with a one-line progress, until the time is up or Ctrl-C.
import { parseArgs } from 'node:util';
import { progressBar } from '@/lib/cli/progress';
import { env } from '@/lib/env';
import type { RetailEvent } from '@/lib/etl/silver/events';
import { MAX_INGEST_EVENTS } from '@/lib/ingest/read-body';
import { EventSimulator } from '@/scripts/simulator/event-simulator';
import { IngestRefused, postEventBatch } from '@/scripts/simulator/ingest-client';
import { DEFAULT_DEMO_LINES, DEFAULT_DEMO_SEED } from '@/lib/seed';
import { buildDemoWorld } from '@/lib/seed/demo-world';

const HELP = `Usage: npm run simulate -- --rate N --duration S [options]

Posts a realistic live event stream to the portal's /api/ingest: sales in baskets like the seeded ones
(the same products, prices, quantities, customers and discounts), in the stores open at the moment on
their own clocks, with occasional bursts; inventory counts (some below the reorder point), customer
segment changes, a few re-sent events, and about 0.5 % suspicious baskets (amounts of several thousand
dollars, one customer buying again and again within minutes, a store in a region the customer never visits).

  --rate N          events per second when every store is at its busiest hour (default 50); quieter
                    hours send fewer (at least 15 %, so a night-time demo still shows something)
  --duration S      seconds to run (default 60)
  --url U           the portal (default http://localhost:$PORT)
  --key K           ingest API key (default: the first of INGEST_API_KEYS)
  --batch B         most events per request (default 200, at most ${MAX_INGEST_EVENTS})
  --transactions N  size of the seeded demo dataset, to reuse its customers (default ${DEFAULT_DEMO_LINES.toLocaleString('en-US')})
  --seed S          seed of the demo dataset (default ${DEFAULT_DEMO_SEED})
  -h, --help        show this help`;

const TICK_MS = 250;
/** A partial batch is sent once its oldest event has waited this long. */
const MAX_WAIT_MS = 1_000;

function positive(name: string, value: string | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/[_,]/g, ''));
  if (!Number.isFinite(n) || n <= 0 || n > max) throw new Error(`--${name} must be a number above 0 and at most ${max}, got "${value}"`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rate: { type: 'string' }, duration: { type: 'string' }, url: { type: 'string' }, key: { type: 'string' },
      batch: { type: 'string' }, transactions: { type: 'string' }, seed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return console.log(HELP);
  const settings = env();
  const rate = positive('rate', values.rate, 50);
  const durationMs = positive('duration', values.duration, 60) * 1000;
  const batch = Math.floor(positive('batch', values.batch, 200, MAX_INGEST_EVENTS));
  const url = values.url ?? `http://localhost:${settings.PORT}`;
  const key = values.key ?? settings.INGEST_API_KEYS[0];
  if (!key) throw new Error('No ingest API key: pass --key, or set INGEST_API_KEYS (the server must know the same key).');

  const world = buildDemoWorld(
    positive('seed', values.seed, DEFAULT_DEMO_SEED), positive('transactions', values.transactions, DEFAULT_DEMO_LINES), new Date(),
  );
  const simulator = new EventSimulator(world, { rate });
  const { stores, products, customers } = world.data;
  console.log(`simulate: posting to ${url}/api/ingest for ${durationMs / 1000} s; ${stores.length} stores, ` +
    `${products.length} products, ${customers.length} customers; ` +
    `about ${Math.round(rate * simulator.intensity(new Date()))} events/s at this hour (${rate}/s at peak). Ctrl-C stops.`);

  const totals = { sent: 0, accepted: 0, duplicates: 0, rejected: 0 };
  const reasons = new Map<string, number>();
  const started = Date.now();
  const progress = progressBar('simulate', Math.round(durationMs / 1000));
  const note = () => {
    const perSecond = Math.round(totals.sent / Math.max(0.001, (Date.now() - started) / 1000));
    const n = (x: number) => x.toLocaleString('en-US');
    return `sent ${n(totals.sent)} · accepted ${n(totals.accepted)} · duplicates ${n(totals.duplicates)} · rejected ${n(totals.rejected)} · ${n(perSecond)} events/s`;
  };

  let stopping = false;
  process.once('SIGINT', () => (stopping = true));
  const buffer: RetailEvent[] = [];
  let oldestWaiting = 0;
  let last = Date.now();
  const send = async (events: RetailEvent[]) => {
    const result = await postEventBatch(events, { url, key });
    totals.sent += events.length;
    totals.accepted += result.accepted;
    totals.duplicates += result.duplicates;
    totals.rejected += result.rejected.length;
    for (const r of result.rejected) reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
  };

  while (!stopping && Date.now() - started < durationMs) {
    const now = Date.now();
    // While a slow server holds us up, time still passes: the next tick makes up for it, up to a few batches.
    if (buffer.length < batch * 5) buffer.push(...simulator.tick(new Date(now), now - last));
    last = now;
    if (buffer.length > 0 && oldestWaiting === 0) oldestWaiting = now;
    while (buffer.length >= batch || (buffer.length > 0 && now - oldestWaiting >= MAX_WAIT_MS)) {
      await send(buffer.splice(0, batch));
      oldestWaiting = buffer.length > 0 ? Date.now() : 0;
    }
    progress.update(Math.floor((Date.now() - started) / 1000), note());
    await new Promise((r) => setTimeout(r, Math.max(0, TICK_MS - (Date.now() - now))));
  }
  while (buffer.length > 0) await send(buffer.splice(0, batch));
  progress.finish(note());
  if (reasons.size > 0) {
    console.log('rejected events by reason:');
    for (const [reason, count] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  ${count} × ${reason}`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write('\n');
  console.error(error instanceof IngestRefused || error instanceof Error ? error.message : error);
  process.exit(1);
});
