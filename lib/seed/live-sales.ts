// The demo dataset's sales after the moment its seed ended, as ingest events. Each store-local day has a
// fixed set of baskets (how many follows the dataset's demand curve at its own scale, what they hold is
// drawn per basket from the seed, the day and the basket's number), each at its instant; a window of time
// gets the baskets whose instants fall in it. So the sales of any stretch of time are the same however it
// is cut into windows, and sending a window again only repeats event ids (duplicates, never new sales).
import { createHash } from 'node:crypto';
import { addDays, daysBetween } from '@/lib/calendar/days';
import type { RetailEvent } from '@/lib/etl/silver/events';
import { dayModel, drawBasket } from './basket-draw';
import { dayWeights, secondAtShare } from './demand';
import type { DemoWorld } from './demo-world';
import { streamFor } from './random';
import { basketOffset } from './sales-plan';
import { firstStoreDay, lastStoreDay, storeDayStart } from './store-days';
import { storeCode } from './stores';
import { customerId } from './customers';
import { sku } from './products';

/** The source the live demo's events carry. */
export const DEMO_LIVE_SOURCE = 'demo-live';
/** Live baskets' transaction ids start with this letter (seeded ones with T), so the two never collide. */
const TRANSACTION_PREFIX = 'L';
/** A name-based (version 5) UUID namespace for the demo's event ids. */
const EVENT_ID_NAMESPACE = Buffer.from('6f1c2a9e4b7d4e21a8c35d0b9e7f1a42', 'hex');

export interface TimedBasket {
  transactionId: string;
  /** ms since the epoch. */
  at: number;
  events: RetailEvent[];
}

export class DemoSales {
  private readonly weights: number[] = [];
  private readonly days = new Map<string, TimedBasket[]>();

  constructor(private readonly world: DemoWorld) {}

  /** The sale events of every basket with an instant in (from, to], in time order. */
  between(from: Date, to: Date): RetailEvent[] {
    const events: RetailEvent[] = [];
    const last = lastStoreDay(to);
    for (let day = firstStoreDay(from); day <= last; day = addDays(day, 1)) {
      for (const basket of this.basketsOf(day)) {
        if (basket.at > from.getTime() && basket.at <= to.getTime()) events.push(...basket.events);
      }
    }
    return events.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  }

  /** Sale lines of a whole store-local day at the dataset's scale. */
  dayLines(day: string): number {
    return Math.round(this.weightOf(day) * this.world.plan.linesPerWeight);
  }

  /** Every basket of a store-local day, whatever its instant (the last few days are kept). */
  basketsOf(day: string): TimedBasket[] {
    let baskets = this.days.get(day);
    if (!baskets) {
      baskets = this.drawDay(day);
      this.days.set(day, baskets);
      for (const kept of this.days.keys()) if (daysBetween(kept, day) > 3) this.days.delete(kept);
    }
    return baskets;
  }

  private drawDay(day: string): TimedBasket[] {
    const { world } = this;
    const { basket: pattern, storeTimeZones, priceCents } = world.constants;
    const model = dayModel(world, day);
    if (model.dayNumber < 0 || model.storePick.length === 0) return [];
    const offset = basketOffset(world.seed, pattern, model.dayNumber);
    const dayKey = day.replace(/-/g, '');
    const baskets: TimedBasket[] = [];
    let lines = this.dayLines(day);
    for (let b = 0; lines > 0; b++) {
      const size = Math.min(lines, pattern.size[(b + offset) % pattern.size.length]);
      lines -= size;
      const drawn = drawBasket(streamFor(world.seed + model.dayNumber * 7_919, 100_000 + b), world, model, size);
      const second = Math.floor(secondAtShare(model.quantiles, drawn.share));
      const at = storeDayStart(day, storeTimeZones[drawn.store - 1]) + second * 1000;
      const transactionId = `${TRANSACTION_PREFIX}${dayKey}-${String(b).padStart(6, '0')}`;
      const occurredAt = new Date(at).toISOString();
      const events = drawn.lines.map((line, n): RetailEvent => ({
        id: eventId(`${world.seed}/${transactionId}/${n}`),
        type: 'sale',
        occurredAt,
        source: DEMO_LIVE_SOURCE,
        payload: {
          transactionId,
          storeCode: storeCode(drawn.store),
          sku: sku(line.product),
          ...(drawn.customerNo === null ? {} : { customerId: customerId(drawn.customerNo) }),
          quantity: line.quantity,
          unitPrice: priceCents[line.product - 1] / 100,
          discount: line.discountCents / 100,
        },
      }));
      baskets.push({ transactionId, at, events });
    }
    return baskets;
  }

  /** The demand weight of a day: dayWeights over the days from the dataset's first, so later days continue its curve. */
  private weightOf(day: string): number {
    const n = daysBetween(this.world.firstDay, day);
    if (n < 0) return 0;
    if (n >= this.weights.length) {
      const days = Array.from({ length: n + 1 }, (_, i) => addDays(this.world.firstDay, i));
      this.weights.splice(0, this.weights.length, ...dayWeights(this.world.seed, days));
    }
    return this.weights[n];
  }
}

/** A version 5 (name-based, SHA-1) UUID: the same name always gives the same id. */
function eventId(name: string): string {
  const hash = createHash('sha1').update(EVENT_ID_NAMESPACE).update(name).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
