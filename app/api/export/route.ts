// GET /api/export?format=csv&… – the detail table of the current view as a streamed CSV (analyst, manager, admin); audited.
import { scopedRoute } from '@/lib/auth/scoped-route';
import { transactionsExportResponse } from '@/lib/export/export-response';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = scopedRoute((req, { scope, db }) => transactionsExportResponse(req, db, scope), { permission: 'export' });
