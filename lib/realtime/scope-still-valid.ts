// A stream outlives the request that checked its scope, so an open stream re-checks it now and then and
// ends when it no longer holds; the client's reconnect then meets the normal checks. For a user: admin
// changes (role, regions, deactivation, password) bump the session version. For a share link: revocation,
// expiry, or a sharer who lost a region the stream serves.
import { loadPrincipal } from '@/lib/auth/principal';
import { shareScopeStillValid, type Scope } from '@/lib/auth/scope';

export async function scopeStillValid(scope: Scope): Promise<boolean> {
  if (scope.owner.kind === 'share') return shareScopeStillValid(scope as Scope<typeof scope.owner>);
  const issuedTo = scope.owner.user;
  const current = await loadPrincipal(issuedTo.userId);
  return Boolean(current && current.isActive && current.sessionVersion === issuedTo.sessionVersion);
}
