// A change as one caller may see it: only the slices of regions in their scope, so a message never
// names another region, its stores or its days. It carries no change-log id: those count every region's
// changes (the message's SSE id is an opaque one, see event-ids.ts).
import { regionNameOf, type RegionName } from '@/lib/filters/regions';
import type { GoldChange } from './change-log';

export interface ScopedChange {
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
    at: change.at,
    regions,
    dates: [...new Set(slices.flatMap((s) => s.dates))].sort(),
    stores: [...new Set(slices.flatMap((s) => s.stores))].sort(),
  };
}
