// GET /api/stream – Server-Sent Events of gold changes within the caller's regions; resumes from Last-Event-ID.
import { getDatabaseHandle } from '@/db/client';
import { scopedRoute } from '@/lib/auth/scoped-route';
import { changeFeedFor } from '@/lib/realtime/change-feed';
import { openChangeStream } from '@/lib/realtime/open-change-stream';
import { scopeStillValid } from '@/lib/realtime/scope-still-valid';
import { parseLastEventId, SSE_HEADERS } from '@/lib/realtime/sse-format';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = scopedRoute(async (req, { scope, db }) => {
  const stream = await openChangeStream({
    db,
    feed: changeFeedFor(await getDatabaseHandle()),
    scope,
    lastEventId: parseLastEventId(req.headers.get('last-event-id'), req.nextUrl.searchParams.get('lastEventId')),
    signal: req.signal,
    stillValid: scopeStillValid,
  });
  return new Response(stream, { headers: SSE_HEADERS });
});
