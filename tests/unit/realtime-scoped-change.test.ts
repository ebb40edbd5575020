import type { GoldChange } from '@/lib/realtime/change-log';
import { changeSlicesByRegion } from '@/lib/realtime/change-slices';
import { scopeChange } from '@/lib/realtime/scoped-change';

const change: GoldChange = {
  id: 9,
  at: '2026-11-20T12:00:00.000Z',
  slices: [
    { region: 1, dates: ['2026-11-19', '2026-11-20'], stores: ['S001', 'S002'] },
    { region: 2, dates: ['2026-11-18'], stores: ['S003'] },
  ],
};

describe('scopeChange', () => {
  it('keeps only the regions, days and stores in scope', () => {
    expect(scopeChange(change, [1])).toEqual({
      at: change.at, regions: ['East'], dates: ['2026-11-19', '2026-11-20'], stores: ['S001', 'S002'],
    });
    const west = scopeChange(change, [2, 4]);
    expect(west).toEqual({ at: change.at, regions: ['West'], dates: ['2026-11-18'], stores: ['S003'] });
    expect(JSON.stringify(west)).not.toMatch(/East|S001|S002|2026-11-19/);
  });

  it('merges several regions in scope', () => {
    expect(scopeChange(change, [1, 2, 3, 4, 5])).toMatchObject({
      regions: ['East', 'West'], dates: ['2026-11-18', '2026-11-19', '2026-11-20'], stores: ['S001', 'S002', 'S003'],
    });
  });

  it('is null for a change outside the scope', () => {
    expect(scopeChange(change, [4])).toBeNull();
    expect(scopeChange(change, [])).toBeNull();
  });
});

describe('changeSlicesByRegion', () => {
  it('groups touched day × store slices by the store region', () => {
    const stores = [
      { storeKey: 1, storeCode: 'S001', regionId: 1 },
      { storeKey: 2, storeCode: 'S002', regionId: 1 },
      { storeKey: 3, storeCode: 'S003', regionId: 2 },
    ];
    const touched = [
      { dateKey: 20261120, storeKey: 2 },
      { dateKey: 20261119, storeKey: 1 },
      { dateKey: 20261120, storeKey: 1 },
      { dateKey: 20261118, storeKey: 3 },
      { dateKey: 20261118, storeKey: 99 },
    ];
    const day = (key: number) => `${String(key).slice(0, 4)}-${String(key).slice(4, 6)}-${String(key).slice(6)}`;
    expect(changeSlicesByRegion(touched, stores, day)).toEqual([
      { region: 1, dates: ['2026-11-19', '2026-11-20'], stores: ['S001', 'S002'] },
      { region: 2, dates: ['2026-11-18'], stores: ['S003'] },
    ]);
    expect(changeSlicesByRegion([], stores, day)).toEqual([]);
  });
});
