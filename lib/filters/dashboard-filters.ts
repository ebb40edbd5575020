// The dashboard filters of the URL (and of every metrics API): one schema parses them for pages and
// route handlers alike. Lists are comma-separated; a missing date range means the last 30 days.
import { z } from 'zod';
import { addDays, daysBetween, isValidDay, todayIn } from '@/lib/calendar/days';
import { REGION_NAMES, regionIdOf, type RegionName } from '@/lib/domain/regions';
import { REPORT_SEGMENTS } from '@/lib/domain/segments';
import { badRequest, forbiddenRegion } from '@/lib/errors';
import type { Scope } from '@/lib/auth/scope';

export const MAX_RANGE_DAYS = 3 * 366;
export const MAX_LIST_ITEMS = 100;
export const DEFAULT_RANGE_DAYS = 30;

const day = z.string().refine(isValidDay, 'expected a calendar day as YYYY-MM-DD');

/** A comma-separated list of values, each validated by `item`; duplicates and blanks dropped. */
function commaList<O extends string>(item: z.ZodType<O, string>) {
  return z
    .string()
    .max(4_000, 'list is too long')
    .optional()
    .transform((s) => [...new Set((s ?? '').split(',').map((v) => v.trim()).filter(Boolean))])
    .pipe(z.array(item).max(MAX_LIST_ITEMS, `at most ${MAX_LIST_ITEMS} values`));
}

const regionName = z
  .string()
  .transform((v) => REGION_NAMES.find((r) => r.toLowerCase() === v.toLowerCase()) ?? v)
  .refine((v): v is RegionName => (REGION_NAMES as string[]).includes(v), { message: `expected one of ${REGION_NAMES.join(', ')}` });

export const dashboardFiltersSchema = z.object({
  from: day.optional(),
  to: day.optional(),
  regions: commaList(regionName),
  stores: commaList(z.string().regex(/^S\d{3,4}$/, 'expected a store code such as S001')),
  categories: commaList(z.string().min(1).max(60).regex(/^[\p{L}\p{N} &'\-/]+$/u, 'unexpected characters in a category')),
  segments: commaList(z.enum(REPORT_SEGMENTS)),
});

export type DashboardFilterInput = z.input<typeof dashboardFiltersSchema>;

/** Filters with the date range filled in and regions checked against (and clipped to) a scope. */
export interface ResolvedFilters {
  from: string;
  to: string;
  regionIds: number[];
  stores: string[];
  categories: string[];
  segments: string[];
}

export type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

export function searchParamsToRecord(params: SearchParamsLike): Record<string, string> {
  const out: Record<string, string> = {};
  if (params instanceof URLSearchParams) {
    for (const [k, v] of params) out[k] = k in out ? `${out[k]},${v}` : v;
  } else {
    for (const [k, v] of Object.entries(params)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(',') : v;
  }
  return out;
}

/**
 * Parses and resolves the filters of a request for a scope. Bad values throw a 400 with a message;
 * a region outside the scope throws 403 forbidden_region; no region filter means all of the scope.
 */
export function resolveFilters(params: SearchParamsLike, scope: Scope, timeZone: string): ResolvedFilters {
  const parsed = dashboardFiltersSchema.parse(searchParamsToRecord(params));
  const to = parsed.to ?? todayIn(timeZone);
  const from = parsed.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  if (from > to) throw badRequest(`from (${from}) must be on or before to (${to})`);
  if (daysBetween(from, to) >= MAX_RANGE_DAYS) throw badRequest(`the date range may span at most ${MAX_RANGE_DAYS} days`);

  const outside = parsed.regions.filter((r) => !scope.regions.includes(r as RegionName));
  if (outside.length > 0) throw forbiddenRegion(`You do not have access to region ${outside.join(', ')}.`);
  const regionIds = parsed.regions.length
    ? parsed.regions.map((r) => regionIdOf(r)!).sort((a, b) => a - b)
    : [...scope.regionIds];

  return { from, to, regionIds, stores: parsed.stores, categories: parsed.categories, segments: parsed.segments };
}
