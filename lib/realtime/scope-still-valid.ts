// A stream outlives the request that checked its scope. Admin changes to a user (role, regions,
// deactivation, password) bump the session version, so an open stream re-checks it now and then and
// ends when it moved: the client's reconnect then meets the normal sign-in checks.
import { loadPrincipal } from '@/lib/auth/principal';
import type { Scope } from '@/lib/auth/scope';

export async function scopeStillValid(scope: Scope): Promise<boolean> {
  const issuedTo = scope.owner.user;
  const current = await loadPrincipal(issuedTo.userId);
  return Boolean(current && current.isActive && current.sessionVersion === issuedTo.sessionVersion);
}
