// The demo dataset as a whole, rebuilt in memory from its seed, its size and the moment its seeded sales
// end: the store-local days it covers, its reference data, the constants of its sales SQL and its plan.
// The seeder writes it; the live stream and the simulator continue it with baskets drawn the same way.
import { generateReferenceData, type DemoReferenceData } from './reference-data';
import { planSales, salesConstants, salesDays, type SalesConstants, type SalesPlan } from './sales-plan';
import { lastStoreDay } from './store-days';

export interface DemoWorld {
  seed: number;
  lines: number;
  /** The moment the seeded sales end. */
  seededUntil: Date;
  /** The first store-local day of the dataset: day numbers (and so every draw) count from it. */
  firstDay: string;
  data: DemoReferenceData;
  constants: SalesConstants;
  plan: SalesPlan;
}

export function buildDemoWorld(seed: number, lines: number, seededUntil: Date): DemoWorld {
  if (!Number.isSafeInteger(lines) || lines < 1) throw new RangeError('lines must be a positive integer');
  if (!Number.isSafeInteger(seed)) throw new RangeError('seed must be an integer');
  if (Number.isNaN(seededUntil.getTime())) throw new RangeError('the end of the dataset must be a valid date');
  const days = salesDays(lastStoreDay(seededUntil));
  const data = generateReferenceData(seed, lines, days[0], days[days.length - 1]);
  return {
    seed, lines, seededUntil, firstDay: days[0], data,
    constants: salesConstants(seed, data),
    plan: planSales(seed, lines, data.stores, days, seededUntil),
  };
}
