// The live path, measured against a real `next start` (with its ETL worker) on the bench database:
// - latency from the ingest response to the SSE `change` message at a client, under a background load;
// - ingest throughput (events/s accepted) and how fast the worker turns them into gold;
// - how many SSE clients one server holds, its memory, and how long one change takes to reach them all.
// Probe sales go to one store that the background load never uses, one probe in flight at a time, so the
// first change naming that store after a probe's 2xx is the probe's own.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { readFileSync, readdirSync } from 'node:fs';
import { queryRows, type Database } from '@/db/client';
import { connectSse, type SseMessage } from './sse-client';

export interface LiveWorld {
  baseUrl: string;
  cookie: string;
  keys: string[];
  /** Stores the background load may use; the probe store is not among them. */
  stores: string[];
  probeStore: string;
  products: { sku: string; price: number }[];
}

export async function loadLiveWorld(db: Database, base: Omit<LiveWorld, 'stores' | 'probeStore' | 'products'>): Promise<LiveWorld> {
  const stores = (await queryRows<{ code: string }>(db, sql`select store_code as code from silver.stores order by store_code`)).map((r) => r.code);
  const products = await queryRows<{ sku: string; price: number }>(
    db,
    sql`select sku, unit_price::float8 as price from silver.products order by sku limit 300`,
  );
  return { ...base, probeStore: stores[0]!, stores: stores.slice(1), products };
}

function saleEvent(world: LiveWorld, store: string, i: number) {
  const product = world.products[i % world.products.length]!;
  return {
    id: randomUUID(),
    type: 'sale',
    occurredAt: new Date().toISOString(),
    source: 'bench',
    payload: { transactionId: `BENCH-${randomUUID()}`, storeCode: store, sku: product.sku, quantity: 1 + (i % 3), unitPrice: product.price },
  };
}

let keyTurn = 0;
async function post(world: LiveWorld, events: unknown[]): Promise<{ status: number; accepted: number; respondedAt: number }> {
  const key = world.keys[keyTurn++ % world.keys.length];
  const res = await fetch(new URL('/api/ingest', world.baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ events }),
  });
  const respondedAt = performance.now();
  const body = (await res.json().catch(() => ({}))) as { accepted?: number };
  return { status: res.status, accepted: body.accepted ?? 0, respondedAt };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface LatencyRun {
  offeredPerSecond: number;
  acceptedPerSecond: number;
  latenciesMs: number[];
  refusedBatches: number;
}

/** Background sales at `rate` events/s (batches every 100 ms) while serial probes measure ingest → SSE. */
export async function measureLiveLatency(world: LiveWorld, rate: number, seconds: number): Promise<LatencyRun> {
  const probeArrivals: SseMessage[] = [];
  let notify: (() => void) | null = null;
  const stream = connectSse(new URL('/api/stream', world.baseUrl).toString(), world.cookie, (m) => {
    if (m.event !== 'change') return;
    const change = JSON.parse(m.data) as { stores?: string[] };
    if (change.stores?.includes(world.probeStore)) {
      probeArrivals.push(m);
      notify?.();
    }
  });
  await stream.ready;

  let running = true;
  let accepted = 0;
  let refusedBatches = 0;
  const perTick = Math.max(1, Math.round(rate / 10));
  const started = performance.now();
  const load = (async () => {
    let i = 0;
    for (let tick = 0; running; tick++) {
      const events = Array.from({ length: perTick }, () => saleEvent(world, world.stores[i % world.stores.length]!, i++));
      void post(world, events).then((r) => (r.status < 300 ? (accepted += r.accepted) : refusedBatches++), () => refusedBatches++);
      const due = started + (tick + 1) * 100;
      await sleep(Math.max(0, due - performance.now()));
    }
  })();

  const latenciesMs: number[] = [];
  await sleep(1_000); // let the load settle before probing
  const deadline = performance.now() + seconds * 1000;
  let probe = 0;
  while (performance.now() < deadline) {
    const seen = probeArrivals.length;
    const arrived = new Promise<void>((resolve) => (notify = () => probeArrivals.length > seen && resolve()));
    const response = await post(world, [saleEvent(world, world.probeStore, probe++)]);
    if (response.status >= 300) {
      refusedBatches++;
      await sleep(250);
      continue;
    }
    const timedOut = await Promise.race([arrived.then(() => false), sleep(15_000).then(() => true)]);
    if (timedOut) throw new Error(`a probe sale did not reach the stream within 15 s at ${rate} events/s`);
    latenciesMs.push(probeArrivals[seen]!.receivedAt - response.respondedAt);
    await sleep(150);
  }
  running = false;
  await load;
  stream.close();
  const elapsed = (performance.now() - started) / 1000;
  return { offeredPerSecond: rate, acceptedPerSecond: accepted / elapsed, latenciesMs, refusedBatches };
}

export interface ThroughputRun {
  events: number;
  ingestPerSecond: number;
  /** From the first post until the worker has no unprocessed event left. */
  endToEndPerSecond: number;
  drainSeconds: number;
}

/** `concurrency` producers post full batches for `seconds`; then waits for the worker to drain bronze. */
export async function measureIngestThroughput(db: Database, world: LiveWorld, options: { seconds: number; concurrency: number; batchSize: number }): Promise<ThroughputRun> {
  let events = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  let i = 0;
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (performance.now() < deadline) {
        const batch = Array.from({ length: options.batchSize }, () => saleEvent(world, world.stores[i % world.stores.length]!, i++));
        const r = await post(world, batch);
        if (r.status === 429) await sleep(200);
        else if (r.status >= 300) throw new Error(`ingest answered ${r.status} under load`);
        else events += r.accepted;
      }
    }),
  );
  const posted = performance.now();
  for (;;) {
    const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from bronze.events where processed_at is null`);
    if (row!.n === 0) break;
    await sleep(100);
  }
  const drained = performance.now();
  return {
    events,
    ingestPerSecond: events / ((posted - started) / 1000),
    endToEndPerSecond: events / ((drained - started) / 1000),
    drainSeconds: (drained - posted) / 1000,
  };
}

export interface FanoutRun {
  clients: number;
  connectSeconds: number;
  rssMbIdle: number;
  rssMbConnected: number;
  deliveryMs: number[];
}

/**
 * Opens `clients` streams on one server, reads its memory, then times one sale's change to every client.
 * `cookies` are the people holding them, at most `perPerson` streams each (the server's cap).
 */
export async function measureSseFanout(world: LiveWorld, serverPid: number, clients: number, cookies: readonly string[], perPerson: number): Promise<FanoutRun> {
  if (cookies.length * perPerson < clients) throw new Error(`${clients} streams need ${Math.ceil(clients / perPerson)} people, got ${cookies.length}`);
  const rssMbIdle = processGroupRssMb(serverPid);
  const arrivals: number[] = [];
  let expected = 0;
  let done: (() => void) | null = null;
  const connections = [];
  const started = performance.now();
  for (let c = 0; c < clients; c++) {
    connections.push(
      connectSse(new URL('/api/stream', world.baseUrl).toString(), cookies[Math.floor(c / perPerson)]!, (m) => {
        if (m.event !== 'change' || !(JSON.parse(m.data) as { stores?: string[] }).stores?.includes(world.probeStore)) return;
        arrivals.push(m.receivedAt);
        if (arrivals.length === expected) done?.();
      }),
    );
    // Open in waves so the server's accept queue never overflows.
    if (c % 250 === 249) await Promise.all(connections.slice(-250).map((x) => x.ready));
  }
  await Promise.all(connections.map((x) => x.ready));
  const connectSeconds = (performance.now() - started) / 1000;
  await sleep(2_000);
  const rssMbConnected = processGroupRssMb(serverPid);

  expected = clients;
  const all = new Promise<void>((resolve) => (done = resolve));
  const response = await post(world, [saleEvent(world, world.probeStore, 0)]);
  await Promise.race([all, sleep(60_000)]);
  for (const c of connections) c.close();
  if (arrivals.length < clients) throw new Error(`only ${arrivals.length} of ${clients} clients received the change within 60 s`);
  return { clients, connectSeconds, rssMbIdle, rssMbConnected, deliveryMs: arrivals.map((t) => t - response.respondedAt) };
}

/** Resident memory of every process in the server's process group (next start may fork a worker). */
export function processGroupRssMb(pgid: number): number {
  let kb = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue; // field 5 of stat (pgrp), counted after the command name
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      // the process ended while we looked
    }
  }
  return kb / 1024;
}

/** Runs `work` while one sale per `everyMs` arrives through the ingest API (a shop's steady trickle). */
export async function whileSalesArrive<T>(world: LiveWorld, everyMs: number, work: () => Promise<T>): Promise<T> {
  let running = true;
  let i = 0;
  const trickle = (async () => {
    while (running) {
      await post(world, [saleEvent(world, world.stores[i % world.stores.length]!, i)]);
      i++;
      await sleep(everyMs);
    }
  })();
  try {
    return await work();
  } finally {
    running = false;
    await trickle;
  }
}
