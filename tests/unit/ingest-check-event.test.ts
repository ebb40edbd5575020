import { randomUUID } from 'node:crypto';
import { checkEvent, isStorableJson } from '@/lib/ingest/check-event';
import { referencedCodes } from '@/lib/etl/silver/reference-codes';
import type { ReferenceCodes } from '@/lib/etl/silver/validate';

const refs: ReferenceCodes = { storeCodes: new Set(['S001']), skus: new Set(['SKU-00001']) };
const now = new Date('2026-11-20T12:00:00Z');

const sale = (payload: Record<string, unknown> = {}, envelope: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  type: 'sale',
  occurredAt: '2026-11-20T11:00:00Z',
  source: 'pos',
  payload: { transactionId: 'T1', storeCode: 'S001', sku: 'SKU-00001', quantity: 1, unitPrice: 2.5, ...payload },
  ...envelope,
});

const reason = (event: unknown) => {
  const result = checkEvent(event, refs, now);
  if (result.ok) throw new Error('expected a refusal');
  return result.reason;
};

describe('checkEvent', () => {
  it('accepts valid sales, inventory and customer events', () => {
    expect(checkEvent(sale(), refs, now)).toEqual({ ok: true });
    expect(checkEvent({ ...sale(), type: 'inventory', payload: { storeCode: 'S001', sku: 'SKU-00001', onHand: 3 } }, refs, now)).toEqual({ ok: true });
    expect(checkEvent({ ...sale(), type: 'customer', payload: { customerId: 'C1', segment: 'Premium', homeStoreCode: 'S001' } }, refs, now)).toEqual({ ok: true });
  });

  it('refuses with the reason the ETL would give', () => {
    expect(reason(null)).toBe('event is not a JSON object (got null)');
    expect(reason([1])).toBe('event is not a JSON object (got an array)');
    expect(reason('x')).toBe('event is not a JSON object (got a string)');
    expect(reason(sale({ storeCode: 'S999' }))).toBe('unknown store "S999"');
    expect(reason(sale({ sku: 'SKU-99999' }))).toBe('unknown sku "SKU-99999"');
    expect(reason(sale({ quantity: 0 }))).toContain('payload.quantity');
    expect(reason(sale({}, { id: 'not-a-uuid' }))).toContain('id must be a UUID');
    expect(reason(sale({}, { type: 'refund' }))).toContain('unknown event type "refund"');
    expect(reason(sale({}, { occurredAt: '2026-11-21T13:00:00Z' }))).toContain('in the future');
    expect(reason(sale({ discount: 5 }))).toContain('exceeds');
    expect(reason({ ...sale(), type: 'customer', payload: { customerId: 'C1', segment: 'Premium', homeStoreCode: 'S404' } })).toBe(
      'unknown home store "S404"',
    );
  });

  it('refuses text Postgres cannot store, and says so', () => {
    expect(reason(sale({ transactionId: 'T\u0000' }))).toContain('cannot be stored');
    expect(reason(sale({ transactionId: 'T\ud800' }))).toContain('cannot be stored');
  });

  it('bounds occurredAt to 2000-01-01 … now + 1 day, and says which bound', () => {
    expect(reason(sale({}, { occurredAt: '0999-12-31T23:59:59Z' }))).toBe('occurredAt 0999-12-31T23:59:59Z is before 2000-01-01');
    expect(reason(sale({}, { occurredAt: '1999-12-31T23:59:59Z' }))).toContain('before 2000-01-01');
    expect(checkEvent(sale({}, { occurredAt: '2000-01-01T00:00:00Z' }), refs, now)).toEqual({ ok: true });
    expect(checkEvent(sale({}, { occurredAt: '2026-11-21T11:59:00Z' }), refs, now)).toEqual({ ok: true });
    expect(reason(sale({}, { occurredAt: '2026-11-21T12:01:00Z' }))).toContain('more than a day in the future');
    expect(reason(sale({}, { occurredAt: 'yesterday' }))).toContain('occurredAt must be an ISO 8601 timestamp');
  });

  it('holds quantity, price and discount to what a retailer sells', () => {
    expect(checkEvent(sale({ quantity: 10_000, unitPrice: 1_000_000 }), refs, now)).toEqual({ ok: true });
    expect(reason(sale({ quantity: 10_001 }))).toContain('payload.quantity must be at most 10000');
    expect(reason(sale({ unitPrice: 1_000_000.01 }))).toContain('payload.unitPrice must be at most 1000000');
    expect(reason(sale({ quantity: 1.5 }))).toContain('payload.quantity must be a whole number');
    expect(reason(sale({ discount: -1 }))).toContain('payload.discount must be at least 0');
    expect(reason(sale({ unitPrice: 'NaN' }))).toContain('payload.unitPrice must be a number');
  });

  it('refuses a NUL or lone surrogate in any code or the id, and keeps the id in an escaped form', () => {
    for (const payload of [{ storeCode: 'S001\u0000' }, { sku: '\udc00SKU' }, { customerId: 'C\u0000' }]) {
      expect(reason(sale(payload))).toContain('cannot be stored');
    }
    const event = sale({}, { id: 'abc\u0000\ud800' });
    expect(checkEvent(event, refs, now)).toMatchObject({ ok: false, eventId: 'abc\\u0000\\ud800' });
  });

  it('trims padded codes, so " S001" is the store S001', () => {
    expect(checkEvent(sale({ storeCode: ' S001', sku: 'SKU-00001\t' }), refs, now)).toEqual({ ok: true });
    expect(referencedCodes([sale({ storeCode: ' S001 ' })]).storeCodes).toEqual(new Set(['S001']));
  });

  it('keeps the event id of a refused event when it has one', () => {
    const event = sale({ storeCode: 'S999' });
    expect(checkEvent(event, refs, now)).toMatchObject({ ok: false, eventId: event.id });
  });
});

describe('referencedCodes and isStorableJson', () => {
  it('collects only text codes from payloads', () => {
    const codes = referencedCodes([
      sale(),
      { payload: { homeStoreCode: 'S002', sku: 7 } },
      null,
      'text',
      { payload: 'nope' },
    ]);
    expect([...codes.storeCodes].sort()).toEqual(['S001', 'S002']);
    expect([...codes.skus]).toEqual(['SKU-00001']);
  });

  it('leaves out codes no lookup may receive: unstorable, empty or longer than a code', () => {
    const codes = referencedCodes([sale({ storeCode: 'S\u0000', sku: ' ' }), sale({ storeCode: 'x'.repeat(65), sku: 'A\ud800' })]);
    expect(codes).toEqual({ storeCodes: new Set(), skus: new Set() });
  });

  it('tells which values can be jsonb', () => {
    expect(isStorableJson({ a: 1 })).toBe(true);
    expect(isStorableJson(3)).toBe(true);
    expect(isStorableJson(null)).toBe(false);
    expect(isStorableJson({ a: '\u0000' })).toBe(false);
  });
});
