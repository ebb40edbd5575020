// The promotions calendar: the same seasonal campaigns every year, with discounts per category
// (or storewide). A line sold in a running campaign's category gets that campaign's discount.
import { holidaysOfYear } from '@/lib/calendar/holidays';
import { CATEGORY_NAMES } from './products';

export interface DemoCampaign {
  code: string;
  name: string;
  /** null: storewide. */
  category: string | null;
  discountPct: number;
  startsOn: string;
  endsOn: string;
}

interface CampaignTemplate {
  code: string;
  name: string;
  category: string | null;
  discountPct: number;
  /** MM-DD, or a function of the year for moving dates. */
  starts: string | ((year: number) => string);
  ends: string | ((year: number) => string);
}

const holiday = (name: string) => (year: number) => {
  const found = holidaysOfYear(year).find((h) => h.name === name);
  if (!found) throw new Error(`unknown holiday ${name}`);
  return found.date.slice(5);
};

const TEMPLATES: CampaignTemplate[] = [
  { code: 'WINTER-CLEARANCE', name: 'Winter Clearance', category: 'Apparel', discountPct: 30, starts: '01-02', ends: '01-20' },
  { code: 'VALENTINE', name: "Valentine's Treats", category: 'Fresh', discountPct: 10, starts: '02-07', ends: '02-14' },
  { code: 'PANTRY', name: 'Pantry Stock-Up', category: 'Grocery', discountPct: 10, starts: '02-20', ends: '03-05' },
  { code: 'SPRING-CLEAN', name: 'Spring Cleaning', category: 'Household', discountPct: 15, starts: '03-10', ends: '03-24' },
  { code: 'GARDEN', name: 'Garden Days', category: 'Home & Garden', discountPct: 20, starts: '04-15', ends: '05-12' },
  { code: 'SUMMER-DRINKS', name: 'Summer Refreshers', category: 'Beverages', discountPct: 15, starts: '07-01', ends: '07-31' },
  { code: 'BTS-TECH', name: 'Back to School Tech', category: 'Electronics', discountPct: 10, starts: '08-01', ends: '08-31' },
  { code: 'BTS-APPAREL', name: 'Back to School Apparel', category: 'Apparel', discountPct: 20, starts: '08-01', ends: '08-31' },
  { code: 'WELLNESS', name: 'Fall Wellness', category: 'Personal Care', discountPct: 15, starts: '10-01', ends: '10-15' },
  { code: 'BLACK-FRIDAY', name: 'Black Friday Weekend', category: null, discountPct: 20, starts: holiday('Black Friday'), ends: holiday('Cyber Monday') },
  { code: 'HOLIDAY-TECH', name: 'Holiday Tech Deals', category: 'Electronics', discountPct: 15, starts: '12-01', ends: '12-24' },
];

/** Every campaign that overlaps `from`…`to` (YYYY-MM-DD). */
export function generateCampaigns(from: string, to: string): DemoCampaign[] {
  const campaigns: DemoCampaign[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const t of TEMPLATES) {
      const at = (part: CampaignTemplate['starts']) => `${year}-${typeof part === 'string' ? part : part(year)}`;
      const campaign = {
        code: `${t.code}-${year}`, name: `${t.name} ${year}`, category: t.category, discountPct: t.discountPct,
        startsOn: at(t.starts), endsOn: at(t.ends),
      };
      if (campaign.endsOn >= from && campaign.startsOn <= to) campaigns.push(campaign);
    }
  }
  return campaigns;
}

/**
 * Day-major matrix (days × categories, flattened, categories in CATEGORY_NAMES order) of the deepest
 * campaign discount running, in percent; 0 when none. The fact promotion attributes the same campaign.
 */
export function campaignDiscounts(campaigns: readonly DemoCampaign[], days: readonly string[]): number[] {
  return days.flatMap((day) =>
    CATEGORY_NAMES.map((category) =>
      campaigns
        .filter((c) => c.startsOn <= day && day <= c.endsOn && (c.category === null || c.category === category))
        .reduce((deepest, c) => Math.max(deepest, c.discountPct), 0),
    ),
  );
}
