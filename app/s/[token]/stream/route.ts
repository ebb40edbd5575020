// GET /s/{token}/stream – Server-Sent Events of gold changes within a share link's regions, for its live dashboard.
import { sharedRoute } from '@/lib/auth/shared-route';
import { changeStreamResponse } from '@/lib/realtime/change-stream-response';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = sharedRoute((req, { scope, db }) => changeStreamResponse(req, db, scope));
