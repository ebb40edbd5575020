// The wrapper every data route handler is built with: it refuses cross-site and non-JSON writes (as
// middleware does, in case a route is ever reached without it), verifies the session, builds the Scope,
// checks the permission, marks the answer private, turns every error into the contract's JSON and counts
// its query cache reads in Server-Timing. A handler cannot forget scoping because it never builds a scope itself.
import type { NextRequest } from 'next/server';
import { getDatabase, type Database } from '@/db/client';
import { env } from '@/lib/env';
import { errorResponse, forbidden, passwordChangeRequired, unauthorized } from '@/lib/errors';
import { privateResponse } from '@/lib/http/private-response';
import { withServerTiming } from '@/lib/http/server-timing';
import { checkApiWrite } from '@/lib/http/write-guard';
import type { Permission } from './roles';
import { scopeCan, scopeFromSession, type UserScope } from './scope';
import { readSessionClaims } from './session';

export interface ScopedContext<P> {
  scope: UserScope;
  db: Database;
  params: P;
}

type Handler<P> = (req: NextRequest, ctx: ScopedContext<P>) => Promise<Response>;

export function scopedRoute<P = Record<string, never>>(handler: Handler<P>, options: { permission: Permission } = { permission: 'view' }) {
  return (req: NextRequest, route: { params: Promise<P> }): Promise<Response> => withServerTiming(async () => {
    try {
      const refusal = checkApiWrite(req, env().NEXTAUTH_URL);
      if (refusal) throw refusal;
      const result = await scopeFromSession(await readSessionClaims(req.cookies));
      if (!result.ok) {
        if (result.reason === 'password_change_required') throw passwordChangeRequired();
        throw result.reason === 'no_regions'
          ? forbidden('Your account has no regions yet. Ask an administrator to grant one.')
          : unauthorized();
      }
      if (!scopeCan(result.scope, options.permission)) throw forbidden();
      return privateResponse(await handler(req, { scope: result.scope, db: await getDatabase(), params: await route.params }));
    } catch (error) {
      return privateResponse(errorResponse(error));
    }
  });
}
