// The promotions calendar: the same seasonal campaigns every year, spread over the whole year, each with
// a discount for one category (or storewide) on part of that category's lines (the products on the
// flyer). A line sold on promotion in a running campaign's category gets that campaign's discount.
import { addDays } from '@/lib/calendar/days';
import { holidaysOfYear } from '@/lib/calendar/holidays';
import { CATEGORY_NAMES } from './products';

export interface DemoCampaign {
  code: string;
  name: string;
  /** null: storewide. */
  category: string | null;
  discountPct: number;
  /** Percent of the category's lines sold on promotion while it runs. */
  coveragePct: number;
  startsOn: string;
  endsOn: string;
}

/** MM-DD, or a day of the year relative to a holiday. */
type CampaignDay = string | { holiday: string; days: number };

interface CampaignTemplate {
  code: string;
  name: string;
  category: string | null;
  discountPct: number;
  coveragePct: number;
  starts: CampaignDay;
  ends: CampaignDay;
}

const before = (holiday: string, days: number): CampaignDay => ({ holiday, days: -days });
const on = (holiday: string): CampaignDay => ({ holiday, days: 0 });

const TEMPLATES: CampaignTemplate[] = [
  { code: 'NEW-YEAR-WELLNESS', name: 'New Year Wellness', category: 'Personal Care', discountPct: 15, coveragePct: 35, starts: '01-02', ends: '01-25' },
  { code: 'WINTER-CLEARANCE', name: 'Winter Clearance', category: 'Apparel', discountPct: 30, coveragePct: 55, starts: '01-02', ends: '01-20' },
  { code: 'GAME-DAY', name: 'Game Day Snacks', category: 'Grocery', discountPct: 15, coveragePct: 35, starts: '01-29', ends: '02-09' },
  { code: 'VALENTINE', name: "Valentine's Treats", category: 'Fresh', discountPct: 10, coveragePct: 40, starts: '02-07', ends: '02-14' },
  { code: 'PANTRY', name: 'Pantry Stock-Up', category: 'Grocery', discountPct: 10, coveragePct: 45, starts: '02-20', ends: '03-05' },
  { code: 'SPRING-CLEAN', name: 'Spring Cleaning', category: 'Household', discountPct: 15, coveragePct: 55, starts: '03-10', ends: '03-24' },
  { code: 'SPRING-STYLE', name: 'Spring Style', category: 'Apparel', discountPct: 20, coveragePct: 40, starts: '03-20', ends: '04-06' },
  { code: 'EASTER', name: 'Easter Brunch', category: 'Fresh', discountPct: 10, coveragePct: 40, starts: before('Easter Sunday', 6), ends: before('Easter Sunday', 1) },
  { code: 'GARDEN', name: 'Garden Days', category: 'Home & Garden', discountPct: 20, coveragePct: 50, starts: '04-15', ends: '05-12' },
  { code: 'MOTHERS-DAY', name: "Mother's Day Pampering", category: 'Personal Care', discountPct: 20, coveragePct: 40, starts: before("Mother's Day", 7), ends: on("Mother's Day") },
  { code: 'MEMORIAL-DAY', name: 'Memorial Day Cookout', category: 'Beverages', discountPct: 15, coveragePct: 45, starts: before('Memorial Day', 4), ends: on('Memorial Day') },
  { code: 'SUMMER-HOME', name: 'Summer Home Refresh', category: 'Home & Garden', discountPct: 15, coveragePct: 40, starts: '06-05', ends: '06-20' },
  { code: 'FOURTH-OF-JULY', name: 'Fourth of July BBQ', category: 'Fresh', discountPct: 15, coveragePct: 40, starts: '06-28', ends: '07-04' },
  { code: 'SUMMER-DRINKS', name: 'Summer Refreshers', category: 'Beverages', discountPct: 15, coveragePct: 45, starts: '07-01', ends: '07-31' },
  { code: 'SUMMER-TECH', name: 'Summer Tech Days', category: 'Electronics', discountPct: 15, coveragePct: 55, starts: '07-08', ends: '07-14' },
  { code: 'BTS-TECH', name: 'Back to School Tech', category: 'Electronics', discountPct: 10, coveragePct: 50, starts: '08-01', ends: '08-31' },
  { code: 'BTS-APPAREL', name: 'Back to School Apparel', category: 'Apparel', discountPct: 20, coveragePct: 45, starts: '08-01', ends: '08-31' },
  { code: 'LABOR-DAY', name: 'Labor Day Home Sale', category: 'Home & Garden', discountPct: 25, coveragePct: 50, starts: before('Labor Day', 4), ends: on('Labor Day') },
  { code: 'FALL-STOCK-UP', name: 'Fall Household Stock-Up', category: 'Household', discountPct: 10, coveragePct: 45, starts: '09-15', ends: '09-30' },
  { code: 'WELLNESS', name: 'Fall Wellness', category: 'Personal Care', discountPct: 15, coveragePct: 45, starts: '10-01', ends: '10-15' },
  { code: 'HALLOWEEN', name: 'Halloween Treats', category: 'Grocery', discountPct: 15, coveragePct: 35, starts: '10-20', ends: '10-31' },
  { code: 'THANKSGIVING', name: 'Thanksgiving Feast', category: 'Fresh', discountPct: 10, coveragePct: 45, starts: before('Thanksgiving', 7), ends: before('Thanksgiving', 1) },
  { code: 'BLACK-FRIDAY-WEEK', name: 'Black Friday Week', category: null, discountPct: 10, coveragePct: 30, starts: before('Thanksgiving', 3), ends: on('Thanksgiving') },
  { code: 'BLACK-FRIDAY', name: 'Black Friday Weekend', category: null, discountPct: 20, coveragePct: 55, starts: on('Black Friday'), ends: on('Cyber Monday') },
  { code: 'HOLIDAY-TECH', name: 'Holiday Tech Deals', category: 'Electronics', discountPct: 15, coveragePct: 55, starts: '12-02', ends: '12-24' },
  { code: 'HOLIDAY-GIFTS', name: 'Holiday Gift Shop', category: 'Apparel', discountPct: 15, coveragePct: 40, starts: '12-05', ends: '12-24' },
  { code: 'HOLIDAY-BAKING', name: 'Holiday Baking', category: 'Grocery', discountPct: 10, coveragePct: 35, starts: '12-10', ends: '12-24' },
  { code: 'YEAR-END', name: 'Year-End Clearance', category: 'Home & Garden', discountPct: 25, coveragePct: 50, starts: '12-26', ends: '12-31' },
];

function dayOf(year: number, day: CampaignDay): string {
  if (typeof day === 'string') return `${year}-${day}`;
  const found = holidaysOfYear(year).find((h) => h.name === day.holiday);
  if (!found) throw new Error(`unknown holiday ${day.holiday}`);
  return addDays(found.date, day.days);
}

/** Every campaign that overlaps `from`…`to` (YYYY-MM-DD). */
export function generateCampaigns(from: string, to: string): DemoCampaign[] {
  const campaigns: DemoCampaign[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const t of TEMPLATES) {
      const campaign = {
        code: `${t.code}-${year}`, name: `${t.name} ${year}`, category: t.category, discountPct: t.discountPct,
        coveragePct: t.coveragePct, startsOn: dayOf(year, t.starts), endsOn: dayOf(year, t.ends),
      };
      if (campaign.endsOn >= from && campaign.startsOn <= to) campaigns.push(campaign);
    }
  }
  return campaigns;
}

export interface CampaignTerms {
  /** Day-major (days × categories, in CATEGORY_NAMES order): the deepest running discount in percent, 0 when none. */
  pct: number[];
  /** The same cells: the percent of the category's lines that campaign discounts. */
  coverage: number[];
}

/**
 * Each day's and category's campaign discount, the deepest running (the one the fact promotion
 * attributes a discounted line to), and the share of lines it covers.
 */
export function campaignTerms(campaigns: readonly DemoCampaign[], days: readonly string[]): CampaignTerms {
  const terms: CampaignTerms = { pct: [], coverage: [] };
  for (const day of days) {
    for (const category of CATEGORY_NAMES) {
      const deepest = campaigns
        .filter((c) => c.startsOn <= day && day <= c.endsOn && (c.category === null || c.category === category))
        .reduce<DemoCampaign | null>((best, c) => (best === null || c.discountPct > best.discountPct ? c : best), null);
      terms.pct.push(deepest?.discountPct ?? 0);
      terms.coverage.push(deepest?.coveragePct ?? 0);
    }
  }
  return terms;
}
