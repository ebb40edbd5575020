import { REGION_NAMES } from '@/lib/filters/regions';
import { CUSTOMER_SEGMENTS } from '@/lib/filters/segments';
import { campaignTerms } from '@/lib/seed/campaigns';
import { CATEGORIES, CATEGORY_NAMES } from '@/lib/seed/products';
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

  it('prices every product within its kind\'s range and names it after that kind', () => {
    for (const p of data.products) {
      const { kinds } = CATEGORIES[p.categoryIndex].subcategories[p.subcategory];
      expect(kinds).toContainEqual(p.kind);
      expect(p.priceCents).toBeGreaterThanOrEqual(Math.round(p.kind.price[0] * 100));
      expect(p.priceCents).toBeLessThanOrEqual(Math.round(p.kind.price[1] * 100));
      expect(p.name).toMatch(new RegExp(`^${p.brand} .*${p.kind.noun.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\d+)?$`));
    }
    expect(new Set(data.products.map((p) => p.name)).size).toBe(data.products.length);
    const cables = data.products.filter((p) => p.name.includes('Cable'));
    expect(cables.length).toBeGreaterThan(0);
    expect(Math.max(...cables.map((p) => p.priceCents))).toBeLessThan(2_500);
    // no grocery word on a gadget, no gadget word on food
    const words = (category: string) => data.products.filter((p) => p.category === category).map((p) => p.name).join(' ');
    expect(words('Electronics')).not.toMatch(/Organic|Family Size|Value Pack/);
    expect(words('Grocery')).not.toMatch(/Pro |Ultra |Wireless/);
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

  it('runs campaigns through the whole year, storewide on Black Friday, each on part of its category', () => {
    const blackFriday = data.campaigns.find((c) => c.code === 'BLACK-FRIDAY-2025');
    expect(blackFriday).toMatchObject({ category: null, startsOn: '2025-11-28', endsOn: '2025-12-01' });
    expect(campaignTerms(data.campaigns, ['2025-11-29']).pct).toEqual(CATEGORY_NAMES.map(() => 20));
    const tech = CATEGORY_NAMES.indexOf('Electronics');
    expect(campaignTerms(data.campaigns, ['2025-12-10']).pct[tech]).toBe(15);
    expect(campaignTerms(data.campaigns, ['2025-06-01']).pct.every((pct) => pct === 0)).toBe(true);
    // every month of a year has campaigns, in several categories over the year
    const year = data.campaigns.filter((c) => c.startsOn.startsWith('2025'));
    const months = new Set(year.flatMap((c) => [c.startsOn.slice(5, 7), c.endsOn.slice(5, 7)]));
    expect(months.size).toBe(12);
    expect(new Set(year.map((c) => c.category)).size).toBe(CATEGORY_NAMES.length + 1);
    for (const c of data.campaigns) {
      expect(c.coveragePct).toBeGreaterThan(0);
      expect(c.coveragePct).toBeLessThan(100);
      expect(c.startsOn <= c.endsOn).toBe(true);
    }
  });

  it('is deterministic for a seed', () => {
    expect(generateReferenceData(42, 10_000, '2024-11-24', '2026-11-23')).toEqual(generateReferenceData(42, 10_000, '2024-11-24', '2026-11-23'));
    expect(generateReferenceData(7, 10_000, '2024-11-24', '2026-11-23').customers)
      .not.toEqual(generateReferenceData(42, 10_000, '2024-11-24', '2026-11-23').customers);
  });
});
