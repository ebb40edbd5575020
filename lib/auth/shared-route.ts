// The wrapper for route handlers under /s/<token>/…: the share token is the caller's only credential. It
// builds the share Scope (lib/auth/scope.ts), checks what the link allows, marks the answer private (with
// its query cache reads in Server-Timing) and answers the contract's errors: unknown link 404, expired /
// revoked / stopped 410.
import type { NextRequest } from 'next/server';
import { getDatabase, type Database } from '@/db/client';
import { AppError, errorResponse, forbidden } from '@/lib/errors';
import { privateResponse } from '@/lib/http/private-response';
import { withServerTiming } from '@/lib/http/server-timing';
import type { Permission } from './roles';
import { scopeCan, scopeFromShare, type ShareScope, type ShareScopeResult } from './scope';

export interface SharedContext {
  scope: ShareScope;
  db: Database;
}

type Handler = (req: NextRequest, ctx: SharedContext) => Promise<Response>;

/** The error a failed share lookup becomes (middleware and pages use the same wording). */
export function shareUnavailable(reason: Exclude<ShareScopeResult, { ok: true }>['reason']): AppError {
  if (reason === 'unknown') return new AppError(404, 'share_not_found', 'This link does not exist. Check that it was copied in full.');
  const why = reason === 'expired' ? 'has expired' : reason === 'revoked' ? 'was revoked by the person who shared it' : 'is no longer available';
  return new AppError(410, `share_${reason}`, `This shared link ${why}. Ask them for a new one.`);
}

export function sharedRoute(handler: Handler, options: { permission: Permission } = { permission: 'view' }) {
  return (req: NextRequest, route: { params: Promise<{ token: string }> }): Promise<Response> => withServerTiming(async () => {
    try {
      const { token } = await route.params;
      const result = await scopeFromShare(token);
      if (!result.ok) throw shareUnavailable(result.reason);
      if (!scopeCan(result.scope, options.permission)) throw forbidden('This link does not allow that.');
      return privateResponse(await handler(req, { scope: result.scope, db: await getDatabase() }));
    } catch (error) {
      return privateResponse(errorResponse(error));
    }
  });
}
