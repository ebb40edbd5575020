// The browser's side of GET /api/stream: a `change` message parsed at the boundary (the server's shape is
// ScopedChange; the schema is checked against it), and whether a change touches what a page shows.
import { z } from 'zod';
import { REGION_NAMES, type RegionName } from '@/lib/filters/regions';
import type { ScopedChange } from './scoped-change';

export const changeMessageSchema = z.object({
  at: z.string(),
  regions: z.array(z.enum(REGION_NAMES as [RegionName, ...RegionName[]])),
  dates: z.array(z.string()),
  stores: z.array(z.string()),
}) satisfies z.ZodType<ScopedChange>;

export type ChangeMessage = z.infer<typeof changeMessageSchema>;

/** What a page on screen shows: its regions, its days ('any' when it shows latest state such as stock), its stores (none: all). */
export interface LiveWatch {
  regions: readonly string[];
  dates: { from: string; to: string } | 'any';
  stores: readonly string[];
}

/** True when the change names one of the page's regions, a day in its range and (with a store filter) one of its stores. */
export function changeTouches(change: ChangeMessage, watch: LiveWatch): boolean {
  if (!change.regions.some((r) => watch.regions.includes(r))) return false;
  const { dates } = watch;
  if (dates !== 'any' && !change.dates.some((d) => d >= dates.from && d <= dates.to)) return false;
  return watch.stores.length === 0 || change.stores.some((s) => watch.stores.includes(s));
}
