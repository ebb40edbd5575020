// Loyalty-card customers: names, segments, a home store, and acquisition dates spread over the sales
// window (and some before it), so retention cohorts have something to show.
import { CUSTOMER_SEGMENTS, type CustomerSegment } from '@/lib/filters/segments';
import { addDays, daysBetween } from '@/lib/calendar/days';
import { streamFor, weightedIndex } from './random';
import type { DemoStore } from './stores';

export interface DemoCustomer {
  customerId: string;
  name: string;
  segment: CustomerSegment;
  /** Index into the store list. */
  homeStore: number;
  acquiredOn: string;
}

const SEGMENT_WEIGHTS: Record<CustomerSegment, number> = { Budget: 30, Mainstream: 42, Premium: 18, Business: 10 };

const FIRST_NAMES = [
  'Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Elijah', 'Sophia', 'James', 'Isabella', 'William', 'Mia', 'Benjamin',
  'Charlotte', 'Lucas', 'Amelia', 'Henry', 'Harper', 'Alexander', 'Evelyn', 'Daniel', 'Abigail', 'Matthew', 'Emily',
  'Jackson', 'Ella', 'Sebastian', 'Grace', 'Mateo', 'Chloe', 'Jack', 'Camila', 'Owen', 'Priya', 'Wei', 'Aisha',
  'Carlos', 'Fatima', 'Hiroshi', 'Sofia', 'Diego', 'Nora', 'Samuel', 'Zoe', 'David', 'Layla', 'Joseph', 'Lily',
];
const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez',
  'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez',
  'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen',
  'King', 'Wright', 'Scott', 'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Patel', 'Kim', 'Chen',
];
const BUSINESS_KINDS = ['Catering', 'Cafe', 'Office Supply', 'Daycare', 'Cleaning Services', 'Bistro', 'Studio', 'Fitness'];

export const customerId = (n: number) => `C${String(n).padStart(6, '0')}`;

/** About one customer per 50 sale lines, so cohorts look alike at every dataset size. */
export const customerCountFor = (lines: number) => Math.min(50_000, Math.max(500, Math.round(lines / 50)));

/** Share of customers who joined before the sales window (the established base). */
const ESTABLISHED_SHARE = 0.25;

export function generateCustomers(
  seed: number, count: number, stores: readonly DemoStore[], firstDay: string, lastDay: string,
): DemoCustomer[] {
  const random = streamFor(seed, 3);
  const segments = [...CUSTOMER_SEGMENTS];
  const segmentWeights = segments.map((s) => SEGMENT_WEIGHTS[s]);
  const storeWeights = stores.map((s) => s.traffic);
  const span = daysBetween(firstDay, lastDay);
  const drafts = Array.from({ length: count }, () => {
    const segment = segments[weightedIndex(random, segmentWeights)];
    const homeStore = weightedIndex(random, storeWeights);
    const opened = stores[homeStore].openedOn;
    let acquiredOn: string;
    if (opened < firstDay && random.chance(ESTABLISHED_SHARE)) {
      const earliest = Math.max(daysBetween(firstDay, opened), -3 * 365);
      acquiredOn = addDays(firstDay, random.int(earliest, -1));
    } else {
      // Sign-ups grow a little over time (u^0.85 leans late), never before the store opened.
      const from = Math.max(0, daysBetween(firstDay, opened));
      acquiredOn = addDays(firstDay, from + Math.floor(random.next() ** 0.85 * (span + 1 - from)));
    }
    const person = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
    const name = segment === 'Business' ? `${random.pick(LAST_NAMES)} ${random.pick(BUSINESS_KINDS)}` : person;
    return { name, segment, homeStore, acquiredOn, order: random.next() };
  });
  // Ids follow sign-up order, like a real loyalty programme's card numbers.
  drafts.sort((a, b) => a.acquiredOn.localeCompare(b.acquiredOn) || a.order - b.order);
  return drafts.map((c, i) => ({
    customerId: customerId(i + 1), name: c.name, segment: c.segment, homeStore: c.homeStore, acquiredOn: c.acquiredOn,
  }));
}
