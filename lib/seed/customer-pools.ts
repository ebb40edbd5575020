// How the set-based sales SQL finds a customer: every store's customers sit in one array, ordered by
// sign-up day, so "the customers of store s who had joined by day d" is a prefix of the store's slice.
import { CUSTOMER_SEGMENTS } from '@/lib/filters/segments';
import type { DemoCustomer } from './customers';

export interface CustomerPools {
  /** Per store (0-based): offset of its first customer in the arrays below. */
  start: number[];
  /** Per pool position: the customer's number (C000123 → 123). */
  customerNo: number[];
  /** Per pool position: index into CUSTOMER_SEGMENTS. */
  segment: number[];
  /** Per store: sign-up days of its customers, ascending. */
  acquired: string[][];
}

export function buildCustomerPools(customers: readonly DemoCustomer[], storeCount: number): CustomerPools {
  const byStore: DemoCustomer[][] = Array.from({ length: storeCount }, () => []);
  for (const c of customers) byStore[c.homeStore].push(c);
  const pools: CustomerPools = { start: [], customerNo: [], segment: [], acquired: [] };
  for (const members of byStore) {
    members.sort((a, b) => a.acquiredOn.localeCompare(b.acquiredOn) || a.customerId.localeCompare(b.customerId));
    pools.start.push(pools.customerNo.length);
    for (const c of members) {
      pools.customerNo.push(Number(c.customerId.slice(1)));
      pools.segment.push(CUSTOMER_SEGMENTS.indexOf(c.segment));
    }
    pools.acquired.push(members.map((c) => c.acquiredOn));
  }
  return pools;
}

/** Number of a sorted list's entries that are ≤ day. */
function countUpTo(sorted: readonly string[], day: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Day-major matrix (days × stores, flattened) of how many customers each store had on each day. */
export function eligibleCounts(pools: CustomerPools, days: readonly string[]): number[] {
  return days.flatMap((day) => pools.acquired.map((list) => countUpTo(list, day)));
}
