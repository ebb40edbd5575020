// GET /api/stream – Server-Sent Events of gold changes within the caller's regions; resumes from Last-Event-ID.
import { scopedRoute } from '@/lib/auth/scoped-route';
import { changeStreamResponse } from '@/lib/realtime/change-stream-response';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = scopedRoute((req, { scope, db }) => changeStreamResponse(req, db, scope));
