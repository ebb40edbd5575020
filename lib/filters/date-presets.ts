// Named date ranges of the filter bar. They resolve against "today" in the reporting time zone, so a
// shared link with range=last30 keeps meaning "the last 30 days" whenever it is opened.
import { addDays } from '@/lib/calendar/days';

export const DATE_PRESETS = ['last7', 'last30', 'last90', 'mtd', 'qtd', 'ytd', 'lastyear'] as const;
export type DatePreset = (typeof DATE_PRESETS)[number];

export const DATE_PRESET_LABELS: Record<DatePreset, string> = {
  last7: 'Last 7 days',
  last30: 'Last 30 days',
  last90: 'Last 90 days',
  mtd: 'Month to date',
  qtd: 'Quarter to date',
  ytd: 'Year to date',
  lastyear: 'Last year',
};

export function presetRange(preset: DatePreset, today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  switch (preset) {
    case 'last7':
      return { from: addDays(today, -6), to: today };
    case 'last30':
      return { from: addDays(today, -29), to: today };
    case 'last90':
      return { from: addDays(today, -89), to: today };
    case 'mtd':
      return { from: `${today.slice(0, 7)}-01`, to: today };
    case 'qtd': {
      const firstMonth = Math.floor((month - 1) / 3) * 3 + 1;
      return { from: `${year}-${String(firstMonth).padStart(2, '0')}-01`, to: today };
    }
    case 'ytd':
      return { from: `${year}-01-01`, to: today };
    case 'lastyear':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  }
}
