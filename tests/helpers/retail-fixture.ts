// A small retail world for ETL tests: three stores in two regions, four products in two categories and
// two customers, loaded into silver and synced to the gold dimensions the ETL validates against.
import { randomUUID } from 'node:crypto';
import type { Database } from '@/db/client';
import { customers, products, stores } from '@/db/schema';
import { insertNewCustomers, syncReferenceDimensions } from '@/lib/etl/gold/dimensions';

export const FIXTURE_STORES = [
  { storeCode: 'S001', name: 'Harbor', city: 'Boston', region: 'East', openedOn: '2020-01-01' },
  { storeCode: 'S002', name: 'Midtown', city: 'New York', region: 'East', openedOn: '2020-01-01' },
  { storeCode: 'S003', name: 'Bayside', city: 'San Diego', region: 'West', openedOn: '2021-06-01' },
] as const;

export const FIXTURE_PRODUCTS = [
  { sku: 'SKU-00001', name: 'Oat Milk', category: 'Grocery', subcategory: 'Dairy', brand: 'Oatly', unitPrice: 2.5, unitCost: 1.1, reorderPoint: 40 },
  { sku: 'SKU-00002', name: 'Coffee Beans', category: 'Grocery', subcategory: 'Coffee', brand: 'Lavazza', unitPrice: 4.2, unitCost: 2.05, reorderPoint: 25 },
  { sku: 'SKU-00003', name: 'Headphones', category: 'Electronics', subcategory: 'Audio', brand: 'Sony', unitPrice: 199.99, unitCost: 120, reorderPoint: 5 },
  { sku: 'SKU-00004', name: 'Charger', category: 'Electronics', subcategory: 'Power', brand: 'Anker', unitPrice: 19.99, unitCost: 8.5, reorderPoint: 12 },
] as const;

export const FIXTURE_CUSTOMERS = [
  { customerId: 'C001', name: 'Ada Park', segment: 'Budget', homeStoreCode: 'S001', acquiredOn: '2022-03-01' },
  { customerId: 'C002', name: 'Ben Ortiz', segment: 'Premium', homeStoreCode: 'S003', acquiredOn: '2023-07-15' },
] as const;

export async function insertRetailFixture(db: Database): Promise<void> {
  await db.insert(stores).values([...FIXTURE_STORES]);
  await db.insert(products).values([...FIXTURE_PRODUCTS]);
  await db.insert(customers).values([...FIXTURE_CUSTOMERS]);
  await syncReferenceDimensions(db);
  await insertNewCustomers(db);
}

type Payload = Record<string, unknown>;

/** An envelope with a fresh id; `overrides` replace envelope fields, `payload` the whole payload. */
export function envelope(type: string, payload: unknown, overrides: Record<string, unknown> = {}) {
  return { id: randomUUID(), type, occurredAt: '2025-06-10T15:30:00Z', source: 'test', payload, ...overrides };
}

export const saleEvent = (payload: Payload = {}, overrides: Record<string, unknown> = {}) =>
  envelope('sale', { transactionId: 'T-1', storeCode: 'S001', sku: 'SKU-00001', quantity: 1, unitPrice: 2.5, ...payload }, overrides);

export const customerEvent = (payload: Payload, overrides: Record<string, unknown> = {}) =>
  envelope('customer', payload, overrides);

export const inventoryEvent = (payload: Payload, overrides: Record<string, unknown> = {}) =>
  envelope('inventory', { storeCode: 'S001', sku: 'SKU-00001', onHand: 10, ...payload }, overrides);
