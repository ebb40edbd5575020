// Customer rollups for the customers dashboard: what each customer spent per day, store and basket keys
// (and over aligned runs of days), and each customer's first purchase, in all and per category; and who
// bought in each category as bitmaps. Cohorts, new vs returning and top customers read these (with the
// customer bitmaps of gold.ts), never gold.fact_sales; lib/etl/rollups/customer-sales.ts keeps them equal
// to the facts batch by batch.
import { bigint, bit, date, index, integer, numeric, primaryKey, smallint, text } from 'drizzle-orm/pg-core';
import { CUSTOMER_BITMAP_BITS, goldSchema } from './gold';
import { regionPolicy } from './roles';

const money = (name: string) => numeric(name, { precision: 18, scale: 2, mode: 'number' }).notNull();
const net = () => money('net');
const transactions = () => bigint('transactions', { mode: 'number' }).notNull();

/**
 * Day × store × segment × hour × weekday × customer: net and baskets. Every key is a basket's (one value
 * per basket), so baskets add up across rows; a customer seldom buys twice a day, so this is barely larger
 * than agg_customers_daily. Guests have no rows. customer_no is the customer's bitmap number
 * (silver.customer_numbers), for joins with agg_customer_firsts.
 */
export const aggCustomerSales = goldSchema.table(
  'agg_customer_sales',
  {
    dateKey: integer('date_key').notNull(),
    storeKey: integer('store_key').notNull(),
    regionId: smallint('region_id').notNull(),
    segment: text('segment').notNull(),
    hour: smallint('hour').notNull(),
    weekday: smallint('weekday').notNull(),
    customerId: text('customer_id').notNull(),
    customerNo: integer('customer_no').notNull(),
    net: net(),
    transactions: transactions(),
  },
  (t) => [
    // Days, then regions: a range's buyers under an hour or weekday filter come from the index alone.
    primaryKey({ columns: [t.dateKey, t.regionId, t.storeKey, t.segment, t.hour, t.weekday, t.customerId] }),
    // A store's whole history (cohorts of a store), and one customer's days (their last purchase in a range).
    index('agg_customer_sales_store_idx').on(t.storeKey, t.dateKey),
    index('agg_customer_sales_customer_idx').on(t.customerId, t.dateKey),
    regionPolicy('agg_customer_sales'),
  ],
);

/** agg_customer_sales per region over aligned runs of days (db/schema/gold-spans.ts): top customers of a long range. */
export const aggCustomerSalesSpans = goldSchema.table(
  'agg_customer_sales_spans',
  {
    level: smallint('level').notNull(),
    firstDay: date('first_day', { mode: 'string' }).notNull(),
    regionId: smallint('region_id').notNull(),
    segment: text('segment').notNull(),
    customerId: text('customer_id').notNull(),
    net: net(),
    transactions: transactions(),
  },
  (t) => [
    primaryKey({ columns: [t.level, t.firstDay, t.regionId, t.segment, t.customerId] }),
    regionPolicy('agg_customer_sales_spans'),
  ],
);

/** A first purchase: its day, that day's month and ISO week (their first days), and the net bought in each. */
const firstPurchase = () => ({
  firstDay: date('first_day', { mode: 'string' }).notNull(),
  firstMonth: date('first_month', { mode: 'string' }).notNull(),
  firstWeek: date('first_week', { mode: 'string' }).notNull(),
  firstMonthNet: money('first_month_net'),
  firstWeekNet: money('first_week_net'),
});

/**
 * Customer × region × segment: the first day the customer bought there under that segment, and the net of
 * their purchases there in that day's calendar month and ISO week. Under any regions and segments, a
 * customer's first purchase is the earliest of their rows', and the revenue of their first month (week) is
 * the sum over their rows whose first day falls in that month (week): new-customer revenue without
 * reading a customer's lines.
 */
export const aggCustomerFirsts = goldSchema.table(
  'agg_customer_firsts',
  {
    customerNo: integer('customer_no').notNull(),
    regionId: smallint('region_id').notNull(),
    segment: text('segment').notNull(),
    ...firstPurchase(),
  },
  // By customer: a query takes each customer's earliest row in one ordered pass.
  (t) => [primaryKey({ columns: [t.customerNo, t.regionId, t.segment] }), regionPolicy('agg_customer_firsts')],
);

/**
 * Day × region × category × segment: who bought in a category, as bitmaps over customer numbers like
 * agg_customer_bitmaps (one row per chunk of numbers). A category's buyers of a day are few, so these keep
 * Postgres's default storage and are stored compressed (about 60 bytes a row rather than 2 KB).
 */
export const aggCategoryCustomerBitmaps = goldSchema.table(
  'agg_category_customer_bitmaps',
  {
    dateKey: integer('date_key').notNull(),
    regionId: smallint('region_id').notNull(),
    category: text('category').notNull(),
    segment: text('segment').notNull(),
    chunk: integer('chunk').notNull(),
    customers: bit('customers', { dimensions: CUSTOMER_BITMAP_BITS }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.dateKey, t.regionId, t.category, t.segment, t.chunk] }), regionPolicy('agg_category_customer_bitmaps')],
);

/** agg_category_customer_bitmaps over aligned runs of days, each the OR of the days it spans. */
export const aggCategoryCustomerBitmapSpans = goldSchema.table(
  'agg_category_customer_bitmap_spans',
  {
    level: smallint('level').notNull(),
    firstDay: date('first_day', { mode: 'string' }).notNull(),
    regionId: smallint('region_id').notNull(),
    category: text('category').notNull(),
    segment: text('segment').notNull(),
    chunk: integer('chunk').notNull(),
    customers: bit('customers', { dimensions: CUSTOMER_BITMAP_BITS }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.level, t.firstDay, t.regionId, t.category, t.segment, t.chunk] }),
    regionPolicy('agg_category_customer_bitmap_spans'),
  ],
);

/**
 * agg_customer_sales per category: what each customer spent in a category per day, store and basket keys.
 * Baskets add up across its rows of one category only (a basket with lines in two categories is in both).
 */
export const aggCategoryCustomerSales = goldSchema.table(
  'agg_category_customer_sales',
  {
    dateKey: integer('date_key').notNull(),
    storeKey: integer('store_key').notNull(),
    regionId: smallint('region_id').notNull(),
    category: text('category').notNull(),
    segment: text('segment').notNull(),
    hour: smallint('hour').notNull(),
    weekday: smallint('weekday').notNull(),
    customerId: text('customer_id').notNull(),
    customerNo: integer('customer_no').notNull(),
    net: net(),
    transactions: transactions(),
  },
  (t) => [
    primaryKey({ columns: [t.dateKey, t.regionId, t.category, t.storeKey, t.segment, t.hour, t.weekday, t.customerId] }),
    // A category's days without the others' (top customers of a category over a long range).
    index('agg_category_customer_sales_category_idx').on(t.category, t.dateKey),
    index('agg_category_customer_sales_store_idx').on(t.storeKey, t.dateKey),
    index('agg_category_customer_sales_customer_idx').on(t.customerId, t.dateKey),
    regionPolicy('agg_category_customer_sales'),
  ],
);

/** agg_customer_firsts per category: first purchases in a category, and the net there of their month and week. */
export const aggCategoryCustomerFirsts = goldSchema.table(
  'agg_category_customer_firsts',
  {
    category: text('category').notNull(),
    customerNo: integer('customer_no').notNull(),
    regionId: smallint('region_id').notNull(),
    segment: text('segment').notNull(),
    ...firstPurchase(),
  },
  // By category, then customer: a query of one category takes each customer's earliest row in one ordered pass.
  (t) => [primaryKey({ columns: [t.category, t.customerNo, t.regionId, t.segment] }), regionPolicy('agg_category_customer_firsts')],
);
