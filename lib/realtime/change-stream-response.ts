// The SSE response for a scope, whoever holds it (a signed-in user at /api/stream, a share link viewer at
// /s/<token>/stream): the scope re-checks itself while the stream is open.
import type { NextRequest } from 'next/server';
import { getDatabaseHandle, type Database } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import { changeFeedFor } from './change-feed';
import { openChangeStream } from './open-change-stream';
import { scopeStillValid } from './scope-still-valid';
import { parseLastEventId, SSE_HEADERS } from './sse-format';

export async function changeStreamResponse(req: NextRequest, db: Database, scope: Scope): Promise<Response> {
  const stream = await openChangeStream({
    db,
    feed: changeFeedFor(await getDatabaseHandle()),
    scope,
    lastEventId: parseLastEventId(req.headers.get('last-event-id'), req.nextUrl.searchParams.get('lastEventId')),
    signal: req.signal,
    stillValid: scopeStillValid,
  });
  return new Response(stream, { headers: SSE_HEADERS });
}
