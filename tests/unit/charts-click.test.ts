import { toChartClick } from '@/components/charts/figures/chart-click';
import { applyClickToParams, nextSelection, openHref, selectedKeysOf } from '@/components/charts/figures/url-selection';

describe('toChartClick', () => {
  it('reads the key from customdata and a plain click as replacing', () => {
    expect(toChartClick({ points: [{ customdata: 'S001' }], event: { shiftKey: false } })).toEqual({ key: 'S001', additive: false });
  });

  it('treats shift, ctrl and cmd as additive', () => {
    expect(toChartClick({ points: [{ customdata: 'S001' }], event: { shiftKey: true } })?.additive).toBe(true);
    expect(toChartClick({ points: [{ customdata: 'S001' }], event: { metaKey: true } })?.additive).toBe(true);
    expect(toChartClick({ points: [{ customdata: 'S001' }], event: { ctrlKey: true } })?.additive).toBe(true);
  });

  it('takes the first entry of tuple customdata and stringifies numbers', () => {
    expect(toChartClick({ points: [{ customdata: ['3', 'Cohort of 120'] }] })).toEqual({ key: '3', additive: false });
    expect(toChartClick({ points: [{ customdata: 7 }] })?.key).toBe('7');
  });

  it('ignores clicks on points without a key', () => {
    expect(toChartClick({ points: [{}] })).toBeNull();
    expect(toChartClick({ points: [{ customdata: [null, 'detail'] }] })).toBeNull();
    expect(toChartClick({ points: [] })).toBeNull();
  });
});

describe('URL selection', () => {
  it('reads the keys of one dimension', () => {
    expect(selectedKeysOf('store:S001,region:East,store:S004', 'store')).toEqual(['S001', 'S004']);
    expect(selectedKeysOf(null, 'store')).toEqual([]);
  });

  it('replaces the dimension on a plain click and keeps other dimensions', () => {
    expect(nextSelection('region:East,store:S001', 'store', { key: 'S002', additive: false })).toBe('region:East,store:S002');
  });

  it('clears a sole selection when it is clicked again', () => {
    expect(nextSelection('store:S001', 'store', { key: 'S001', additive: false })).toBe('');
  });

  it('adds and removes keys on additive clicks', () => {
    expect(nextSelection('store:S001', 'store', { key: 'S002', additive: true })).toBe('store:S001,store:S002');
    expect(nextSelection('store:S001,store:S002', 'store', { key: 'S001', additive: true })).toBe('store:S002');
  });

  it('writes sel, resets paging and drops an emptied sel', () => {
    const params = new URLSearchParams('from=2026-01-01&page=3&sel=store:S001');
    const added = applyClickToParams(params, { kind: 'cross-filter', dimension: 'store' }, { key: 'S002', additive: true });
    expect(added?.get('sel')).toBe('store:S001,store:S002');
    expect(added?.get('page')).toBeNull();
    expect(added?.get('from')).toBe('2026-01-01');
    const cleared = applyClickToParams(params, { kind: 'cross-filter', dimension: 'store' }, { key: 'S001', additive: false });
    expect(cleared?.has('sel')).toBe(false);
  });

  it('sets and clears the drill path', () => {
    const params = new URLSearchParams('drill=Electronics');
    expect(applyClickToParams(params, { kind: 'drill' }, { key: 'Electronics/Phones', additive: false })?.get('drill')).toBe('Electronics/Phones');
    expect(applyClickToParams(params, { kind: 'drill' }, { key: '', additive: false })?.has('drill')).toBe(false);
  });

  it('ignores a keyless cross-filter click', () => {
    expect(applyClickToParams(new URLSearchParams(), { kind: 'cross-filter', dimension: 'store' }, { key: '', additive: false })).toBeNull();
  });
});

describe('open actions', () => {
  const open = { kind: 'open', basePath: '/dashboards/products', query: 'range=last90&drill=Grocery%2FDairy' } as const;

  it('lead to the clicked item\'s page, its key encoded, the view\'s query kept', () => {
    expect(openHref(open, { key: 'SKU-00042', additive: false })).toBe('/dashboards/products/SKU-00042?range=last90&drill=Grocery%2FDairy');
    expect(openHref({ ...open, query: '' }, { key: 'a/b?c', additive: false })).toBe('/dashboards/products/a%2Fb%3Fc');
  });

  it('go nowhere from a tile without a key', () => {
    expect(openHref(open, { key: '', additive: false })).toBeNull();
  });
});
