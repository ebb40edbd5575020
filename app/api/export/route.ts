// GET /api/export?format=csv&… – the detail table of the current view as a streamed CSV (analyst, manager, admin); audited.
import { z } from 'zod';
import { scopedRoute } from '@/lib/auth/scoped-route';
import { clientIp, recordAudit } from '@/lib/audit/record-audit';
import { env } from '@/lib/env';
import { parseDashboardState, serializeDashboardState } from '@/lib/filters/dashboard-state';
import { resolveStateFilters } from '@/lib/filters/resolve-filters';
import { transactionsCsvStream } from '@/lib/export/transactions-csv';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const formatSchema = z.object({ format: z.literal('csv', { message: 'format must be csv' }).default('csv') });

export const GET = scopedRoute(
  async (req, { scope, db }) => {
    formatSchema.parse({ format: req.nextUrl.searchParams.get('format') ?? undefined });
    const state = parseDashboardState(req.nextUrl.searchParams);
    const filters = resolveStateFilters(state, scope, { timeZone: env().REPORTING_TIME_ZONE });
    const user = scope.owner.user;
    await recordAudit(db, {
      action: 'export',
      actor: { id: user.userId, email: user.email },
      target: 'transactions.csv',
      detail: { view: serializeDashboardState(state), regions: [...scope.regions], from: filters.from, to: filters.to },
      ip: clientIp(req.headers),
      userAgent: req.headers.get('user-agent'),
    });
    const filename = `retailwave-transactions-${filters.from}-to-${filters.to}.csv`;
    return new Response(transactionsCsvStream(db, scope, filters, state.sort), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${filename}"`,
        'Cache-Control': 'no-store',
      },
    });
  },
  { permission: 'export' },
);
