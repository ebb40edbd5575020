/**
 * The product page's reads: a product is visible only where it sold or was stocked in the viewer's regions,
 * and every figure (trend, sales and margin per store, latest stock) equals independent SQL of the facts
 * within the viewer's regions and filters.
 */
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { smallintArray } from '@/db/sql';
import { scopeFiltersFromParams } from '@/lib/auth/scoped-filters';
import type { UserScope } from '@/lib/auth/scope';
import { addDays, todayIn } from '@/lib/calendar/days';
import { periodStart, type Grain } from '@/lib/calendar/periods';
import { appendToBronze } from '@/lib/etl/bronze';
import { runEtlUntilDrained } from '@/lib/etl/run-batch';
import { productSkuSchema } from '@/lib/filters/product-sku';
import { findProduct, getProductDetail } from '@/lib/queries/get-product-detail';
import { createTestDatabase, testEngines, type TestDatabase } from '../helpers/database';
import { insertRetailFixture, inventoryEvent, saleEvent } from '../helpers/retail-fixture';
import { prepareUsers, scopeFor } from '../helpers/scopes';

const TZ = 'UTC';
const EAST = 1;
const WEST = 2;

describe.each(testEngines())('product page queries on %s', (engine) => {
  let handle: TestDatabase;
  let db: Database;
  let east: UserScope;
  let analyst: UserScope;
  let south: UserScope;
  const today = todayIn(TZ);
  const from = addDays(today, -13);

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    db = handle.db;
    await insertRetailFixture(db);
    const at = (daysAgo: number, time = '15:00:00') => ({ occurredAt: `${addDays(today, -daysAgo)}T${time}Z` });
    const events = [];
    for (let i = 1; i <= 12; i++) {
      // Oat Milk sells in all three stores; C001 (Budget) buys in S001, guests elsewhere
      events.push(saleEvent({ transactionId: `A-${i}`, storeCode: 'S001', sku: 'SKU-00001', customerId: 'C001', quantity: 1 + (i % 4), unitPrice: 2.5, discount: i % 3 === 0 ? 0.5 : 0 }, at(i)));
      events.push(saleEvent({ transactionId: `B-${i}`, storeCode: 'S002', sku: 'SKU-00001', quantity: 2, unitPrice: 2.75 }, at(i, '17:30:00')));
      events.push(saleEvent({ transactionId: `C-${i}`, storeCode: 'S003', sku: 'SKU-00001', quantity: 5, unitPrice: 2.5 }, at(i)));
      // Headphones sell only in the West
      if (i % 2 === 0) events.push(saleEvent({ transactionId: `C-${i}`, storeCode: 'S003', sku: 'SKU-00003', quantity: 1, unitPrice: 199.99 }, at(i)));
    }
    // an old sale outside the range still makes the product exist for its region
    events.push(saleEvent({ transactionId: 'OLD-1', storeCode: 'S002', sku: 'SKU-00001', quantity: 1, unitPrice: 2.5 }, at(60)));
    // stock: Oat Milk counted twice in S001 (the later count wins) and once in S003; Chargers only stocked in S002
    events.push(inventoryEvent({ storeCode: 'S001', sku: 'SKU-00001', onHand: 80 }, at(5)));
    events.push(inventoryEvent({ storeCode: 'S001', sku: 'SKU-00001', onHand: 31 }, at(2)));
    events.push(inventoryEvent({ storeCode: 'S003', sku: 'SKU-00001', onHand: 7 }, at(3)));
    events.push(inventoryEvent({ storeCode: 'S002', sku: 'SKU-00004', onHand: 12 }, at(1)));
    const appended = await appendToBronze(db, { source: 'test', events });
    expect(appended.accepted).toBe(events.length);
    await runEtlUntilDrained(db, { limit: 500, timeZone: TZ });
    await prepareUsers(handle);
    east = await scopeFor(handle, 'east.manager@retailwave.test');
    analyst = await scopeFor(handle, 'analyst@retailwave.test');
    south = await scopeFor(handle, 'viewer@retailwave.test');
  }, 120_000);
  afterAll(() => handle.destroy());

  const filtersOf = (scope: UserScope, params: Record<string, string> = {}) =>
    scopeFiltersFromParams(new URLSearchParams({ from, to: today, ...params }), scope, TZ);

  /** Sales per store of one product, from the facts: the answer the page's figures must equal. */
  async function salesBySql(sku: string, regions: number[], where = sql``) {
    return queryRows<{ store_code: string; revenue: number; units: number; cost: number }>(db, sql`
      select s.store_code, round(sum(f.net), 2)::float8 as revenue, sum(f.quantity)::float8 as units, round(sum(f.cost), 2)::float8 as cost
      from gold.fact_sales f join gold.dim_product p on p.product_key = f.product_key join gold.dim_store s on s.store_key = f.store_key
        join gold.dim_date d on d.date_key = f.date_key left join gold.dim_customer c on c.customer_sk = f.customer_sk
      where p.sku = ${sku} and f.region_id = any(${smallintArray(regions)}) and d.date between ${from}::date and ${today}::date ${where}
      group by s.store_code order by s.store_code`);
  }

  async function trendBySql(sku: string, regions: number[], grain: Grain) {
    const rows = await queryRows<{ day: string; revenue: number; units: number }>(db, sql`
      select d.date::text as day, sum(f.net)::float8 as revenue, sum(f.quantity)::float8 as units
      from gold.fact_sales f join gold.dim_product p on p.product_key = f.product_key join gold.dim_date d on d.date_key = f.date_key
      where p.sku = ${sku} and f.region_id = any(${smallintArray(regions)}) and d.date between ${from}::date and ${today}::date group by 1`);
    const out = new Map<string, { revenue: number; units: number }>();
    for (const r of rows) {
      const p = out.get(periodStart(r.day, grain)) ?? { revenue: 0, units: 0 };
      out.set(periodStart(r.day, grain), { revenue: p.revenue + r.revenue, units: p.units + r.units });
    }
    return out;
  }

  async function latestStockBySql(sku: string, regions: number[]) {
    return queryRows<{ store_code: string; on_hand: number }>(db, sql`
      select distinct on (s.store_code) s.store_code, i.on_hand from gold.fact_inventory i
      join gold.dim_product p on p.product_key = i.product_key join gold.dim_store s on s.store_key = i.store_key
      where p.sku = ${sku} and i.region_id = any(${smallintArray(regions)}) order by s.store_code, i.date_key desc`);
  }

  it('sees a product only where it sold or was stocked in the viewer\'s regions', async () => {
    expect(await findProduct(db, east, 'SKU-00001')).toMatchObject({ sku: 'SKU-00001', name: 'Oat Milk', category: 'Grocery' });
    // sold only in the West: the same null for East as a SKU that does not exist at all
    expect(await findProduct(db, east, 'SKU-00003')).toBeNull();
    expect(await findProduct(db, analyst, 'SKU-00003')).toMatchObject({ sku: 'SKU-00003' });
    // no sales, but stocked in the East
    expect(await findProduct(db, east, 'SKU-00004')).toMatchObject({ sku: 'SKU-00004' });
    expect(await findProduct(db, south, 'SKU-00004')).toBeNull();
    // in the catalogue, never sold nor stocked
    expect(await findProduct(db, analyst, 'SKU-00002')).toBeNull();
    expect(await findProduct(db, east, 'SKU-99999')).toBeNull();
    expect(await getProductDetail(db, east, filtersOf(east), 'SKU-00003', 'day')).toBeNull();
  });

  it('gives the analyst every store\'s sales, margin and latest stock, as the facts say', async () => {
    const detail = (await getProductDetail(db, analyst, filtersOf(analyst), 'SKU-00001', 'day'))!;
    const expected = await salesBySql('SKU-00001', [EAST, WEST]);
    const stock = new Map((await latestStockBySql('SKU-00001', [EAST, WEST])).map((s) => [s.store_code, s.on_hand]));
    expect(detail.stores.map((s) => s.storeCode).sort()).toEqual(['S001', 'S002', 'S003']);
    for (const row of expected) {
      const shown = detail.stores.find((s) => s.storeCode === row.store_code)!;
      expect(shown).toMatchObject({ revenue: row.revenue, units: row.units, margin: Math.round((row.revenue - row.cost) * 100) / 100 });
      expect(shown.marginRate).toBeCloseTo((row.revenue - row.cost) / row.revenue, 4);
      expect(shown.onHand).toBe(stock.get(row.store_code) ?? null);
    }
    expect(detail.stores.find((s) => s.storeCode === 'S001')?.onHand).toBe(31);
    expect(detail.totals.revenue).toBeCloseTo(expected.reduce((a, r) => a + r.revenue, 0), 2);
    expect(detail.totals.onHand).toBe(31 + 7);
    // the trend covers every day of the range and adds up to the facts day by day
    const trend = await trendBySql('SKU-00001', [EAST, WEST], 'day');
    expect(detail.trend).toHaveLength(14);
    for (const p of detail.trend) {
      expect(p.revenue).toBeCloseTo(trend.get(p.period)?.revenue ?? 0, 2);
      expect(p.units).toBe(trend.get(p.period)?.units ?? 0);
    }
  });

  it('never shows an East viewer a West store, in the rows, the trend or the stock', async () => {
    const detail = (await getProductDetail(db, east, filtersOf(east), 'SKU-00001', 'week'))!;
    expect(detail.stores.map((s) => [s.storeCode, s.region]).sort()).toEqual([['S001', 'East'], ['S002', 'East']]);
    const trend = await trendBySql('SKU-00001', [EAST], 'week');
    for (const p of detail.trend) expect(p.revenue).toBeCloseTo(trend.get(p.period)?.revenue ?? 0, 2);
    expect(detail.totals.onHand).toBe(31);
    // stocked in the East without a sale: a row with its count and no sales
    const charger = (await getProductDetail(db, east, filtersOf(east), 'SKU-00004', 'day'))!;
    expect(charger.stores).toEqual([expect.objectContaining({ storeCode: 'S002', revenue: 0, units: 0, margin: null, marginRate: null, onHand: 12 })]);
    expect(charger.totals).toMatchObject({ revenue: 0, margin: null, marginRate: null, onHand: 12 });
  });

  it('applies the dashboard filters: a store, a segment, another category', async () => {
    const oneStore = (await getProductDetail(db, analyst, filtersOf(analyst, { stores: 'S001' }), 'SKU-00001', 'day'))!;
    const [s001] = await salesBySql('SKU-00001', [EAST], sql`and s.store_code = 'S001'`);
    expect(oneStore.stores.map((s) => s.storeCode)).toEqual(['S001']);
    expect(oneStore.totals.revenue).toBeCloseTo(s001.revenue, 2);
    const budget = (await getProductDetail(db, analyst, filtersOf(analyst, { segments: 'Budget' }), 'SKU-00001', 'day'))!;
    const budgetSql = await salesBySql('SKU-00001', [EAST, WEST], sql`and c.segment = ${'Budget'}`);
    expect(budget.totals.revenue).toBeCloseTo(budgetSql.reduce((a, r) => a + r.revenue, 0), 2);
    expect(budget.stores.filter((s) => s.units > 0).map((s) => s.storeCode)).toEqual(budgetSql.map((r) => r.store_code));
    const electronics = (await getProductDetail(db, analyst, filtersOf(analyst, { categories: 'Electronics' }), 'SKU-00001', 'day'))!;
    expect(electronics.totals.revenue).toBe(0);
    expect(electronics.trend.every((p) => p.revenue === 0)).toBe(true);
  });

  it('refuses a store outside the viewer\'s regions', async () => {
    await expect(getProductDetail(db, east, filtersOf(east, { stores: 'S003' }), 'SKU-00001', 'day')).rejects.toMatchObject({ status: 403 });
  });

  it('treats any forged SKU as unknown: parameterised, never an error', async () => {
    const forged = ["SKU-00001' or '1'='1", 'SKU-00001; drop table gold.fact_sales; --', '%', 'SKU-0000_', 'SKU-ü∂ 😀', 'x'.repeat(5_000), ''];
    for (const sku of forged) expect(await findProduct(db, analyst, sku)).toBeNull();
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 200, unit: 'binary' }), async (sku) => {
      const found = await findProduct(db, analyst, sku.replaceAll('\u0000', ''));
      expect(found === null || found.sku === sku).toBe(true);
    }), { numRuns: 40 });
    // nothing was dropped or changed on the way
    const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from gold.fact_sales`);
    expect(n).toBe(12 * 3 + 6 + 1);
    // the page's path check turns them away before any query
    for (const sku of forged.filter((s) => s !== 'SKU-0000_')) expect(productSkuSchema.safeParse(sku).success).toBe(false);
    expect(productSkuSchema.safeParse('SKU-00001').success).toBe(true);
    expect(productSkuSchema.safeParse('HO-00001').success).toBe(true);
  });
});
