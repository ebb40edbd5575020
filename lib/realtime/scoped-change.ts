// A change as one caller may see it: only the slices of regions in their scope, so a message never
// names another region, its stores or its days.
import { regionNameOf, type RegionName } from '@/lib/domain/regions';
import type { GoldChange } from './change-log';

export interface ScopedChange {
  id: number;
  at: string;
  regions: RegionName[];
  dates: string[];
  stores: string[];
}

/** The part of `change` inside `regionIds`, or null when it touched none of them. */
export function scopeChange(change: GoldChange, regionIds: readonly number[]): ScopedChange | null {
  const allowed = new Set(regionIds);
  const slices = change.slices.filter((s) => allowed.has(s.region));
  if (slices.length === 0) return null;
  const regions = [...new Set(slices.map((s) => s.region))]
    .sort((a, b) => a - b)
    .map(regionNameOf)
    .filter((r): r is RegionName => Boolean(r));
  return {
    id: change.id,
    at: change.at,
    regions,
    dates: [...new Set(slices.flatMap((s) => s.dates))].sort(),
    stores: [...new Set(slices.flatMap((s) => s.stores))].sort(),
  };
}
