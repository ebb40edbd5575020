import { randomUUID } from 'node:crypto';
import { checkEvent, isStorableJson, referencedCodes } from '@/lib/ingest/check-event';
import type { ReferenceCodes } from '@/lib/etl/validate';

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
    expect(reason(sale({}, { occurredAt: '2026-11-20T13:00:00Z' }))).toContain('in the future');
    expect(reason(sale({ discount: 5 }))).toContain('exceeds');
    expect(reason({ ...sale(), type: 'customer', payload: { customerId: 'C1', segment: 'Premium', homeStoreCode: 'S404' } })).toBe(
      'unknown home store "S404"',
    );
  });

  it('refuses text Postgres cannot store, and says so', () => {
    expect(reason(sale({ transactionId: 'T\u0000' }))).toContain('cannot be stored');
    expect(reason(sale({ transactionId: 'T\ud800' }))).toContain('cannot be stored');
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

  it('tells which values can be jsonb', () => {
    expect(isStorableJson({ a: 1 })).toBe(true);
    expect(isStorableJson(3)).toBe(true);
    expect(isStorableJson(null)).toBe(false);
    expect(isStorableJson({ a: '\u0000' })).toBe(false);
  });
});
