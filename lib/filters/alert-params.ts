// The alert API's parameters, parsed once at the boundary: which alerts to list, which one to acknowledge.
import { z } from 'zod';
import { ALERT_KINDS } from '@/db/schema';

export const ALERT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;

export const listAlertsParamsSchema = z.object({
  kind: z.enum(ALERT_KINDS).optional(),
  /** open: neither acknowledged nor resolved; acknowledged: acknowledged, not resolved; resolved: the stock recovered. */
  status: z.enum(ALERT_STATUSES).default('open'),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
export type ListAlertsParams = z.infer<typeof listAlertsParamsSchema>;

export const alertIdSchema = z.object({ id: z.string().regex(/^[1-9]\d{0,14}$/, 'must be an alert id').transform(Number) });
