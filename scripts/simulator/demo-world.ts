// The world the simulator sells in: the demo dataset's stores, products and customers, regenerated from
// the seeder's deterministic reference data (same seed and size as `npm run db:seed`), so its codes exist
// in the database without the simulator opening it.
import { addDays, todayIn } from '@/lib/calendar/days';
import type { CustomerSegment } from '@/lib/filters/segments';
import { DEFAULT_DEMO_LINES, DEFAULT_DEMO_SEED } from '@/lib/seed';
import { CATEGORIES } from '@/lib/seed/products';
import { generateReferenceData } from '@/lib/seed/reference-data';
import { SALES_DAYS } from '@/lib/seed/sales-plan';

export interface SimStore {
  code: string;
  region: string;
  traffic: number;
}

export interface SimProduct {
  sku: string;
  priceCents: number;
  reorderPoint: number;
  popularity: number;
  durable: boolean;
}

export interface SimCustomer {
  customerId: string;
  segment: CustomerSegment;
  homeStore: string;
}

export interface SimWorld {
  stores: SimStore[];
  products: SimProduct[];
  customers: SimCustomer[];
}

export function demoWorld(options: { seed?: number; lines?: number; timeZone: string; now?: Date }): SimWorld {
  const today = todayIn(options.timeZone, options.now);
  const data = generateReferenceData(
    options.seed ?? DEFAULT_DEMO_SEED,
    options.lines ?? DEFAULT_DEMO_LINES,
    addDays(today, -(SALES_DAYS - 1)),
    today,
  );
  return {
    stores: data.stores.map((s) => ({ code: s.code, region: s.region, traffic: s.traffic })),
    products: data.products.map((p) => ({
      sku: p.sku,
      priceCents: p.priceCents,
      reorderPoint: p.reorderPoint,
      popularity: p.popularity,
      durable: CATEGORIES[p.categoryIndex].durable,
    })),
    customers: data.customers.map((c) => ({ customerId: c.customerId, segment: c.segment, homeStore: data.stores[c.homeStore].code })),
  };
}
