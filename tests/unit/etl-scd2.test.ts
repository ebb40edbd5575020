import { planCustomerChanges, planInferredMembers, type CurrentVersion } from '@/lib/etl/silver/scd2';
import type { ValidCustomer, ValidSale } from '@/lib/etl/silver/validate';

const dayOf = (instant: Date) => instant.toISOString().slice(0, 10);
let bronzeId = 0;

function change(customerId: string, at: string, fields: Partial<ValidCustomer> = {}): ValidCustomer {
  bronzeId += 1;
  return { kind: 'customer', bronzeId, eventId: `e${bronzeId}`, occurredAt: new Date(at), customerId, segment: 'Budget', ...fields };
}

const ada: CurrentVersion = {
  customerId: 'C1', name: 'Ada', segment: 'Budget', homeStoreCode: 'S001', acquiredOn: '2022-01-01', validFrom: new Date('1900-01-01T00:00:00Z'),
};
const current = new Map([[ada.customerId, ada]]);

describe('planCustomerChanges', () => {
  it('gives a new customer a first version valid from the beginning of time', () => {
    const plan = planCustomerChanges(new Map(), [change('C9', '2025-06-01T10:00:00Z', { segment: 'Premium', name: 'Zoe' })], dayOf);
    expect(plan.closes).toEqual([]);
    expect(plan.inserts).toEqual([
      expect.objectContaining({ customerId: 'C9', name: 'Zoe', segment: 'Premium', acquiredOn: '2025-06-01', validTo: null, isCurrent: true, validFrom: new Date('1900-01-01T00:00:00Z') }),
    ]);
    expect(plan.changed).toEqual([]);
  });

  it('closes the current version and opens a new one when the segment changes', () => {
    const plan = planCustomerChanges(current, [change('C1', '2025-06-01T10:00:00Z', { segment: 'Premium' })], dayOf);
    expect(plan.closes).toEqual([{ customerId: 'C1', validTo: new Date('2025-06-01T10:00:00Z') }]);
    expect(plan.inserts).toEqual([
      expect.objectContaining({ segment: 'Premium', name: 'Ada', homeStoreCode: 'S001', validFrom: new Date('2025-06-01T10:00:00Z'), isCurrent: true }),
    ]);
    expect(plan.changed).toEqual(['C1']);
    expect(plan.silver).toEqual([expect.objectContaining({ customerId: 'C1', segment: 'Premium', updatedAt: new Date('2025-06-01T10:00:00Z') })]);
  });

  it('applies several changes of one batch in event-time order', () => {
    const plan = planCustomerChanges(
      current,
      [change('C1', '2025-06-03T00:00:00Z', { segment: 'Business' }), change('C1', '2025-06-02T00:00:00Z', { segment: 'Premium' })],
      dayOf,
    );
    expect(plan.closes).toEqual([{ customerId: 'C1', validTo: new Date('2025-06-02T00:00:00Z') }]);
    expect(plan.inserts.map((v) => [v.segment, v.validTo?.toISOString() ?? null, v.isCurrent])).toEqual([
      ['Premium', '2025-06-03T00:00:00.000Z', false],
      ['Business', null, true],
    ]);
  });

  it('treats an unchanged event as no new version, and acquiredOn as a correction', () => {
    const plan = planCustomerChanges(current, [change('C1', '2025-06-01T00:00:00Z', { acquiredOn: '2021-12-24' })], dayOf);
    expect(plan.inserts).toEqual([]);
    expect(plan.applied).toBe(1);
    expect(plan.silver[0].acquiredOn).toBe('2021-12-24');
  });

  it('quarantines a change that is not newer than the current version', () => {
    const since = { ...ada, validFrom: new Date('2025-06-10T00:00:00Z') };
    const plan = planCustomerChanges(new Map([['C1', since]]), [change('C1', '2025-06-09T00:00:00Z', { segment: 'Premium' })], dayOf);
    expect(plan.inserts).toEqual([]);
    expect(plan.stale).toEqual([expect.objectContaining({ kind: 'quarantine', reason: expect.stringContaining('history is not rewritten') })]);
  });
});

describe('planInferredMembers', () => {
  const sale = (customerId: string | null, at: string, storeCode: string): ValidSale => ({
    kind: 'sale', bronzeId: 1, eventId: 'e', occurredAt: new Date(at), transactionId: 'T', storeCode, sku: 'SKU', customerId,
    quantity: 1, unitPriceCents: 100, grossCents: 100, discountCents: 0, netCents: 100,
  });

  it('creates one Mainstream member per unknown customer, at the store and day of the earliest sale', () => {
    const members = planInferredMembers(
      [sale('C7', '2025-06-02T10:00:00Z', 'S002'), sale('C7', '2025-06-01T10:00:00Z', 'S001'), sale('C1', '2025-06-01T00:00:00Z', 'S001'), sale(null, '2025-06-01T00:00:00Z', 'S001')],
      (id) => id === 'C1',
      dayOf,
    );
    expect(members).toEqual([
      expect.objectContaining({ customerId: 'C7', segment: 'Mainstream', homeStoreCode: 'S001', acquiredOn: '2025-06-01', isCurrent: true }),
    ]);
  });
});
