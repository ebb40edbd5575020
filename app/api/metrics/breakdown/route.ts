// GET /api/metrics/breakdown?dimension=… – revenue, transactions and units by one dimension, within the caller's scope.
import { z } from 'zod';
import { scopedRoute } from '@/lib/auth/scoped-route';
import { env } from '@/lib/env';
import { scopeFiltersFromParams } from '@/lib/auth/scoped-filters';
import { breakdownDimensionSchema, getBreakdown } from '@/lib/queries/get-breakdown';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({
  dimension: breakdownDimensionSchema,
  limit: z.coerce.number().int().min(1).max(5_000).default(1_000),
});

export const GET = scopedRoute(async (req, { scope, db }) => {
  const params = req.nextUrl.searchParams;
  const { dimension, limit } = paramsSchema.parse({ dimension: params.get('dimension') ?? undefined, limit: params.get('limit') ?? undefined });
  const filters = scopeFiltersFromParams(params, scope, env().REPORTING_TIME_ZONE);
  return Response.json({ rows: await getBreakdown(db, scope, filters, dimension, limit) });
});
