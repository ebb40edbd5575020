// The ingest envelope and its payloads, as the outside world sends them (CONTRACTS.md). The ingest API
// checks envelopes with these schemas; the ETL checks every bronze event with them again before silver.
import { z } from 'zod';
import { CUSTOMER_SEGMENTS } from '@/lib/filters/segments';

export const EVENT_TYPES = ['sale', 'inventory', 'customer'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/*
 * Bounds a real retailer never exceeds, checked at the door so that no single event can break a rollup:
 * 10,000 units on one line (a pallet order) and $1,000,000 per unit keep a line's gross (at most $10^10)
 * inside numeric(14,2), and 2^31 units in one rollup row would need 214,748 such lines in one day and store.
 */
export const MAX_QUANTITY = 10_000;
export const MAX_UNIT_AMOUNT = 1_000_000;
/** The earliest sale time accepted: older "sales" are typos or clock faults, and dates before 1000 broke the date keys. */
export const EARLIEST_OCCURRED_AT = '2000-01-01T00:00:00.000Z';
/** How far ahead of the server clock an event may claim to have happened (client clocks and time zones). */
export const MAX_FUTURE_SKEW_MS = 24 * 60 * 60 * 1000;
/** A customer's first day: anything outside is a typo, not a customer. */
const EARLIEST_ACQUIRED_ON = '1900-01-01';
const LATEST_ACQUIRED_ON = '2100-12-31';

// Codes are trimmed here and in every lookup of them (lib/etl/silver/reference-codes.ts): " S001" is S001.
const code = z.string().trim().min(1).max(64);
const amount = z.number().finite().nonnegative().max(MAX_UNIT_AMOUNT);

/** The envelope alone; the payload is checked against its type's schema separately. */
export const envelopeSchema = z.object({
  // One UUID in any letter case is one event (bronze's checksum and silver's uuid column agree).
  id: z.uuid().transform((id) => id.toLowerCase()),
  type: z.enum(EVENT_TYPES),
  occurredAt: z.iso.datetime({ offset: true }),
  source: z.string().trim().min(1).max(100),
  payload: z.unknown(),
});
export type Envelope = z.infer<typeof envelopeSchema>;

export const salePayloadSchema = z.object({
  transactionId: code,
  storeCode: code,
  sku: code,
  customerId: code.optional(),
  quantity: z.number().int().positive().max(MAX_QUANTITY),
  unitPrice: amount,
  discount: amount.optional(),
});
export type SalePayload = z.infer<typeof salePayloadSchema>;

export const inventoryPayloadSchema = z.object({
  storeCode: code,
  sku: code,
  onHand: z.number().int().nonnegative().max(2_000_000_000),
});
export type InventoryPayload = z.infer<typeof inventoryPayloadSchema>;

export const customerPayloadSchema = z.object({
  customerId: code,
  name: z.string().trim().min(1).max(200).optional(),
  segment: z.enum(CUSTOMER_SEGMENTS),
  homeStoreCode: code.optional(),
  acquiredOn: z.iso
    .date()
    .refine((day) => day >= EARLIEST_ACQUIRED_ON && day <= LATEST_ACQUIRED_ON, {
      message: `must be between ${EARLIEST_ACQUIRED_ON} and ${LATEST_ACQUIRED_ON}`,
    })
    .optional(),
});
export type CustomerPayload = z.infer<typeof customerPayloadSchema>;

export const payloadSchemas = {
  sale: salePayloadSchema,
  inventory: inventoryPayloadSchema,
  customer: customerPayloadSchema,
} as const;

/** A complete event: envelope and payload, discriminated by type. */
export const eventSchema = z.discriminatedUnion('type', [
  envelopeSchema.extend({ type: z.literal('sale'), payload: salePayloadSchema }),
  envelopeSchema.extend({ type: z.literal('inventory'), payload: inventoryPayloadSchema }),
  envelopeSchema.extend({ type: z.literal('customer'), payload: customerPayloadSchema }),
]);
export type RetailEvent = z.infer<typeof eventSchema>;
