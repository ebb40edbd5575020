// Groups the (day, store) slices an ETL batch touched by region: the shape of a change-log entry.

export interface TouchedSlice {
  dateKey: number;
  storeKey: number;
}

export interface StoreOfKey {
  storeKey: number;
  storeCode: string;
  regionId: number;
}

export function changeSlicesByRegion(
  touched: readonly TouchedSlice[],
  stores: readonly StoreOfKey[],
  dayOf: (dateKey: number) => string,
): { region: number; dates: string[]; stores: string[] }[] {
  const storeByKey = new Map(stores.map((s) => [s.storeKey, s]));
  const byRegion = new Map<number, { dates: Set<string>; stores: Set<string> }>();
  for (const slice of touched) {
    const store = storeByKey.get(slice.storeKey);
    if (!store) continue;
    const entry = byRegion.get(store.regionId) ?? { dates: new Set<string>(), stores: new Set<string>() };
    entry.dates.add(dayOf(slice.dateKey));
    entry.stores.add(store.storeCode);
    byRegion.set(store.regionId, entry);
  }
  return [...byRegion.entries()]
    .sort(([a], [b]) => a - b)
    .map(([region, e]) => ({ region, dates: [...e.dates].sort(), stores: [...e.stores].sort() }));
}
