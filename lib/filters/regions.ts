// The sales regions, fixed by the product contract and inserted by migration 0003 with these ids.
export const REGIONS = [
  { id: 1, name: 'East' },
  { id: 2, name: 'West' },
  { id: 3, name: 'North' },
  { id: 4, name: 'South' },
  { id: 5, name: 'Central' },
] as const;

export type RegionName = (typeof REGIONS)[number]['name'];
export const REGION_NAMES = REGIONS.map((r) => r.name) as RegionName[];

export function regionIdOf(name: string): number | undefined {
  return REGIONS.find((r) => r.name.toLowerCase() === name.toLowerCase())?.id;
}

export function regionNameOf(id: number): RegionName | undefined {
  return REGIONS.find((r) => r.id === id)?.name;
}
