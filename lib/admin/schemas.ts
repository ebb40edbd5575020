// Inputs of the admin console, parsed once at the boundary (server actions, search params) and passed
// inward typed. Regions travel as names (what the form shows) and become ids in lib/admin.
import { z } from 'zod';
import { isValidDay } from '@/lib/calendar/days';
import { REGION_NAMES, type RegionName } from '@/lib/filters/regions';
import { AUDIT_ACTIONS } from '@/lib/auth/record-audit';
import { ROLES } from '@/lib/auth/roles';

const regionName = z.enum(REGION_NAMES as [RegionName, ...RegionName[]], { error: 'Choose regions from the list.' });
const regionList = z.array(regionName).max(REGION_NAMES.length).transform((list) => [...new Set(list)]);
const role = z.enum(ROLES, { error: 'Choose a role from the list.' });
export const userIdSchema = z.uuid({ error: 'Unknown user.' });

/** Admins see every region, so only the other roles need at least one. */
const needsRegion = (v: { role: string; regions: string[] }) => v.role === 'admin' || v.regions.length > 0;
const NEEDS_REGION = { message: 'Choose at least one region for this role.', path: ['regions'] };

export const createUserSchema = z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email({ error: 'Enter a valid email address.' }).max(254)),
    name: z.string().trim().min(1, 'Enter a name.').max(120, 'Keep the name under 120 characters.'),
    role,
    regions: regionList,
  })
  .refine(needsRegion, NEEDS_REGION);
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const changeRoleSchema = z.object({ userId: userIdSchema, role });
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>;

export const changeRegionsSchema = z.object({
  userId: userIdSchema,
  regions: regionList.refine((list) => list.length > 0, 'Choose at least one region.'),
});
export type ChangeRegionsInput = z.infer<typeof changeRegionsSchema>;

export const setActiveSchema = z.object({ userId: userIdSchema, active: z.enum(['true', 'false']).transform((v) => v === 'true') });
export type SetActiveInput = z.infer<typeof setActiveSchema>;

export const resetPasswordSchema = z.object({ userId: userIdSchema });
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);
const page = z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100_000).default(1));
const day = z.preprocess(emptyToUndefined, z.string().refine(isValidDay, 'expected a day as YYYY-MM-DD').optional());

export const userListQuerySchema = z.object({
  q: z.preprocess(emptyToUndefined, z.string().trim().max(100).optional()),
  role: z.preprocess(emptyToUndefined, role.optional()),
  status: z.preprocess(emptyToUndefined, z.enum(['active', 'inactive']).optional()),
  page,
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;

export const auditQuerySchema = z
  .object({
    action: z.preprocess(emptyToUndefined, z.enum(AUDIT_ACTIONS).optional()),
    actor: z.preprocess(emptyToUndefined, z.string().trim().toLowerCase().max(254).optional()),
    from: day,
    to: day,
    page,
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'The start date must be on or before the end date.', path: ['to'] });
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** A page's search params as single strings (the first of repeated values), ready for the schemas above. */
export function firstSearchValues(params: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) out[key] = first;
  }
  return out;
}
