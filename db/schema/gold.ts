// Gold: the star schema and the rollups the dashboards read. Region-bearing tables carry region_id
// so that row-level security can filter them without a join.
import { sql } from 'drizzle-orm';
import {
  bigint, bigserial, bit, boolean, date, index, integer, numeric, pgSchema, primaryKey, serial, smallint, text, timestamp, uniqueIndex,
} from 'drizzle-orm/pg-core';
import { customerPolicy, regionPolicy } from './roles';

export const goldSchema = pgSchema('gold');

const money = (name: string) => numeric(name, { precision: 14, scale: 2, mode: 'number' });
const total = (name: string) => numeric(name, { precision: 18, scale: 2, mode: 'number' });

/** One row per calendar day in the reporting time zone; fiscal years start on 1 February (retail calendar). */
export const dimDate = goldSchema.table('dim_date', {
  dateKey: integer('date_key').primaryKey(), // yyyymmdd
  date: date('date', { mode: 'string' }).notNull().unique(),
  year: smallint('year').notNull(),
  quarter: smallint('quarter').notNull(),
  month: smallint('month').notNull(),
  monthName: text('month_name').notNull(),
  dayOfMonth: smallint('day_of_month').notNull(),
  isoYear: smallint('iso_year').notNull(),
  isoWeek: smallint('iso_week').notNull(),
  weekday: smallint('weekday').notNull(), // 1 = Monday … 7 = Sunday
  weekdayName: text('weekday_name').notNull(),
  isWeekend: boolean('is_weekend').notNull(),
  isHoliday: boolean('is_holiday').notNull(),
  holidayName: text('holiday_name'),
  fiscalYear: smallint('fiscal_year').notNull(),
  fiscalQuarter: smallint('fiscal_quarter').notNull(),
});

export const dimRegion = goldSchema.table(
  'dim_region',
  {
    regionId: smallint('region_id').primaryKey(),
    name: text('name').notNull().unique(),
  },
  () => [regionPolicy('dim_region')],
);

export const dimStore = goldSchema.table(
  'dim_store',
  {
    storeKey: serial('store_key').primaryKey(),
    storeCode: text('store_code').notNull().unique(),
    name: text('name').notNull(),
    city: text('city').notNull(),
    regionId: smallint('region_id').notNull().references(() => dimRegion.regionId),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    /** IANA zone of the store's clock, for hours of day and weekdays; null: the reporting time zone. */
    timeZone: text('time_zone'),
  },
  () => [regionPolicy('dim_store')],
);

export const dimProduct = goldSchema.table(
  'dim_product',
  {
    productKey: serial('product_key').primaryKey(),
    sku: text('sku').notNull().unique(),
    name: text('name').notNull(),
    category: text('category').notNull(),
    subcategory: text('subcategory').notNull(),
    brand: text('brand').notNull(),
    unitPrice: money('unit_price').notNull(),
    unitCost: money('unit_cost').notNull(),
    reorderPoint: integer('reorder_point').notNull(),
  },
  (t) => [index('dim_product_category_idx').on(t.category, t.subcategory)],
);

/** Slowly changing dimension, type 2: a segment change closes the current version and opens a new one. */
export const dimCustomer = goldSchema.table(
  'dim_customer',
  {
    customerSk: bigserial('customer_sk', { mode: 'number' }).primaryKey(),
    customerId: text('customer_id').notNull(),
    name: text('name').notNull(),
    segment: text('segment').notNull(),
    homeStoreKey: integer('home_store_key'),
    acquiredOn: date('acquired_on', { mode: 'string' }).notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true, mode: 'date' }).notNull(),
    validTo: timestamp('valid_to', { withTimezone: true, mode: 'date' }),
    isCurrent: boolean('is_current').notNull(),
  },
  (t) => [
    uniqueIndex('dim_customer_current_idx').on(t.customerId).where(sql`is_current`),
    index('dim_customer_history_idx').on(t.customerId, t.validFrom),
    customerPolicy,
  ],
);

export const dimCampaign = goldSchema.table('dim_campaign', {
  campaignKey: serial('campaign_key').primaryKey(),
  campaignCode: text('campaign_code').notNull().unique(),
  name: text('name').notNull(),
  category: text('category'),
  discountPct: numeric('discount_pct', { precision: 5, scale: 2, mode: 'number' }).notNull(),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }).notNull(),
});

/**
 * One row per sales line. date_key is the calendar day in the reporting time zone; hour and weekday (ISO,
 * 1 = Monday) are the store's own clock, so "busiest hour" means the same local hour in every time zone.
 * Amounts in the store currency.
 */
export const factSales = goldSchema.table(
  'fact_sales',
  {
    salesLineId: bigint('sales_line_id', { mode: 'number' }).primaryKey(),
    dateKey: integer('date_key').notNull(),
    hour: smallint('hour').notNull(),
    weekday: smallint('weekday').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    transactionId: text('transaction_id').notNull(),
    storeKey: integer('store_key').notNull(),
    regionId: smallint('region_id').notNull(),
    productKey: integer('product_key').notNull(),
    customerSk: bigint('customer_sk', { mode: 'number' }),
    campaignKey: integer('campaign_key'),
    quantity: integer('quantity').notNull(),
    gross: money('gross').notNull(),
    discount: money('discount').notNull(),
    net: money('net').notNull(),
    cost: money('cost').notNull(),
    // The amounts in whole cents, for the detail table's pages by amount: Postgres treats no numeric
    // comparison as leakproof, so under row-level security it cannot start an index scan at a numeric
    // position (it filters every earlier row instead); at a bigint position it can.
    netCents: bigint('net_cents', { mode: 'number' }).notNull().generatedAlwaysAs(sql`(net * 100)::bigint`),
    discountCents: bigint('discount_cents', { mode: 'number' }).notNull().generatedAlwaysAs(sql`(discount * 100)::bigint`),
  },
  (t) => [
    // Date ranges, and the detail table's newest-first pages (walked backwards, stopping after a page).
    index('fact_sales_date_time_idx').on(t.dateKey, t.occurredAt, t.salesLineId),
    // The detail table's sorts (lib/queries/internal/detail-walk.ts), each walked in its order from the
    // page's position and stopped after the page. Sorted by an amount: its order over all lines; the day,
    // region, store and product follow so that the range, the scope, a store and a category filter are
    // checked on the index entry without reading the row.
    index('fact_sales_net_idx').on(t.netCents, t.salesLineId, t.dateKey, t.regionId, t.storeKey, t.productKey),
    index('fact_sales_quantity_idx').on(t.quantity, t.salesLineId, t.dateKey, t.regionId, t.storeKey, t.productKey),
    index('fact_sales_discount_idx').on(t.discountCents, t.salesLineId, t.dateKey, t.regionId, t.storeKey, t.productKey),
    // Sorted by net with a category filter over more than a month: each product's lines by value, merged.
    // Prices follow the category, so in the order over all lines a category's first lines can come after
    // most other lines (the cheapest Electronics line after half of all lines).
    index('fact_sales_product_net_idx').on(t.productKey, t.netCents, t.salesLineId, t.dateKey, t.regionId, t.storeKey),
    // Sorted by store or region: each store's lines of the range in time order, store after store (with the
    // region, a page jump passes over lines without reading them).
    index('fact_sales_store_time_idx').on(t.storeKey, t.dateKey, t.occurredAt, t.salesLineId, t.regionId),
    // Sorted by category or product: each product's lines of the range in time order, product after product.
    // With the amounts, a category filter over a month or less reads its products' lines of the range from
    // here alone and keeps the page of any amount order.
    index('fact_sales_product_time_idx').on(
      t.productKey, t.dateKey, t.occurredAt, t.salesLineId, t.regionId, t.storeKey, t.quantity, t.netCents, t.discountCents,
    ),
    // A store's days, and the ETL's question "was this basket already in this day and store?".
    index('fact_sales_store_date_basket_idx').on(t.storeKey, t.dateKey, t.transactionId),
    // A customer's lines by region, then day: the risk scorer reads a customer's history, and the row-level
    // security policy of dim_customer asks "has this version a sale in the scope?" from the index alone.
    index('fact_sales_customer_idx').on(t.customerSk, t.regionId, t.dateKey),
    regionPolicy('fact_sales'),
  ],
);

/** Stock on hand per store and product at the end of a snapshot day. */
export const factInventory = goldSchema.table(
  'fact_inventory',
  {
    dateKey: integer('date_key').notNull(),
    storeKey: integer('store_key').notNull(),
    productKey: integer('product_key').notNull(),
    regionId: smallint('region_id').notNull(),
    onHand: integer('on_hand').notNull(),
    reorderPoint: integer('reorder_point').notNull(),
  },
  (t) => [primaryKey({ columns: [t.dateKey, t.storeKey, t.productKey] }), regionPolicy('fact_inventory')],
);

/**
 * The additive measures every sales rollup keeps (day rows and span rows alike). Counts are bigint: a span
 * row sums up to 1,024 days of a region, and a flood of large lines must not overflow a rollup and stop
 * the ETL; money is numeric(18,2), room for 10^16 dollars.
 */
export const rollupMeasures = () => ({
  lines: bigint('lines', { mode: 'number' }).notNull(),
  units: bigint('units', { mode: 'number' }).notNull(),
  transactions: bigint('transactions', { mode: 'number' }).notNull(),
  gross: total('gross').notNull(),
  discount: total('discount').notNull(),
  net: total('net').notNull(),
  cost: total('cost').notNull(),
});

/** Their column names, for SQL that lists them. */
export const ROLLUP_MEASURE_COLUMNS = ['lines', 'units', 'transactions', 'gross', 'discount', 'net', 'cost'] as const;

/**
 * Day × store × segment × customer: who bought, once per day and store. Distinct customers do not add up
 * across rollup rows, but they count exactly here: count(distinct customer_id) over a range's rows.
 * Guests (no customer) have no rows.
 */
export const aggCustomersDaily = goldSchema.table(
  'agg_customers_daily',
  {
    dateKey: integer('date_key').notNull(),
    storeKey: integer('store_key').notNull(),
    regionId: smallint('region_id').notNull(),
    segment: text('segment').notNull(),
    customerId: text('customer_id').notNull(),
  },
  // Days, then regions, then the customer: a range's distinct customers come from the index alone.
  (t) => [primaryKey({ columns: [t.dateKey, t.regionId, t.storeKey, t.segment, t.customerId] }), regionPolicy('agg_customers_daily')],
);

/**
 * Day × region × category × segment × customer number: who bought in a category. Distinct customers under
 * a category filter count exactly here (count(distinct customer_no) over the range's rows, from the index
 * alone); a bitmap per category would hold mostly empty 2 KB chunks on a single day. Guests have no rows.
 */
export const aggCategoryCustomers = goldSchema.table(
  'agg_category_customers',
  {
    dateKey: integer('date_key').notNull(),
    regionId: smallint('region_id').notNull(),
    category: text('category').notNull(),
    segment: text('segment').notNull(),
    customerNo: integer('customer_no').notNull(),
  },
  (t) => [primaryKey({ columns: [t.dateKey, t.regionId, t.category, t.segment, t.customerNo] }), regionPolicy('agg_category_customers')],
);

/**
 * Each product category's bit in the basket_mixes cube's category_set (db/schema/gold-cubes.ts), given in
 * order of first sale and never changed, so stored sets keep their meaning. Bits from CATEGORY_SET_BITS
 * up are shared by every later category.
 */
export const categoryBits = goldSchema.table('category_bits', {
  category: text('category').primaryKey(),
  bit: smallint('bit').notNull(),
});

/** Customers per bitmap row: 2 KB of bits, stored inline (the migration sets storage plain). */
export const CUSTOMER_BITMAP_BITS = 16_384;

/**
 * Day × region × segment: who bought, as bitmaps over customer numbers (silver.customer_numbers), one row
 * per chunk of 16,384 numbers. A range's distinct customers are the set bits of the OR of its rows, chunk
 * by chunk: exact, and a few thousand rows a month where agg_customers_daily has one per customer and day.
 */
export const aggCustomerBitmaps = goldSchema.table(
  'agg_customer_bitmaps',
  {
    dateKey: integer('date_key').notNull(),
    regionId: smallint('region_id').notNull(),
    segment: text('segment').notNull(),
    chunk: integer('chunk').notNull(),
    customers: bit('customers', { dimensions: CUSTOMER_BITMAP_BITS }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.dateKey, t.regionId, t.segment, t.chunk] }), regionPolicy('agg_customer_bitmaps')],
);
