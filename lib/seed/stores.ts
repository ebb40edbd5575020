// The demo store network: about 60 stores across the five contract regions, with regional
// differences in store count and traffic. A few stores open during the two years of sales.
import { REGION_NAMES, type RegionName } from '@/lib/filters/regions';
import { addDays, daysBetween } from '@/lib/calendar/days';
import { streamFor } from './random';

export interface DemoStore {
  code: string;
  name: string;
  city: string;
  region: RegionName;
  openedOn: string;
  /** Relative daily traffic (busy flagship ≈ 2, small town ≈ 0.5). */
  traffic: number;
  /** Share of baskets paid without a loyalty card, in permille. */
  anonymousPermille: number;
  /** IANA time zone: the store opens at 8 on its own clock. */
  timeZone: string;
}

interface RegionProfile {
  stores: number;
  traffic: number;
  anonymousPermille: number;
  cities: string[];
}

const REGION_PROFILES: Record<RegionName, RegionProfile> = {
  East: {
    stores: 15, traffic: 1.25, anonymousPermille: 330,
    cities: ['New York', 'Boston', 'Philadelphia', 'Baltimore', 'Washington', 'Newark', 'Providence', 'Hartford',
      'Pittsburgh', 'Richmond', 'Jersey City', 'Buffalo', 'Albany', 'Stamford', 'Worcester'],
  },
  West: {
    stores: 13, traffic: 1.1, anonymousPermille: 310,
    cities: ['Los Angeles', 'San Francisco', 'Seattle', 'San Diego', 'Portland', 'Phoenix', 'Las Vegas', 'San Jose',
      'Sacramento', 'Salt Lake City', 'Oakland', 'Tucson', 'Boise'],
  },
  North: {
    stores: 10, traffic: 0.9, anonymousPermille: 270,
    cities: ['Chicago', 'Detroit', 'Minneapolis', 'Milwaukee', 'Cleveland', 'St. Paul', 'Madison', 'Grand Rapids',
      'Green Bay', 'Duluth'],
  },
  South: {
    stores: 13, traffic: 1.0, anonymousPermille: 300,
    cities: ['Houston', 'Atlanta', 'Dallas', 'Miami', 'Austin', 'Nashville', 'Charlotte', 'Orlando', 'Tampa',
      'New Orleans', 'San Antonio', 'Raleigh', 'Birmingham'],
  },
  Central: {
    stores: 9, traffic: 0.75, anonymousPermille: 260,
    cities: ['Denver', 'Kansas City', 'St. Louis', 'Omaha', 'Oklahoma City', 'Des Moines', 'Wichita', 'Tulsa', 'Lincoln'],
  },
};

/** Each demo city's time zone; the network spans the four mainland US zones and Arizona. */
const CITY_TIME_ZONES: Record<string, string> = {
  'Los Angeles': 'America/Los_Angeles', 'San Francisco': 'America/Los_Angeles', Seattle: 'America/Los_Angeles',
  'San Diego': 'America/Los_Angeles', Portland: 'America/Los_Angeles', 'Las Vegas': 'America/Los_Angeles',
  'San Jose': 'America/Los_Angeles', Sacramento: 'America/Los_Angeles', Oakland: 'America/Los_Angeles',
  Phoenix: 'America/Phoenix', Tucson: 'America/Phoenix', 'Salt Lake City': 'America/Denver', Boise: 'America/Boise',
  Denver: 'America/Denver',
  Chicago: 'America/Chicago', Minneapolis: 'America/Chicago', Milwaukee: 'America/Chicago', 'St. Paul': 'America/Chicago',
  Madison: 'America/Chicago', 'Green Bay': 'America/Chicago', Duluth: 'America/Chicago', Houston: 'America/Chicago',
  Dallas: 'America/Chicago', Austin: 'America/Chicago', Nashville: 'America/Chicago', 'New Orleans': 'America/Chicago',
  'San Antonio': 'America/Chicago', Birmingham: 'America/Chicago', 'Kansas City': 'America/Chicago',
  'St. Louis': 'America/Chicago', Omaha: 'America/Chicago', 'Oklahoma City': 'America/Chicago', 'Des Moines': 'America/Chicago',
  Wichita: 'America/Chicago', Tulsa: 'America/Chicago', Lincoln: 'America/Chicago',
  Detroit: 'America/Detroit', 'Grand Rapids': 'America/Detroit',
};
const EASTERN = 'America/New_York';

/** Every time zone a demo store can have: the store-local "today" that ends the dataset is the latest of theirs. */
export const DEMO_TIME_ZONES: readonly string[] = [...new Set([...Object.values(CITY_TIME_ZONES), EASTERN])];

const SITES = ['Downtown', 'Mall', 'Plaza', 'Crossing', 'Town Center', 'Riverside', 'Northgate', 'Market Square', 'Commons'];

/** Stores that open during the sales window, so new-store ramps show in the data. */
const NEW_STORES = 6;

export const storeCode = (n: number) => `S${String(n).padStart(3, '0')}`;

/** The store network for sales running from `firstDay` to `lastDay` (YYYY-MM-DD). */
export function generateStores(seed: number, firstDay: string, lastDay: string): DemoStore[] {
  const random = streamFor(seed, 1);
  const stores: DemoStore[] = [];
  for (const region of REGION_NAMES) {
    const profile = REGION_PROFILES[region];
    profile.cities.slice(0, profile.stores).forEach((city, i) => {
      // The first city of a region is its flagship; later ones are smaller on average.
      const size = i === 0 ? 1.9 : random.between(0.55, 1.45);
      stores.push({
        code: storeCode(stores.length + 1),
        name: `${city} ${random.pick(SITES)}`,
        city,
        region,
        openedOn: addDays(firstDay, -random.int(400, 6000)),
        traffic: Number((profile.traffic * size).toFixed(3)),
        anonymousPermille: profile.anonymousPermille + random.int(-30, 30),
        timeZone: CITY_TIME_ZONES[city] ?? EASTERN,
      });
    });
  }
  // New stores open on the first of a month, at least three months from either end of the window.
  const span = daysBetween(firstDay, lastDay);
  const candidates = stores.filter((s) => s.city !== REGION_PROFILES[s.region].cities[0]);
  for (let k = 0; k < NEW_STORES; k++) {
    const store = candidates[Math.floor(((k + 0.5) / NEW_STORES) * candidates.length)];
    const opening = addDays(firstDay, 90 + Math.floor(((k + random.next()) / NEW_STORES) * Math.max(0, span - 180)));
    store.openedOn = `${opening.slice(0, 7)}-01`;
  }
  return stores;
}
