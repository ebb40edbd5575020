// The Scope: the regions a caller may see. It is the only key to gold data (every lib/queries export takes
// one), and only this module can make one: from a verified session (and, with share links, from a verified
// share token). Scopes are frozen and registered, so an object that merely looks like a Scope is refused.
import { regionNameOf, type RegionName } from '@/lib/domain/regions';
import { loadPrincipal, type Principal } from './principal';
import type { SessionClaims } from './session';
import type { Permission } from './roles';
import { can } from './roles';

declare const scopeBrand: unique symbol;

export type ScopeOwner = { kind: 'user'; user: Principal };

export interface Scope {
  readonly [scopeBrand]: true;
  /** Region ids, ascending; never empty (a caller with no region gets no scope at all). */
  readonly regionIds: readonly number[];
  readonly regions: readonly RegionName[];
  readonly owner: ScopeOwner;
}

// One registry per process, even when the bundler loads this module once per server layer.
const registry = globalThis as unknown as { [key: symbol]: WeakSet<object> | undefined };
const REGISTRY_KEY = Symbol.for('retailwave.issued-scopes');
const issued = (registry[REGISTRY_KEY] ??= new WeakSet<object>());

function issue(regionIds: readonly number[], owner: ScopeOwner): Scope | null {
  const ids = [...new Set(regionIds)].sort((a, b) => a - b);
  const regions = ids.map(regionNameOf).filter((r): r is RegionName => Boolean(r));
  if (regions.length === 0) return null;
  const scope = Object.freeze({ regionIds: Object.freeze(ids), regions: Object.freeze(regions), owner }) as unknown as Scope;
  issued.add(scope);
  return scope;
}

/** Refuses anything that did not come from this module (a forged or spread copy of a Scope). */
export function assertScope(scope: Scope): void {
  if (!issued.has(scope)) throw new Error('Refusing a scope that was not issued by lib/auth/scope');
}

export type SessionScopeResult = { ok: true; scope: Scope } | { ok: false; reason: 'signed_out' | 'no_regions' };

/** A signed-in user's scope, checked against the database (active, same session version). */
export async function scopeFromSession(claims: SessionClaims | null): Promise<SessionScopeResult> {
  if (!claims) return { ok: false, reason: 'signed_out' };
  const user = await loadPrincipal(claims.sub);
  if (!user || !user.isActive || user.sessionVersion !== claims.sv) return { ok: false, reason: 'signed_out' };
  const scope = issue(user.regionIds, { kind: 'user', user });
  return scope ? { ok: true, scope } : { ok: false, reason: 'no_regions' };
}

/** What the scope's holder may do. */
export function scopeCan(scope: Scope, permission: Permission): boolean {
  return can(scope.owner.user.role, permission);
}
