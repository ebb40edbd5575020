// A live retail event stream for demos and load, at a chosen rate: baskets drawn like the seeded ones
// (lib/seed/basket-draw.ts: the same stores, customers, products, quantities and discounts), in the stores
// that are open at the moment on their own clocks, with occasional bursts; inventory counts that push some
// products below their reorder point, customer segment changes, a few re-sent events (at-least-once
// delivery), and a small share of suspicious activity: very large amounts, one customer buying again and
// again within minutes, and customers shopping at a store in a region they never visit.
import { randomUUID } from 'node:crypto';
import { todayIn } from '@/lib/calendar/days';
import { dateTimeFormat } from '@/lib/calendar/formatters';
import { CUSTOMER_SEGMENTS } from '@/lib/filters/segments';
import type { RetailEvent } from '@/lib/etl/silver/events';
import { BASKET_SIZE_WEIGHTS } from '@/lib/seed/basket-rules';
import { dayModel, drawBasket, type BasketChoice, type DayModel } from '@/lib/seed/basket-draw';
import { customerId } from '@/lib/seed/customers';
import { hourWeights } from '@/lib/seed/demand';
import type { DemoWorld } from '@/lib/seed/demo-world';
import { sku } from '@/lib/seed/products';
import { createRandom, weightedIndex, type Random } from '@/lib/seed/random';
import { storeCode } from '@/lib/seed/stores';

export interface SimulatorOptions {
  /** Events per second when every store is at its busiest hour; other hours (and bursts) scale it. */
  rate: number;
  seed?: number;
  source?: string;
  /** Share of baskets that are suspicious (default SIMULATION_MIX.suspiciousPerBasket). */
  suspiciousPerBasket?: number;
}

/** Shares of the stream; the rest of the events are sale lines. */
export const SIMULATION_MIX = {
  inventoryPerLine: 0.12,
  /** Share of inventory counts that land below the product's reorder point. */
  belowReorder: 0.3,
  segmentChangePerBasket: 0.015,
  suspiciousPerBasket: 0.005,
  resend: 0.005,
  /** Night-time floor of the hour curve, so a demo at 3 am still shows something. */
  quietHourFloor: 0.15,
} as const;

const BURST = { perSecond: 1 / 90, seconds: [5, 15], factor: [3, 5] } as const;
const RAPID = { baskets: [6, 12], withinMs: 120_000 } as const;
/**
 * A "very large" basket: one line of a dear product worth this much, bought by a regular (the store's loyal
 * core) whose usual basket is a small fraction of it, so the fraud rule's "5× the customer's median" fires.
 */
const LARGE_BASKET_DOLLARS = [600, 1_500] as const;

interface ScheduledBasket {
  at: number;
  choice: Required<BasketChoice>;
}

export class EventSimulator {
  private readonly random: Random;
  private readonly priciest: number[];
  private readonly positionOf: Map<number, number>;
  private readonly clocks: Intl.DateTimeFormat[];
  private readonly days = new Map<string, DayModel>();
  private open: { minute: number; weights: number[] } | undefined;
  private readonly runId: string;
  private carry = 0;
  private basketCount = 0;
  private burstUntil = 0;
  private burstFactor = 1;
  private scheduled: ScheduledBasket[] = [];
  private readonly recent: RetailEvent[] = [];

  constructor(
    private readonly world: DemoWorld,
    private readonly options: SimulatorOptions,
  ) {
    const seed = options.seed ?? Date.now();
    this.random = createRandom(seed);
    this.runId = (seed >>> 0).toString(36);
    const { priceCents, pools } = world.constants;
    const byPrice = priceCents.map((_, i) => i + 1).sort((a, b) => priceCents[b - 1] - priceCents[a - 1]);
    this.priciest = byPrice.slice(0, Math.max(1, Math.ceil(byPrice.length * 0.02)));
    this.positionOf = new Map(pools.customerNo.map((no, position) => [no, position]));
    this.clocks = world.data.stores.map((s) => dateTimeFormat('en-US', { timeZone: s.timeZone, hour: 'numeric', hourCycle: 'h23', weekday: 'short' }));
  }

  /** The rate multiplier at `now`: the stores' hour curves on their own clocks (by traffic), floored, times any burst. */
  intensity(now: Date): number {
    const stores = this.world.data.stores;
    const open = this.openWeights(now);
    const curve = open.reduce((a, b) => a + b, 0) / stores.reduce((a, s) => a + s.traffic, 0);
    return Math.max(SIMULATION_MIX.quietHourFloor, curve) * (now.getTime() < this.burstUntil ? this.burstFactor : 1);
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
      this.basket(now, events, {});
      this.carry -= events.length - before;
    }
    const due = this.scheduled.filter((s) => s.at <= now.getTime());
    this.scheduled = this.scheduled.filter((s) => s.at > now.getTime());
    for (const s of due) this.basket(now, events, s.choice);
    for (const event of [...events]) {
      if (this.random.chance(SIMULATION_MIX.resend) && this.recent.length > 0) events.push(this.random.pick(this.recent));
      this.recent.push(event);
      if (this.recent.length > 500) this.recent.shift();
    }
    return events;
  }

  /** One basket and what it triggers (inventory counts, a segment change, scheduled repeat baskets). */
  private basket(now: Date, out: RetailEvent[], forced: BasketChoice): void {
    this.basketCount += 1;
    const suspicious = forced.store === undefined && this.random.chance(this.options.suspiciousPerBasket ?? SIMULATION_MIX.suspiciousPerBasket);
    const kind = suspicious ? this.random.pick(['large', 'rapid', 'foreign'] as const) : undefined;
    let store = forced.store ?? this.pickStore(now);
    let customerPosition = forced.customerPosition;
    if (kind === 'large') customerPosition = this.regularOf(store);
    if (kind === 'rapid' || kind === 'foreign') {
      const position = this.random.int(0, this.world.constants.pools.customerNo.length - 1);
      customerPosition = position;
      if (kind === 'foreign') store = this.storeOutsideRegionOf(this.homeStoreOf(position));
      const repeats = kind === 'rapid' ? this.random.int(RAPID.baskets[0], RAPID.baskets[1]) : 0;
      for (let i = 0; i < repeats; i++) {
        this.scheduled.push({ at: now.getTime() + this.random.int(5_000, RAPID.withinMs), choice: { store, customerPosition: position } });
      }
    }
    const day = this.dayModelFor(store, now);
    const size = kind === 'large' ? 1 : 1 + weightedIndex(this.random, BASKET_SIZE_WEIGHTS);
    const drawn = drawBasket(this.random, this.world, day, size, { store, customerPosition });
    if (kind === 'large') drawn.lines = [this.largeLine()];

    const transactionId = `SIM-${this.runId}-${this.basketCount}`;
    const occurredAt = new Date(now.getTime() - this.random.int(0, 3_000)).toISOString();
    const code = storeCode(store);
    for (const line of drawn.lines) {
      out.push(this.envelope('sale', occurredAt, {
        transactionId, storeCode: code, sku: sku(line.product),
        customerId: drawn.customerNo === null ? undefined : customerId(drawn.customerNo),
        quantity: line.quantity, unitPrice: line.unitPriceCents / 100, discount: line.discountCents > 0 ? line.discountCents / 100 : undefined,
      }));
      if (this.random.chance(SIMULATION_MIX.inventoryPerLine)) {
        const reorderPoint = this.world.data.products[line.product - 1].reorderPoint;
        const below = this.random.chance(SIMULATION_MIX.belowReorder);
        const onHand = below ? this.random.int(0, Math.max(0, reorderPoint - 1)) : reorderPoint + this.random.int(1, 80);
        out.push(this.envelope('inventory', occurredAt, { storeCode: code, sku: sku(line.product), onHand }));
      }
    }
    if (this.random.chance(SIMULATION_MIX.segmentChangePerBasket)) out.push(this.segmentChange(occurredAt));
  }

  private envelope<T extends RetailEvent['type']>(type: T, occurredAt: string, payload: Extract<RetailEvent, { type: T }>['payload']) {
    return { id: randomUUID(), type, occurredAt, source: this.options.source ?? 'simulator', payload } as RetailEvent;
  }

  /** A customer moves to another segment; their later baskets follow the new segment's price tier. */
  private segmentChange(occurredAt: string): RetailEvent {
    const { customers, stores } = this.world.data;
    const who = this.random.pick(customers);
    const position = this.positionOf.get(Number(who.customerId.slice(1)))!;
    const segments = this.world.constants.pools.segment;
    const segment = this.random.pick(CUSTOMER_SEGMENTS.filter((_, i) => i !== segments[position]));
    segments[position] = CUSTOMER_SEGMENTS.indexOf(segment);
    return this.envelope('customer', occurredAt, { customerId: who.customerId, segment, homeStoreCode: stores[who.homeStore].code });
  }

  /** Each store's traffic times its current hour's share of its busiest hour, on its own clock (kept for the minute). */
  private openWeights(now: Date): number[] {
    const minute = Math.floor(now.getTime() / 60_000);
    if (this.open?.minute === minute) return this.open.weights;
    const weights = this.world.data.stores.map((s, i) => {
      const parts = this.clocks[i].formatToParts(now);
      const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
      const weekend = ['Sat', 'Sun'].includes(parts.find((p) => p.type === 'weekday')?.value ?? '');
      const hours = hourWeights(weekend);
      return s.traffic * (hours[hour] / Math.max(...hours));
    });
    this.open = { minute, weights };
    return weights;
  }

  /** A store that is open now, by traffic and hour; by traffic alone when every store is closed. */
  private pickStore(now: Date): number {
    const open = this.openWeights(now);
    const weights = open.some((w) => w > 0) ? open : this.world.data.stores.map((s) => s.traffic);
    return 1 + weightedIndex(this.random, weights);
  }

  private dayModelFor(store: number, now: Date): DayModel {
    const day = todayIn(this.world.data.stores[store - 1].timeZone, now);
    let model = this.days.get(day);
    if (!model) {
      model = dayModel(this.world, day);
      this.days.set(day, model);
      if (this.days.size > 4) this.days.delete(this.days.keys().next().value!);
    }
    return model;
  }

  /** A card holder of the store's loyal core (every fifth of its pool, see basket-draw.ts), or a guest if it has none. */
  private regularOf(store: number): number | null {
    const { start, customerNo } = this.world.constants.pools;
    const size = (start[store] ?? customerNo.length) - start[store - 1];
    return size > 0 ? start[store - 1] + 5 * this.random.int(0, Math.floor((size - 1) / 5)) : null;
  }

  private homeStoreOf(position: number): number {
    const starts = this.world.constants.pools.start;
    let store = 0;
    while (store + 1 < starts.length && starts[store + 1] <= position) store++;
    return store + 1;
  }

  private storeOutsideRegionOf(store: number): number {
    const stores = this.world.data.stores;
    const home = stores[store - 1].region;
    const elsewhere = stores.map((s, i) => ({ s, n: i + 1 })).filter(({ s }) => s.region !== home);
    return elsewhere.length > 0 ? this.random.pick(elsewhere).n : store;
  }

  /** One line of a dear product worth several thousand dollars. */
  private largeLine() {
    const product = this.random.pick(this.priciest);
    const unitPriceCents = this.world.constants.priceCents[product - 1];
    const quantity = Math.ceil((this.random.between(LARGE_BASKET_DOLLARS[0], LARGE_BASKET_DOLLARS[1]) * 100) / unitPriceCents);
    return { product, quantity, unitPriceCents, discountCents: 0 };
  }
}
