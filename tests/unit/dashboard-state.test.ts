import { ZodError } from 'zod';
import { carriesDashboardState, parseDashboardState, serializeDashboardState, EMPTY_STATE, MAX_PAGE_SIZE, SORTABLE_COLUMNS, type DashboardState } from '@/lib/filters/dashboard-state';
import { presetRange } from '@/lib/filters/date-presets';
import { resolveDateRange } from '@/lib/filters/resolve-filters';

const roundTrip = (query: string) => serializeDashboardState(parseDashboardState(new URLSearchParams(query)));

describe('dashboard URL state', () => {
  it.each([
    '',
    'range=last7',
    'from=2026-01-01&to=2026-01-31',
    'from=2026-01-01&to=2026-01-31&compare=year',
    'compare=previous&range=mtd',
    'regions=East,West&stores=S001,S014&categories=Home+%26+Garden,Grocery&segments=Premium,Guest',
    'sel=category%3AGrocery%2Chour%3A9%2Cweekday%3A6%2Cstore%3AS003',
    'grain=month&tab=cohorts&drill=Grocery%2FPantry',
    'page=3&pageSize=100&sort=-net',
    'page=4&sort=store&cursor=Zm9vYmFyLWJhei1xdXV4LWN1cnNvci1vZi1hLXBhZ2UtMTIzNDU2',
    'sort=occurredAt',
    'sort=-occurredAt&regions=East',
  ])('parse ∘ serialise is the identity on %p', (query) => {
    const once = roundTrip(query);
    expect(roundTrip(once)).toBe(once);
    expect(parseDashboardState(new URLSearchParams(once))).toEqual(parseDashboardState(new URLSearchParams(query)));
  });

  it('serialises canonically: defaults omitted, fixed key order', () => {
    const state = parseDashboardState(new URLSearchParams('sort=net&grain=day&regions=west,East&page=1&pageSize=25'));
    expect(serializeDashboardState(state)).toBe('regions=West%2CEast&sort=net');
  });

  it('parses sort into a column and a direction, and writes it back as it came', () => {
    expect(parseDashboardState(new URLSearchParams('sort=-net')).sort).toEqual({ column: 'net', direction: 'desc' });
    expect(parseDashboardState(new URLSearchParams('sort=region')).sort).toEqual({ column: 'region', direction: 'asc' });
    expect(parseDashboardState(new URLSearchParams('')).sort).toBeUndefined();
    for (const column of SORTABLE_COLUMNS) {
      for (const direction of ['asc', 'desc'] as const) {
        const query = serializeDashboardState({ ...EMPTY_STATE, sort: { column, direction } });
        expect(query).toBe(`sort=${direction === 'desc' ? '-' : ''}${column}`);
        expect(parseDashboardState(new URLSearchParams(query)).sort).toEqual({ column, direction });
      }
    }
  });

  it('writes a cursor only with a page after the first: going back to page 1 drops it', () => {
    const cursor = 'Zm9vYmFyLWJhei1xdXV4LWN1cnNvci1vZi1hLXBhZ2UtMTIzNDU2';
    const state = parseDashboardState(new URLSearchParams(`page=3&cursor=${cursor}`));
    expect(state.cursor).toBe(cursor);
    expect(serializeDashboardState(state)).toBe(`page=3&cursor=${cursor}`);
    expect(serializeDashboardState({ ...state, page: 1 })).toBe('');
  });

  it('merges repeated parameters and drops duplicates and blanks', () => {
    const state = parseDashboardState(new URLSearchParams('regions=East&regions=East,,West'));
    expect(state.regions).toEqual(['East', 'West']);
  });

  it('compares with the previous period unless the URL says year, and writes only the non-default choice', () => {
    expect(parseDashboardState(new URLSearchParams('')).compare).toBe('previous');
    const year = parseDashboardState(new URLSearchParams('compare=year&range=mtd'));
    expect(year.compare).toBe('year');
    expect(serializeDashboardState(year)).toBe('range=mtd&compare=year');
    expect(serializeDashboardState({ ...year, compare: 'previous' })).toBe('range=mtd');
    expect(carriesDashboardState(new URLSearchParams('compare=year'))).toBe(true);
  });

  it('clamps paging instead of failing', () => {
    const state = parseDashboardState(new URLSearchParams('page=-4&pageSize=100000'));
    expect(state.page).toBe(1);
    expect(state.pageSize).toBe(MAX_PAGE_SIZE);
    expect(parseDashboardState(new URLSearchParams('pageSize=abc')).pageSize).toBe(25);
  });

  it.each([
    ['from=2026-02-30', 'from'],
    ['regions=Atlantis', 'regions'],
    ['stores=1;drop', 'stores'],
    ['grain=hourly', 'grain'],
    ['compare=lastyear', 'compare'],
    ['compare=Year', 'compare'],
    ['compare=', 'compare'],
    ['sel=colour:red', 'sel'],
    ['sel=hour:25', 'sel'],
    ['sort=password', 'sort'],
    ['sort=--net', 'sort'],
    ['sort=-', 'sort'],
    ['sort=Net', 'sort'],
    ['sort=net,-quantity', 'sort'],
    ['drill=a/b/c', 'drill'],
    ['page=2&cursor=short', 'cursor'],
    ["page=2&cursor=not+a+cursor+at+all+'+or+1=1+--+padding+padding+padding", 'cursor'],
  ])('refuses %p with a message naming %s', (query, key) => {
    try {
      parseDashboardState(new URLSearchParams(query));
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(ZodError);
      expect((e as ZodError).issues[0].path[0]).toBe(key);
    }
  });
});

describe('date ranges', () => {
  const state = (s: Partial<DashboardState>) => ({ range: undefined, from: undefined, to: undefined, ...s });
  it('resolves presets against today', () => {
    expect(presetRange('last7', '2026-11-23')).toEqual({ from: '2026-11-17', to: '2026-11-23' });
    expect(presetRange('mtd', '2026-11-23')).toEqual({ from: '2026-11-01', to: '2026-11-23' });
    expect(presetRange('qtd', '2026-11-23')).toEqual({ from: '2026-10-01', to: '2026-11-23' });
    expect(presetRange('ytd', '2026-11-23')).toEqual({ from: '2026-01-01', to: '2026-11-23' });
    expect(presetRange('lastyear', '2026-11-23')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });
  it('lets explicit days win and fills the missing end', () => {
    expect(resolveDateRange(state({}), '2026-11-23')).toEqual({ from: '2026-10-25', to: '2026-11-23' });
    expect(resolveDateRange(state({ from: '2026-11-01' }), '2026-11-23')).toEqual({ from: '2026-11-01', to: '2026-11-23' });
    expect(resolveDateRange(state({ to: '2026-06-30' }), '2026-11-23')).toEqual({ from: '2026-06-01', to: '2026-06-30' });
    expect(resolveDateRange(state({ range: 'ytd', from: '2026-03-01', to: '2026-03-02' }), '2026-11-23')).toEqual({ from: '2026-03-01', to: '2026-03-02' });
  });
  it('refuses reversed and overly long ranges', () => {
    expect(() => resolveDateRange(state({ from: '2026-05-02', to: '2026-05-01' }), '2026-11-23')).toThrow(/on or before/);
    expect(() => resolveDateRange(state({ from: '2020-01-01', to: '2026-05-01' }), '2026-11-23')).toThrow(/at most/);
  });
});

describe('what counts as dashboard state in a URL', () => {
  it('ignores parameters added on the way, so a shared link with them still opens its own view', () => {
    expect(carriesDashboardState(new URLSearchParams('utm_source=mail&utm_campaign=board&fbclid=IwAR0x'))).toBe(false);
    expect(carriesDashboardState({})).toBe(false);
    expect(carriesDashboardState(new URLSearchParams('utm_source=mail&range=last7'))).toBe(true);
    expect(carriesDashboardState({ regions: ['East', 'West'] })).toBe(true);
  });
});
