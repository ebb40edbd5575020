// Customer history as a type-2 slowly changing dimension, planned in memory. A change of segment, name or
// home store closes the current version at the event's time and opens a new one; acquiredOn is a fact
// about the customer, not a version attribute, so a correction to it overwrites every version (type 1).
import { FIRST_VERSION_VALID_FROM } from '@/lib/etl/gold/dimensions';
import type { Quarantined, ValidCustomer, ValidSale } from './validate';

/** Segment of a customer first seen on a sale, until a customer event says otherwise. */
export const INFERRED_MEMBER_SEGMENT = 'Mainstream';

export interface CustomerAttributes {
  customerId: string;
  name: string;
  segment: string;
  homeStoreCode: string | null;
  acquiredOn: string;
}

/** The current gold version of a customer. */
export interface CurrentVersion extends CustomerAttributes {
  validFrom: Date;
}

export interface CustomerVersion extends CustomerAttributes {
  validFrom: Date;
  validTo: Date | null;
  isCurrent: boolean;
}

export interface CustomerPlan {
  /** The latest attributes per customer, for silver.customers. */
  silver: (CustomerAttributes & { updatedAt: Date })[];
  /** Current gold versions to close, at the time of the first change. */
  closes: { customerId: string; validTo: Date }[];
  /** New gold versions, oldest first per customer. */
  inserts: CustomerVersion[];
  /** Customers that got a new version after an existing one: their later facts must be re-pointed. */
  changed: string[];
  applied: number;
  /** Changes older than the customer's current version: history is not rewritten, they are quarantined. */
  stale: Quarantined[];
}

const FIRST_VALID_FROM = new Date(FIRST_VERSION_VALID_FROM);

const placeholderName = (customerId: string) => `Customer ${customerId}`;

/** Applies a batch's customer events, in event-time order per customer, to their current versions. */
export function planCustomerChanges(
  current: ReadonlyMap<string, CurrentVersion>,
  events: readonly ValidCustomer[],
  dayOf: (instant: Date) => string,
): CustomerPlan {
  const plan: CustomerPlan = { silver: [], closes: [], inserts: [], changed: [], applied: 0, stale: [] };
  const byCustomer = new Map<string, ValidCustomer[]>();
  for (const event of events) byCustomer.set(event.customerId, [...(byCustomer.get(event.customerId) ?? []), event]);

  for (const [customerId, list] of byCustomer) {
    list.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.bronzeId - b.bronzeId);
    let state: CurrentVersion | undefined = current.get(customerId);
    let open: CustomerVersion | undefined;
    let updatedAt: Date | undefined;
    for (const event of list) {
      if (!state) {
        state = {
          customerId,
          name: event.name ?? placeholderName(customerId),
          segment: event.segment,
          homeStoreCode: event.homeStoreCode ?? null,
          acquiredOn: event.acquiredOn ?? dayOf(event.occurredAt),
          validFrom: FIRST_VALID_FROM,
        };
        open = { ...state, validTo: null, isCurrent: true };
        plan.inserts.push(open);
      } else {
        const next: CurrentVersion = {
          ...state,
          name: event.name ?? state.name,
          segment: event.segment,
          homeStoreCode: event.homeStoreCode ?? state.homeStoreCode,
          acquiredOn: event.acquiredOn ?? state.acquiredOn,
        };
        const versioned = next.name !== state.name || next.segment !== state.segment || next.homeStoreCode !== state.homeStoreCode;
        if (versioned && event.occurredAt.getTime() <= state.validFrom.getTime()) {
          plan.stale.push({
            kind: 'quarantine',
            bronzeId: event.bronzeId,
            eventId: event.eventId,
            reason:
              `customer ${customerId} change at ${event.occurredAt.toISOString()} is not newer than its current version ` +
              `(valid from ${state.validFrom.toISOString()}); history is not rewritten`,
          });
          continue;
        }
        if (versioned) {
          if (open) Object.assign(open, { validTo: event.occurredAt, isCurrent: false });
          else plan.closes.push({ customerId, validTo: event.occurredAt });
          next.validFrom = event.occurredAt;
          open = { ...next, validTo: null, isCurrent: true };
          plan.inserts.push(open);
          if (!plan.changed.includes(customerId)) plan.changed.push(customerId);
        }
        state = next;
      }
      plan.applied += 1;
      updatedAt = event.occurredAt;
    }
    if (state && updatedAt) {
      const { name, segment, homeStoreCode, acquiredOn } = state;
      plan.silver.push({ customerId, name, segment, homeStoreCode, acquiredOn, updatedAt });
    }
  }
  return plan;
}

/**
 * Customers named by sales but known nowhere yet become "inferred members" rather than losing the sale:
 * a first version in the default segment, at the store and on the day of their earliest sale.
 */
export function planInferredMembers(
  sales: readonly ValidSale[],
  isKnown: (customerId: string) => boolean,
  dayOf: (instant: Date) => string,
): CustomerVersion[] {
  const earliest = new Map<string, ValidSale>();
  for (const sale of sales) {
    if (!sale.customerId || isKnown(sale.customerId)) continue;
    const seen = earliest.get(sale.customerId);
    if (!seen || sale.occurredAt < seen.occurredAt) earliest.set(sale.customerId, sale);
  }
  return [...earliest.values()].map((sale) => ({
    customerId: sale.customerId as string,
    name: placeholderName(sale.customerId as string),
    segment: INFERRED_MEMBER_SEGMENT,
    homeStoreCode: sale.storeCode,
    acquiredOn: dayOf(sale.occurredAt),
    validFrom: FIRST_VALID_FROM,
    validTo: null,
    isCurrent: true,
  }));
}
