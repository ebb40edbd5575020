// Silver: validated, typed records. Every bronze event ends here or in quarantine, never nowhere.
import { sql } from 'drizzle-orm';
import { bigint, bigserial, date, index, integer, jsonb, numeric, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const silverSchema = pgSchema('silver');

const money = (name: string) => numeric(name, { precision: 14, scale: 2, mode: 'number' });
const tz = { withTimezone: true, mode: 'date' } as const;

export const stores = silverSchema.table('stores', {
  storeCode: text('store_code').primaryKey(),
  name: text('name').notNull(),
  city: text('city').notNull(),
  region: text('region').notNull(),
  openedOn: date('opened_on', { mode: 'string' }).notNull(),
  /** IANA time zone of the store; null: the reporting time zone. */
  timeZone: text('time_zone'),
});

export const products = silverSchema.table('products', {
  sku: text('sku').primaryKey(),
  name: text('name').notNull(),
  category: text('category').notNull(),
  subcategory: text('subcategory').notNull(),
  brand: text('brand').notNull(),
  unitPrice: money('unit_price').notNull(),
  unitCost: money('unit_cost').notNull(),
  reorderPoint: integer('reorder_point').notNull(),
});

export const customers = silverSchema.table('customers', {
  customerId: text('customer_id').primaryKey(),
  name: text('name').notNull(),
  segment: text('segment').notNull(),
  homeStoreCode: text('home_store_code'),
  acquiredOn: date('acquired_on', { mode: 'string' }).notNull(),
  updatedAt: timestamp('updated_at', tz).notNull().defaultNow(),
});

/**
 * A dense number for every customer id that has bought: its bit in gold.agg_customer_bitmaps. Numbers are
 * handed out once (ids already numbered are skipped, so none is burnt) and never reused.
 */
export const customerNumbers = silverSchema.table('customer_numbers', {
  customerId: text('customer_id').primaryKey(),
  customerNo: integer('customer_no').notNull().generatedAlwaysAsIdentity(),
});

export const campaigns = silverSchema.table('campaigns', {
  campaignCode: text('campaign_code').primaryKey(),
  name: text('name').notNull(),
  // null: the campaign applies to every category
  category: text('category'),
  discountPct: numeric('discount_pct', { precision: 5, scale: 2, mode: 'number' }).notNull(),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }).notNull(),
});

/** One line of a sale: a product, a quantity and its amounts (gross = quantity × unit price; net = gross − discount). */
export const salesLines = silverSchema.table(
  'sales_lines',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    // null for lines written directly by the demo seeder; unique otherwise so an event is a line at most once
    eventId: uuid('event_id').unique(),
    bronzeId: bigint('bronze_id', { mode: 'number' }),
    transactionId: text('transaction_id').notNull(),
    storeCode: text('store_code').notNull(),
    sku: text('sku').notNull(),
    customerId: text('customer_id'),
    quantity: integer('quantity').notNull(),
    unitPrice: money('unit_price').notNull(),
    discount: money('discount').notNull(),
    gross: money('gross').notNull(),
    net: money('net').notNull(),
    occurredAt: timestamp('occurred_at', tz).notNull(),
    ingestedAt: timestamp('ingested_at', tz).notNull().defaultNow(),
  },
  (t) => [index('sales_lines_occurred_idx').on(t.occurredAt)],
);

export const inventoryLevels = silverSchema.table(
  'inventory_levels',
  {
    storeCode: text('store_code').notNull(),
    sku: text('sku').notNull(),
    onHand: integer('on_hand').notNull(),
    updatedAt: timestamp('updated_at', tz).notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeCode, t.sku] })],
);

/** Every event that could not become a silver row, with the reason, so nothing is silently dropped. */
export const quarantine = silverSchema.table(
  'quarantine',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    bronzeId: bigint('bronze_id', { mode: 'number' }),
    eventId: text('event_id'),
    // 'ingest': refused at the API before bronze; 'validate': refused by the ETL; 'etl': dead-lettered, the
    // event on which a batch failed (lib/etl/dead-letter.ts)
    stage: text('stage').notNull(),
    reason: text('reason').notNull(),
    envelope: jsonb('envelope'),
    rawText: text('raw_text'),
    quarantinedAt: timestamp('quarantined_at', tz).notNull().defaultNow(),
  },
  (t) => [index('quarantine_bronze_idx').on(t.bronzeId).where(sql`bronze_id is not null`)],
);
