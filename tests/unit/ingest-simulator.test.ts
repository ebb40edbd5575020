import { eventSchema, type RetailEvent } from '@/lib/etl/silver/events';
import { buildDemoWorld } from '@/lib/seed/demo-world';
import { EventSimulator } from '@/scripts/simulator/event-simulator';
import { postEventBatch, IngestRefused } from '@/scripts/simulator/ingest-client';

// A Saturday, 18:00 UTC: 13:00 in New York, 10:00 in Los Angeles, the busy part of the weekend curve.
const PEAK = new Date('2026-11-21T18:00:00Z');
const world = buildDemoWorld(42, 20_000, PEAK);
const { stores, products, customers } = world.data;

/** Ten simulated minutes at `rate`, in quarter-second ticks. */
function run(rate: number, seed = 7, minutes = 10): RetailEvent[] {
  const simulator = new EventSimulator(structuredClone(world), { rate, seed });
  const events: RetailEvent[] = [];
  for (let t = 0; t < minutes * 60_000; t += 250) events.push(...simulator.tick(new Date(PEAK.getTime() + t), 250));
  return events;
}

describe('the demo world', () => {
  it('regenerates the seeded stores, products and customers', () => {
    expect(stores[0].code).toBe('S001');
    expect(new Set(stores.map((s) => s.region))).toEqual(new Set(['East', 'West', 'North', 'South', 'Central']));
    expect(products[0].sku).toBe('SKU-00001');
    expect(customers.length).toBe(500);
    expect(customers.every((c) => c.homeStore >= 0 && c.homeStore < stores.length)).toBe(true);
  });
});

describe('EventSimulator', () => {
  const events = run(40);
  const sales = events.filter((e): e is Extract<RetailEvent, { type: 'sale' }> => e.type === 'sale');

  it('sends only events the ingest API accepts, naming stores and products that exist', () => {
    const codes = new Set(stores.map((s) => s.code));
    const skus = new Set(products.map((p) => p.sku));
    const invalid = events.filter((e) => !eventSchema.safeParse(e).success);
    expect(invalid).toEqual([]);
    const unknown = events.filter((event) => {
      const p = event.payload as { storeCode?: string; sku?: string; homeStoreCode?: string };
      return (p.storeCode && !codes.has(p.storeCode)) || (p.homeStoreCode && !codes.has(p.homeStoreCode)) || (p.sku && !skus.has(p.sku));
    });
    expect(unknown).toEqual([]);
    expect(sales.filter((s) => (s.payload.discount ?? 0) > s.payload.quantity * s.payload.unitPrice)).toEqual([]);
  });

  it('keeps to the rate at this hour of the stores\' days, bursts included', () => {
    const intensity = new EventSimulator(structuredClone(world), { rate: 40, seed: 7 }).intensity(PEAK);
    expect(intensity).toBeGreaterThan(0.7);
    const perSecond = events.length / 600;
    expect(perSecond).toBeGreaterThan(40 * intensity * 0.9);
    expect(perSecond).toBeLessThan(40 * intensity * 2);
  });

  it('sells in the stores that are open on their own clocks, and less in the quiet hours', () => {
    // ordinary baskets only: a suspicious one may be at a store anywhere
    const simulator = new EventSimulator(structuredClone(world), { rate: 40, seed: 1, suspiciousPerBasket: 0 });
    // 22:00 in New York, 19:00 in Los Angeles: the east has closed, the west is still open
    const evening = new Date('2026-11-19T03:00:00Z');
    expect(simulator.intensity(evening)).toBeLessThan(0.6);
    const sold: RetailEvent[] = [];
    for (let t = 0; t < 5 * 60_000; t += 250) sold.push(...simulator.tick(new Date(evening.getTime() + t), 250));
    const zoneOf = new Map(stores.map((s) => [s.code, s.timeZone]));
    const zones = new Set(sold.flatMap((e) => (e.type === 'sale' ? [zoneOf.get(e.payload.storeCode)] : [])));
    expect(zones.has('America/Los_Angeles')).toBe(true);
    expect(zones.has('America/New_York')).toBe(false);
    // 03:00 in New York, midnight in Los Angeles: every store is closed
    expect(simulator.intensity(new Date('2026-11-21T08:00:00Z'))).toBeCloseTo(0.15);
  });

  it('mixes in inventory below the reorder point, segment changes and re-sent events', () => {
    const reorder = new Map(products.map((p) => [p.sku, p.reorderPoint]));
    const inventory = events.filter((e) => e.type === 'inventory');
    expect(inventory.some((e) => e.type === 'inventory' && e.payload.onHand < reorder.get(e.payload.sku)!)).toBe(true);
    expect(inventory.some((e) => e.type === 'inventory' && e.payload.onHand >= reorder.get(e.payload.sku)!)).toBe(true);
    expect(events.filter((e) => e.type === 'customer').length).toBeGreaterThan(0);
    expect(new Set(events.map((e) => e.id)).size).toBeLessThan(events.length);
    expect(sales.length / events.length).toBeGreaterThan(0.8);
  });

  it('includes suspicious baskets: large amounts, rapid repeats by one customer, a store in a foreign region', () => {
    const amounts = new Map<string, number>();
    for (const s of sales) amounts.set(s.payload.transactionId, (amounts.get(s.payload.transactionId) ?? 0) + s.payload.quantity * s.payload.unitPrice);
    expect([...amounts.values()].some((amount) => amount >= 600)).toBe(true);

    const basketsByCustomer = new Map<string, { at: number; tx: string }[]>();
    for (const s of sales) {
      if (!s.payload.customerId) continue;
      const list = basketsByCustomer.get(s.payload.customerId) ?? [];
      if (!list.some((b) => b.tx === s.payload.transactionId)) list.push({ at: Date.parse(s.occurredAt), tx: s.payload.transactionId });
      basketsByCustomer.set(s.payload.customerId, list);
    }
    const rapid = [...basketsByCustomer.values()].some((list) =>
      list.some((b) => list.filter((o) => o.at >= b.at && o.at - b.at <= 180_000).length >= 6),
    );
    expect(rapid).toBe(true);

    const regionOf = new Map(stores.map((s) => [s.code, s.region]));
    const home = new Map(customers.map((c) => [c.customerId, stores[c.homeStore].region]));
    expect(sales.some((s) => s.payload.customerId && home.get(s.payload.customerId) !== regionOf.get(s.payload.storeCode))).toBe(true);
  });
});

describe('postEventBatch', () => {
  const ok = { accepted: 1, duplicates: 0, rejected: [] };
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

  it('waits out 429s and retries server errors with the same events', async () => {
    const bodies: string[] = [];
    const answers = [
      json(429, { error: { code: 'rate_limited', message: 'slow down' } }, { 'retry-after': '2' }),
      json(503, { error: { code: 'internal_error', message: 'busy' } }),
      json(200, ok),
    ];
    const waits: number[] = [];
    const result = await postEventBatch([{ id: 'x' }], {
      url: 'http://portal.test',
      key: 'k',
      fetch: (async (_url: string, init: RequestInit) => {
        bodies.push(String(init.body));
        return answers.shift()!;
      }) as typeof fetch,
      sleep: async (ms) => void waits.push(ms),
    });
    expect(result).toEqual(ok);
    expect(waits[0]).toBe(2000);
    expect(new Set(bodies).size).toBe(1);
  });

  it('stops at a refusal such as a wrong key', async () => {
    await expect(
      postEventBatch([], {
        url: 'http://portal.test',
        key: 'k',
        fetch: (async () => json(401, { error: { code: 'unauthorized', message: 'bad key' } })) as typeof fetch,
      }),
    ).rejects.toThrow(IngestRefused);
  });
});
