// The SSE response for a scope, whoever holds it (a signed-in user at /api/stream, a share link viewer at
// /s/<token>/stream): it takes one of the holder's stream slots (429 too_many_streams beyond the cap),
// and ends as soon as the scope stops holding (revoked, deactivated, changed, expired).
import 'server-only';
import type { NextRequest } from 'next/server';
import { getDatabaseHandle, type Database } from '@/db/client';
import { scopeHolder, type Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import { changeFeedFor } from './change-feed';
import { openChangeStream } from './open-change-stream';
import { scopeStillValid } from './scope-still-valid';
import { scopeWatchFor, scopeWatchKeys } from './scope-watch';
import { parseLastEventId, SSE_HEADERS } from './sse-format';
import { acquireStreamLease, STREAMS_PER_HOLDER } from './stream-leases';

export async function changeStreamResponse(req: NextRequest, db: Database, scope: Scope): Promise<Response> {
  const lease = await acquireStreamLease(db, scopeHolder(scope));
  if (!lease.ok) {
    throw new AppError(
      429,
      'too_many_streams',
      `At most ${STREAMS_PER_HOLDER} live connections at once; close another tab or try again in ${lease.retryAfterSeconds} s.`,
      { 'Retry-After': String(lease.retryAfterSeconds) },
    );
  }
  const release = () => void lease.release().catch((error: unknown) => console.error('[stream] releasing a stream slot failed', error));
  try {
    const handle = await getDatabaseHandle();
    const watch = scopeWatchFor(handle);
    const stream = await openChangeStream({
      db,
      feed: changeFeedFor(handle),
      scope,
      lastEventId: parseLastEventId(req.headers.get('last-event-id'), req.nextUrl.searchParams.get('lastEventId')),
      signal: req.signal,
      stillValid: scopeStillValid,
      watch: (onChange) => watch.watch(scopeWatchKeys(scope), onChange),
      endsAt: scope.owner.kind === 'share' ? scope.owner.share.expiresAt : null,
      onClose: release,
    });
    return new Response(stream, { headers: SSE_HEADERS });
  } catch (error) {
    release();
    throw error;
  }
}
