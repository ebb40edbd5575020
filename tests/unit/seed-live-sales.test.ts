import { eventSchema, salePayloadSchema, type RetailEvent } from '@/lib/etl/silver/events';
import { demandShareBy, demandQuantiles } from '@/lib/seed/demand';
import { buildDemoWorld } from '@/lib/seed/demo-world';
import { DemoSales } from '@/lib/seed/live-sales';
import { storeDayShare, storeDayStart } from '@/lib/seed/store-days';
import { isoWeekday } from '@/lib/calendar/days';

// The dataset was seeded up to a Wednesday afternoon (14:00 in New York).
const SEEDED_UNTIL = new Date('2026-06-17T18:00:00Z');
const world = buildDemoWorld(42, 60_000, SEEDED_UNTIL);
const HOUR = 3_600_000;

type Sale = Extract<RetailEvent, { type: 'sale' }>;
const sales = (events: RetailEvent[]) => events.filter((e): e is Sale => e.type === 'sale');

describe('the demo dataset continued after its seed', () => {
  const sales3Days = new DemoSales(world).between(SEEDED_UNTIL, new Date(SEEDED_UNTIL.getTime() + 72 * HOUR));

  it('sends valid sale events of the demo stores and products, after the moment the seed ended', () => {
    expect(sales3Days.length).toBeGreaterThan(100);
    for (const event of sales3Days) {
      expect(eventSchema.safeParse(event).success).toBe(true);
      expect(salePayloadSchema.safeParse(event.payload).success).toBe(true);
      expect(Date.parse(event.occurredAt)).toBeGreaterThan(SEEDED_UNTIL.getTime());
      expect(Date.parse(event.occurredAt)).toBeLessThanOrEqual(SEEDED_UNTIL.getTime() + 72 * HOUR);
    }
    const codes = new Set(world.data.stores.map((s) => s.code));
    const skus = new Set(world.data.products.map((p) => p.sku));
    expect(sales(sales3Days).every((s) => codes.has(s.payload.storeCode) && skus.has(s.payload.sku))).toBe(true);
    expect(sales(sales3Days).every((s) => s.payload.transactionId.startsWith('L'))).toBe(true);
  });

  it('sells only in each store\'s opening hours, on its own clock', () => {
    const zoneOf = new Map(world.data.stores.map((s) => [s.code, s.timeZone]));
    for (const sale of sales(sales3Days)) {
      const hour = Number(new Intl.DateTimeFormat('en-US', { timeZone: zoneOf.get(sale.payload.storeCode), hour: 'numeric', hourCycle: 'h23' })
        .format(new Date(sale.occurredAt)));
      expect(hour).toBeGreaterThanOrEqual(8);
      expect(hour).toBeLessThan(22);
    }
  });

  it('gives the same sales however the time is cut into windows, with the same event ids', () => {
    const cut = new Date(SEEDED_UNTIL.getTime() + 29 * HOUR + 17_000);
    const fresh = new DemoSales(world);
    const inTwo = [...fresh.between(SEEDED_UNTIL, cut), ...fresh.between(cut, new Date(SEEDED_UNTIL.getTime() + 72 * HOUR))];
    expect(inTwo).toEqual(sales3Days);
    expect(new Set(sales3Days.map((e) => e.id)).size).toBe(sales3Days.length);
  });

  it('holds a whole store day\'s lines at the dataset\'s pace, and the rest of a day the seed ended in', () => {
    const continued = new DemoSales(world);
    const byDay = (events: RetailEvent[], day: string) => sales(events).filter((s) => s.payload.transactionId.startsWith(`L${day.replace(/-/g, '')}`)).length;
    // 18 June started after the seed ended everywhere: all of it is live
    expect(byDay(sales3Days, '2026-06-18')).toBe(continued.dayLines('2026-06-18'));
    // on 17 June the seed held each store's morning; the live part is about the rest of the day
    const seededShare = world.plan.lines[world.plan.lines.length - 1] / continued.dayLines('2026-06-17');
    const liveShare = byDay(sales3Days, '2026-06-17') / continued.dayLines('2026-06-17');
    expect(seededShare + liveShare).toBeGreaterThan(0.85);
    expect(seededShare + liveShare).toBeLessThan(1.15);
    // a day's lines follow the dataset's scale: about the seeded days' average
    const seededAverage = world.plan.lines.slice(-60, -1).reduce((a, b) => a + b, 0) / 59;
    expect(continued.dayLines('2026-06-18') / seededAverage).toBeGreaterThan(0.7);
    expect(continued.dayLines('2026-06-18') / seededAverage).toBeLessThan(1.3);
  });
});

describe('store days', () => {
  it('start at the store\'s midnight, and have passed their whole demand after closing', () => {
    // New York, summer time (UTC−4) and winter time (UTC−5)
    expect(new Date(storeDayStart('2026-06-17', 'America/New_York')).toISOString()).toBe('2026-06-17T04:00:00.000Z');
    expect(new Date(storeDayStart('2026-11-23', 'America/New_York')).toISOString()).toBe('2026-11-23T05:00:00.000Z');
    // the day clocks spring forward (at 2:00) counts from the offset in force at noon
    expect(new Date(storeDayStart('2026-03-08', 'America/Los_Angeles')).toISOString()).toBe('2026-03-08T07:00:00.000Z');
    const at = new Date('2026-06-17T18:00:00Z');
    expect(storeDayShare('2026-06-16', 'America/Los_Angeles', at)).toBe(1);
    expect(storeDayShare('2026-06-18', 'America/New_York', at)).toBe(0);
    // 14:00 in New York on a weekday
    const second = 14 * 3600;
    expect(storeDayShare('2026-06-17', 'America/New_York', at)).toBeCloseTo(demandShareBy(demandQuantiles(isoWeekday('2026-06-17') >= 6), second), 12);
  });
});
