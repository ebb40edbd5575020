// A stream outlives the request that checked its scope, so an open stream re-checks it when it hears that
// its user or link changed (scope-watch.ts), and now and then, and ends when it no longer holds; the
// client's reconnect then meets the normal checks. For a user: admin changes (role, regions, deactivation,
// password) and signing out bump the session version. For a share link: revocation, expiry, or a sharer
// who lost a region the stream serves. Read from the database, not the principal cache, so the answer is
// the one the notification announced.
import 'server-only';
import { getDatabase } from '@/db/client';
import { readPrincipal } from '@/lib/auth/principal';
import { shareScopeStillValid, type Scope } from '@/lib/auth/scope';

export async function scopeStillValid(scope: Scope): Promise<boolean> {
  if (scope.owner.kind === 'share') return shareScopeStillValid(scope as Scope<typeof scope.owner>);
  const issuedTo = scope.owner.user;
  const current = await readPrincipal(await getDatabase(), issuedTo.userId);
  return Boolean(
    current &&
      current.isActive &&
      current.sessionVersion === issuedTo.sessionVersion &&
      current.role === issuedTo.role &&
      issuedTo.regionIds.every((id) => current.regionIds.includes(id)),
  );
}
