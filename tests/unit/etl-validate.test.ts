import { randomUUID } from 'node:crypto';
import { validateBronzeEvent, type ReferenceCodes, type ValidationResult } from '@/lib/etl/silver/validate';

const refs: ReferenceCodes = { storeCodes: new Set(['S001', 'S002']), skus: new Set(['SKU-00001']) };
const now = new Date('2026-11-20T12:00:00Z');
const id = randomUUID();

function sale(payload: Record<string, unknown> = {}, envelope: Record<string, unknown> = {}) {
  return {
    id,
    type: 'sale',
    occurredAt: '2026-11-20T11:00:00Z',
    source: 'pos',
    payload: { transactionId: 'T1', storeCode: 'S001', sku: 'SKU-00001', quantity: 2, unitPrice: 2.5, ...payload },
    ...envelope,
  };
}

const validate = (envelope: unknown, rawText: string | null = null): ValidationResult =>
  validateBronzeEvent({ id: 7, envelope, rawText }, refs, now);

function reasonOf(result: ValidationResult): string {
  if (result.kind !== 'quarantine') throw new Error(`expected quarantine, got ${result.kind}`);
  return result.reason;
}

describe('validateBronzeEvent', () => {
  it('types a valid sale with amounts in cents', () => {
    expect(validate(sale({ customerId: 'C1', discount: 0.5 }))).toEqual({
      kind: 'sale',
      bronzeId: 7,
      eventId: id,
      occurredAt: new Date('2026-11-20T11:00:00Z'),
      transactionId: 'T1',
      storeCode: 'S001',
      sku: 'SKU-00001',
      customerId: 'C1',
      quantity: 2,
      unitPriceCents: 250,
      grossCents: 500,
      discountCents: 50,
      netCents: 450,
    });
  });

  it('rounds quantity × unit price to cents once, half up', () => {
    expect(validate(sale({ quantity: 3, unitPrice: 0.335 }))).toMatchObject({ grossCents: 101, netCents: 101 });
    expect(validate(sale({ quantity: 1, unitPrice: 1.005 }))).toMatchObject({ grossCents: 101, unitPriceCents: 101 });
    expect(validate(sale({ quantity: 3, unitPrice: 19.99 }))).toMatchObject({ grossCents: 5997 });
  });

  it.each([
    ['wrong type', sale({ quantity: '2' }), 'payload.quantity must be a number (got "2")'],
    ['fractional quantity', sale({ quantity: 1.5 }), 'payload.quantity must be a whole number (got 1.5)'],
    ['negative quantity', sale({ quantity: -1 }), 'payload.quantity must be greater than 0 (got -1)'],
    ['zero quantity', sale({ quantity: 0 }), 'payload.quantity must be greater than 0 (got 0)'],
    ['negative price', sale({ unitPrice: -2 }), 'payload.unitPrice must be at least 0 (got -2)'],
    ['missing field', sale({ sku: undefined }), 'payload.sku is required'],
    ['unknown store', sale({ storeCode: 'S999' }), 'unknown store "S999"'],
    ['unknown sku', sale({ sku: 'SKU-X' }), 'unknown sku "SKU-X"'],
    ['discount above gross', sale({ discount: 5.01 }), "discount 5.01 exceeds the line's gross amount 5.00"],
    ['bad id', sale({}, { id: '42' }), 'id must be a UUID (got "42")'],
    ['missing id', sale({}, { id: undefined }), 'id is required'],
    ['unknown type', sale({}, { type: 'refund' }), 'unknown event type "refund" (expected sale, inventory, customer)'],
    ['timestamp without zone', sale({}, { occurredAt: '2026-11-20 11:00' }), 'occurredAt must be an ISO 8601 timestamp with a time zone'],
    ['future', sale({}, { occurredAt: '2026-11-21T12:06:00Z' }), 'occurredAt 2026-11-21T12:06:00Z is more than a day in the future'],
    ['before 2000', sale({}, { occurredAt: '0200-01-01T00:00:00Z' }), 'occurredAt 0200-01-01T00:00:00Z is before 2000-01-01'],
    ['not an object', [1, 2], 'event is not a JSON object (got an array)'],
    ['unknown home store', { ...sale(), type: 'customer', payload: { customerId: 'C1', segment: 'Budget', homeStoreCode: 'S9' } }, 'unknown home store "S9"'],
    ['bad segment', { ...sale(), type: 'customer', payload: { customerId: 'C1', segment: 'Gold' } }, 'payload.segment must be one of Budget, Mainstream, Premium, Business (got "Gold")'],
    ['negative stock', { ...sale(), type: 'inventory', payload: { storeCode: 'S001', sku: 'SKU-00001', onHand: -1 } }, 'payload.onHand must be at least 0 (got -1)'],
  ])('quarantines %s', (_name, envelope, reason) => {
    expect(reasonOf(validate(JSON.parse(JSON.stringify(envelope))))).toContain(reason);
  });

  it('accepts an event up to five minutes ahead of the clock', () => {
    expect(validate(sale({}, { occurredAt: '2026-11-20T12:04:59+00:00' })).kind).toBe('sale');
  });

  it('lists every problem of an event at once', () => {
    expect(reasonOf(validate(sale({ quantity: 0, sku: undefined })))).toBe(
      'payload.sku is required; payload.quantity must be greater than 0 (got 0)',
    );
  });

  it('explains raw text that is not JSON', () => {
    const result = validate(null, '{"id": 1,');
    expect(reasonOf(result)).toMatch(/^malformed JSON: /);
    expect(result).toMatchObject({ bronzeId: 7, eventId: null });
  });

  it('keeps the event id on a quarantined event', () => {
    expect(validate(sale({ storeCode: 'S999' }))).toMatchObject({ kind: 'quarantine', eventId: id });
  });

  it('types customer and inventory events', () => {
    expect(validate({ ...sale(), type: 'customer', payload: { customerId: 'C1', segment: 'Premium', acquiredOn: '2024-02-29' } }))
      .toMatchObject({ kind: 'customer', customerId: 'C1', segment: 'Premium', acquiredOn: '2024-02-29' });
    expect(validate({ ...sale(), type: 'inventory', payload: { storeCode: 'S002', sku: 'SKU-00001', onHand: 0 } }))
      .toMatchObject({ kind: 'inventory', storeCode: 'S002', onHand: 0 });
  });
});
