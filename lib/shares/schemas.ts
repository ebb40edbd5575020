// What a sharer sends to create a link (POST /api/shares and the Share dialog).
import { z } from 'zod';
import { REGION_NAMES } from '@/lib/filters/regions';

export const SHARE_EXPIRY_PRESETS = [1, 7, 30] as const;
export const MAX_SHARE_DAYS = 365;

export const createShareSchema = z
  .object({
    /** The view to share, as the dashboard's own URL: `/dashboards/sales?from=…`. */
    path: z.string().trim().min(1, 'path is required').max(4000, 'path is too long'),
    /** Days until the link stops working; null for a link that never expires (admins only). */
    expiresInDays: z.number().int('expiresInDays must be a whole number').min(1).max(MAX_SHARE_DAYS).nullable(),
    /** Fewer regions than the sharer's own; omitted means all of them. */
    regions: z.array(z.enum(REGION_NAMES)).min(1, 'choose at least one region').max(REGION_NAMES.length).optional(),
    label: z.string().trim().max(120, 'label is at most 120 characters').default(''),
    allowExport: z.boolean().default(false),
  })
  .strict();

export type CreateShareInput = z.infer<typeof createShareSchema>;

export const shareIdSchema = z.object({ id: z.uuid('not a share link id') });
