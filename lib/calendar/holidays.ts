// Retail holidays and peak days used by dim_date and by the demo seeder's demand curve.
// Dates are calendar days (YYYY-MM-DD) with no time zone: a holiday is the same day everywhere.

export interface Holiday {
  date: string;
  name: string;
}

const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The n-th given weekday (0 = Sunday) of a month; n = -1 for the last one. */
function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  if (n > 0) {
    const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
    return 1 + ((weekday - first + 7) % 7) + (n - 1) * 7;
  }
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const last = new Date(Date.UTC(year, month - 1, lastDay)).getUTCDay();
  return lastDay - ((last - weekday + 7) % 7);
}

/** Western Easter Sunday (anonymous Gregorian algorithm). */
function easter(year: number): [number, number] {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return [month, day];
}

export function holidaysOfYear(year: number): Holiday[] {
  const [em, ed] = easter(year);
  const thanksgiving = nthWeekday(year, 11, 4, 4);
  const blackFriday = new Date(Date.UTC(year, 10, thanksgiving + 1));
  const cyberMonday = new Date(Date.UTC(year, 10, thanksgiving + 4));
  const fromDate = (d: Date) => iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  return [
    { date: iso(year, 1, 1), name: "New Year's Day" },
    { date: iso(year, 2, 14), name: "Valentine's Day" },
    { date: iso(year, em, ed), name: 'Easter Sunday' },
    { date: iso(year, 5, nthWeekday(year, 5, 0, 2)), name: "Mother's Day" },
    { date: iso(year, 5, nthWeekday(year, 5, 1, -1)), name: 'Memorial Day' },
    { date: iso(year, 7, 4), name: 'Independence Day' },
    { date: iso(year, 9, nthWeekday(year, 9, 1, 1)), name: 'Labor Day' },
    { date: iso(year, 11, thanksgiving), name: 'Thanksgiving' },
    { date: fromDate(blackFriday), name: 'Black Friday' },
    { date: fromDate(cyberMonday), name: 'Cyber Monday' },
    { date: iso(year, 12, 24), name: 'Christmas Eve' },
    { date: iso(year, 12, 25), name: 'Christmas Day' },
    { date: iso(year, 12, 26), name: 'Boxing Day' },
    { date: iso(year, 12, 31), name: "New Year's Eve" },
  ].sort((a, b) => a.date.localeCompare(b.date));
}

export function holidaysBetween(from: string, to: string): Holiday[] {
  const out: Holiday[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    for (const h of holidaysOfYear(y)) if (h.date >= from && h.date <= to) out.push(h);
  }
  return out;
}
