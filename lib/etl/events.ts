// The ingest envelope and its payloads, as the outside world sends them (CONTRACTS.md). The ingest API
// checks envelopes with these schemas; the ETL checks every bronze event with them again before silver.
import { z } from 'zod';
import { CUSTOMER_SEGMENTS } from '@/lib/domain/segments';

export const EVENT_TYPES = ['sale', 'inventory', 'customer'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Upper bounds that keep every amount inside the numeric(14,2) columns it lands in. */
export const MAX_QUANTITY = 100_000;
export const MAX_UNIT_AMOUNT = 1_000_000;

const code = z.string().trim().min(1).max(64);
const amount = z.number().finite().nonnegative().max(MAX_UNIT_AMOUNT);

/** The envelope alone; the payload is checked against its type's schema separately. */
export const envelopeSchema = z.object({
  id: z.uuid(),
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
  acquiredOn: z.iso.date().optional(),
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
