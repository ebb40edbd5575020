// The detail table of a view as a streamed CSV download, audited. Shared by the signed-in export route and
// the share link export (when the sharer allowed it); the scope decides every row. Everything that can
// refuse the export (format, filters, a store outside the scope, the budget) is asked before the 200
// starts, so a refused export is a JSON error, and is neither audited nor charged.
import 'server-only';
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import type { Database } from '@/db/client';
import { clientIp, recordAudit } from '@/lib/auth/record-audit';
import type { Scope } from '@/lib/auth/scope';
import { env } from '@/lib/env';
import { parseDashboardState, serializeDashboardState } from '@/lib/filters/dashboard-state';
import { scopeFilters } from '@/lib/auth/scoped-filters';
import { listTransactionsAfter } from '@/lib/queries/list-transactions';
import { refundExportAllowance, takeExportAllowance } from './rate-limit';
import { EXPORT_BATCH_SIZE, transactionsCsvStream } from './transactions-csv';

const formatSchema = z.object({ format: z.literal('csv', { message: 'format must be csv' }).default('csv') });

export async function transactionsExportResponse(req: NextRequest, db: Database, scope: Scope): Promise<Response> {
  formatSchema.parse({ format: req.nextUrl.searchParams.get('format') ?? undefined });
  const state = parseDashboardState(req.nextUrl.searchParams);
  const filters = scopeFilters(state, scope, { timeZone: env().REPORTING_TIME_ZONE });
  // Taken before the first read, atomically, so concurrent exports cannot all pass a check at the limit.
  await takeExportAllowance(scope);
  // The query is what refuses stores outside the scope: its first batch is read before the response
  // starts, and an export it refuses gives its allowance back.
  const first = await listTransactionsAfter(db, scope, filters, state.sort, null, EXPORT_BATCH_SIZE).catch(async (error: unknown) => {
    await refundExportAllowance(scope);
    throw error;
  });
  const owner = scope.owner;
  await recordAudit(db, {
    action: 'export',
    actor: owner.kind === 'user' ? { id: owner.user.userId, email: owner.user.email } : null,
    target: 'transactions.csv',
    detail: {
      view: serializeDashboardState(state),
      regions: [...scope.regions],
      from: filters.from,
      to: filters.to,
      ...(owner.kind === 'share' ? { shareId: owner.share.shareId, sharedBy: owner.share.sharer.email } : {}),
    },
    ip: clientIp(req.headers),
    userAgent: req.headers.get('user-agent'),
  });
  const filename = `retailwave-transactions-${filters.from}-to-${filters.to}.csv`;
  return new Response(transactionsCsvStream(db, scope, filters, state.sort, first), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  });
}
