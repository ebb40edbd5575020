import { REGION_NAMES } from '@/lib/filters/regions';
import { CUSTOMER_SEGMENTS } from '@/lib/filters/segments';
import { campaignDiscounts } from '@/lib/seed/campaigns';
import { CATEGORY_NAMES } from '@/lib/seed/products';
import { generateReferenceData } from '@/lib/seed/reference-data';

describe('demo reference data', () => {
  const data = generateReferenceData(42, 1_000_000, '2024-11-24', '2026-11-23');

  it('has about 60 stores S001… in every region, a few opening during the window', () => {
    expect(data.stores).toHaveLength(60);
    expect(data.stores[0].code).toBe('S001');
    expect(data.stores[59].code).toBe('S060');
    expect(new Set(data.stores.map((s) => s.region))).toEqual(new Set(REGION_NAMES));
    const opened = data.stores.filter((s) => s.openedOn > '2024-11-24');
    expect(opened.length).toBeGreaterThan(0);
    expect(opened.every((s) => s.openedOn < '2026-09-01')).toBe(true);
  });

  it('has about 1,200 products SKU-00001… in eight categories with believable margins', () => {
    expect(data.products).toHaveLength(1200);
    expect(data.products[0].sku).toBe('SKU-00001');
    expect(new Set(data.products.map((p) => p.category))).toEqual(new Set(CATEGORY_NAMES));
    for (const p of data.products) {
      expect(p.costCents / p.priceCents).toBeGreaterThanOrEqual(0.45);
      expect(p.costCents / p.priceCents).toBeLessThanOrEqual(0.8);
      expect(p.reorderPoint).toBeGreaterThan(0);
    }
    const price = (category: string) => Math.max(...data.products.filter((p) => p.category === category).map((p) => p.priceCents));
    expect(price('Electronics')).toBeGreaterThan(price('Grocery') * 10);
  });

  it('has about 20,000 customers in every segment, acquired over the window and before it', () => {
    expect(data.customers).toHaveLength(20_000);
    expect(data.customers[0].customerId).toBe('C000001');
    expect(new Set(data.customers.map((c) => c.segment))).toEqual(new Set(CUSTOMER_SEGMENTS));
    const before = data.customers.filter((c) => c.acquiredOn < '2024-11-24').length;
    expect(before / data.customers.length).toBeGreaterThan(0.1);
    expect(data.customers.every((c) => c.acquiredOn <= '2026-11-23')).toBe(true);
    expect(data.customers.every((c) => c.acquiredOn >= data.stores[c.homeStore].openedOn)).toBe(true);
  });

  it('runs seasonal campaigns, storewide on Black Friday', () => {
    const blackFriday = data.campaigns.find((c) => c.code === 'BLACK-FRIDAY-2025');
    expect(blackFriday).toMatchObject({ category: null, startsOn: '2025-11-28', endsOn: '2025-12-01' });
    expect(campaignDiscounts(data.campaigns, ['2025-11-29'])).toEqual(CATEGORY_NAMES.map(() => 20));
    const tech = CATEGORY_NAMES.indexOf('Electronics');
    expect(campaignDiscounts(data.campaigns, ['2025-12-10'])[tech]).toBe(15);
    expect(campaignDiscounts(data.campaigns, ['2025-06-10']).every((pct) => pct === 0)).toBe(true);
  });

  it('is deterministic for a seed', () => {
    expect(generateReferenceData(42, 10_000, '2024-11-24', '2026-11-23')).toEqual(generateReferenceData(42, 10_000, '2024-11-24', '2026-11-23'));
    expect(generateReferenceData(7, 10_000, '2024-11-24', '2026-11-23').customers)
      .not.toEqual(generateReferenceData(42, 10_000, '2024-11-24', '2026-11-23').customers);
  });
});
