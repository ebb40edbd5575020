// GET /s/{token}/export?format=csv&… – the shared view's detail table as CSV, only when the sharer allowed export; audited.
import { sharedRoute } from '@/lib/auth/shared-route';
import { transactionsExportResponse } from '@/lib/export/export-response';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = sharedRoute((req, { scope, db }) => transactionsExportResponse(req, db, scope), { permission: 'export' });
