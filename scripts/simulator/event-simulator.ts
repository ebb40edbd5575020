// A live retail event stream for demos and load: baskets of sales following the stores' hour-of-day curve
// with occasional bursts, inventory counts that push some products below their reorder point, customer
// segment changes, a few re-sent events (at-least-once delivery), and a small share of suspicious
// activity: very large amounts, one customer buying again and again within minutes, and customers
// shopping at a store in a region they never visit.
import { randomUUID } from 'node:crypto';
import { CUSTOMER_SEGMENTS } from '@/lib/filters/segments';
import type { RetailEvent } from '@/lib/etl/silver/events';
import { hourWeights } from '@/lib/seed/demand';
import { createRandom, weightedIndex, weightedLookup, type Random } from '@/lib/seed/random';
import type { SimCustomer, SimStore, SimWorld } from './demo-world';

export interface SimulatorOptions {
  /** Events per second at the busiest hour of the day; other hours (and bursts) scale it. */
  rate: number;
  timeZone: string;
  seed?: number;
  source?: string;
}

/** Shares of the stream; the rest of the events are sale lines. */
export const SIMULATION_MIX = {
  inventoryPerLine: 0.12,
  /** Share of inventory counts that land below the product's reorder point. */
  belowReorder: 0.3,
  segmentChangePerBasket: 0.015,
  suspiciousPerBasket: 0.01,
  resend: 0.005,
  /** Night-time floor of the hour curve, so a demo at 3 am still shows something. */
  quietHourFloor: 0.15,
} as const;

const BASKET_SIZE_WEIGHTS = [35, 28, 18, 11, 8];
const BURST = { perSecond: 1 / 90, seconds: [5, 15], factor: [3, 5] } as const;
const RAPID = { baskets: [6, 12], withinMs: 120_000 } as const;

interface ScheduledBasket {
  at: number;
  customer: SimCustomer;
  store: string;
}

export class EventSimulator {
  private readonly random: Random;
  private readonly productTable: number[];
  private readonly priciest: SimWorld['products'];
  private readonly storeWeights: number[];
  private readonly clock: Intl.DateTimeFormat;
  private readonly runId: string;
  private carry = 0;
  private basketCount = 0;
  private burstUntil = 0;
  private burstFactor = 1;
  private scheduled: ScheduledBasket[] = [];
  private readonly recent: RetailEvent[] = [];

  constructor(
    private readonly world: SimWorld,
    private readonly options: SimulatorOptions,
  ) {
    const seed = options.seed ?? Date.now();
    this.random = createRandom(seed);
    this.runId = (seed >>> 0).toString(36);
    this.productTable = weightedLookup(world.products.map((p) => p.popularity), 20_000);
    this.storeWeights = world.stores.map((s) => s.traffic);
    this.clock = new Intl.DateTimeFormat('en-US', { timeZone: options.timeZone, hour: 'numeric', hourCycle: 'h23', weekday: 'short' });
    const byPrice = [...world.products].sort((a, b) => b.priceCents - a.priceCents);
    this.priciest = byPrice.slice(0, Math.max(1, Math.ceil(byPrice.length * 0.02)));
  }

  /** The rate multiplier at `now`: the hour-of-day curve in the reporting time zone, times any burst. */
  intensity(now: Date): number {
    const parts = this.clock.formatToParts(now);
    const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
    const weekend = ['Sat', 'Sun'].includes(parts.find((p) => p.type === 'weekday')?.value ?? '');
    const weights = hourWeights(weekend);
    const peak = Math.max(...weights);
    const curve = Math.max(SIMULATION_MIX.quietHourFloor, weights[hour] / peak);
    return curve * (now.getTime() < this.burstUntil ? this.burstFactor : 1);
  }

  /** Events for the `elapsedMs` that just passed, ending at `now`. */
  tick(now: Date, elapsedMs: number): RetailEvent[] {
    const seconds = elapsedMs / 1000;
    if (now.getTime() >= this.burstUntil && this.random.chance(1 - (1 - BURST.perSecond) ** seconds)) {
      this.burstUntil = now.getTime() + this.random.between(BURST.seconds[0], BURST.seconds[1]) * 1000;
      this.burstFactor = this.random.between(BURST.factor[0], BURST.factor[1]);
    }
    this.carry += this.options.rate * this.intensity(now) * seconds;
    const events: RetailEvent[] = [];
    // A basket brings several events; the surplus is paid back from the next tick's budget.
    while (this.carry >= 1) {
      const before = events.length;
      this.basket(now, events, this.pickCustomer(), undefined);
      this.carry -= events.length - before;
    }
    const due = this.scheduled.filter((s) => s.at <= now.getTime());
    this.scheduled = this.scheduled.filter((s) => s.at > now.getTime());
    for (const s of due) this.basket(now, events, s.customer, s.store);
    for (const event of [...events]) {
      if (this.random.chance(SIMULATION_MIX.resend) && this.recent.length > 0) events.push(this.random.pick(this.recent));
      this.recent.push(event);
      if (this.recent.length > 500) this.recent.shift();
    }
    return events;
  }

  /** One basket and what it triggers (inventory counts, a segment change, scheduled repeat baskets). */
  private basket(now: Date, out: RetailEvent[], customer: SimCustomer | undefined, forcedStore: string | undefined): void {
    this.basketCount += 1;
    const suspicious = forcedStore === undefined && this.random.chance(SIMULATION_MIX.suspiciousPerBasket);
    const kind = suspicious ? this.random.pick(['large', 'rapid', 'foreign'] as const) : undefined;
    if (kind === 'rapid' || kind === 'foreign') customer ??= this.random.pick(this.world.customers);

    let storeCode = forcedStore ?? (customer && this.random.chance(0.85) ? customer.homeStore : this.pickStore().code);
    if (kind === 'foreign' && customer) storeCode = this.storeOutsideRegionOf(customer.homeStore);
    if (kind === 'rapid' && customer) {
      const count = this.random.int(RAPID.baskets[0], RAPID.baskets[1]);
      for (let i = 0; i < count; i++) {
        this.scheduled.push({ at: now.getTime() + this.random.int(5_000, RAPID.withinMs), customer, store: storeCode });
      }
    }

    const transactionId = `SIM-${this.runId}-${this.basketCount}`;
    const occurredAt = new Date(now.getTime() - this.random.int(0, 3_000)).toISOString();
    const size = kind === 'large' ? 1 : 1 + weightedIndex(this.random, BASKET_SIZE_WEIGHTS);
    for (let line = 0; line < size; line++) {
      const product = kind === 'large' ? this.expensiveProduct() : this.world.products[this.random.pick(this.productTable)];
      const quantity = kind === 'large' ? this.random.int(20, 60) : product.durable ? 1 : 1 + weightedIndex(this.random, [60, 25, 10, 5]);
      const unitPrice = product.priceCents / 100;
      const discount = this.random.chance(0.15)
        ? Math.round(quantity * product.priceCents * this.random.between(0.1, 0.25)) / 100
        : undefined;
      out.push(this.envelope('sale', occurredAt, {
        transactionId, storeCode, sku: product.sku, customerId: customer?.customerId, quantity, unitPrice, discount,
      }));
      if (this.random.chance(SIMULATION_MIX.inventoryPerLine)) {
        const below = this.random.chance(SIMULATION_MIX.belowReorder);
        const onHand = below ? this.random.int(0, Math.max(0, product.reorderPoint - 1)) : product.reorderPoint + this.random.int(1, 80);
        out.push(this.envelope('inventory', occurredAt, { storeCode, sku: product.sku, onHand }));
      }
    }
    if (this.random.chance(SIMULATION_MIX.segmentChangePerBasket)) {
      const who = this.random.pick(this.world.customers);
      const segment = this.random.pick(CUSTOMER_SEGMENTS.filter((s) => s !== who.segment));
      who.segment = segment;
      out.push(this.envelope('customer', occurredAt, { customerId: who.customerId, segment, homeStoreCode: who.homeStore }));
    }
  }

  private envelope<T extends RetailEvent['type']>(type: T, occurredAt: string, payload: Extract<RetailEvent, { type: T }>['payload']) {
    return { id: randomUUID(), type, occurredAt, source: this.options.source ?? 'simulator', payload } as RetailEvent;
  }

  /** About a third of baskets are guests; the rest belong to loyalty customers. */
  private pickCustomer(): SimCustomer | undefined {
    return this.world.customers.length > 0 && this.random.chance(0.66) ? this.random.pick(this.world.customers) : undefined;
  }

  private pickStore(): SimStore {
    return this.world.stores[weightedIndex(this.random, this.storeWeights)];
  }

  private storeOutsideRegionOf(storeCode: string): string {
    const home = this.world.stores.find((s) => s.code === storeCode)?.region;
    const elsewhere = this.world.stores.filter((s) => s.region !== home);
    return (elsewhere.length > 0 ? this.random.pick(elsewhere) : this.pickStore()).code;
  }

  private expensiveProduct() {
    return this.random.pick(this.priciest);
  }
}
