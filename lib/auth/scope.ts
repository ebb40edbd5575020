// The Scope: the regions a caller may see. It is the only key to gold data (every lib/queries export takes
// one), and only this module can make one: from a verified session, or from a verified share token.
// Scopes are frozen and registered, so an object that merely looks like a Scope is refused.
import { getDatabase } from '@/db/client';
import { regionNameOf, type RegionName } from '@/lib/filters/regions';
import { findShareById, findShareByTokenHash, type ShareRecord } from './find-share';
import type { ShareDashboard } from './share-paths';
import { hashShareToken, shareTokenSchema } from './share-token';
import { loadPrincipal, readPrincipal, type Principal } from './principal';
import { principalOfClaims, type SessionClaims } from './session';
import type { Permission } from './roles';
import { can } from './roles';

declare const scopeBrand: unique symbol;

/** What a share link lets its viewer see and do, as of this request. */
export interface ShareGrant {
  shareId: string;
  label: string;
  dashboard: ShareDashboard;
  /** The shared view's URL state, without '?'. */
  query: string;
  allowExport: boolean;
  expiresAt: Date | null;
  /** The person who shared it, as they are now: the link can never show more than they may see today. */
  sharer: Principal;
}

export type UserOwner = { kind: 'user'; user: Principal };
export type ShareOwner = { kind: 'share'; share: ShareGrant };
export type ScopeOwner = UserOwner | ShareOwner;

export interface Scope<Owner extends ScopeOwner = ScopeOwner> {
  readonly [scopeBrand]: true;
  /** Region ids, ascending; never empty (a caller with no region gets no scope at all). */
  readonly regionIds: readonly number[];
  readonly regions: readonly RegionName[];
  readonly owner: Owner;
}

/** A signed-in user's scope: what pages under the portal, admin actions and session routes hold. */
export type UserScope = Scope<UserOwner>;
/** A share link viewer's scope: read-only, frozen by the link, shrunk by the sharer's current regions. */
export type ShareScope = Scope<ShareOwner>;

// One registry per process, even when the bundler loads this module once per server layer.
const registry = globalThis as unknown as { [key: symbol]: WeakSet<object> | undefined };
const REGISTRY_KEY = Symbol.for('retailwave.issued-scopes');
const issued = (registry[REGISTRY_KEY] ??= new WeakSet<object>());

function issue<Owner extends ScopeOwner>(regionIds: readonly number[], owner: Owner): Scope<Owner> | null {
  const ids = [...new Set(regionIds)].sort((a, b) => a - b);
  const regions = ids.map(regionNameOf).filter((r): r is RegionName => Boolean(r));
  if (regions.length === 0) return null;
  const scope = Object.freeze({ regionIds: Object.freeze(ids), regions: Object.freeze(regions), owner }) as unknown as Scope<Owner>;
  issued.add(scope);
  return scope;
}

/** Refuses anything that did not come from this module (a forged or spread copy of a Scope). */
export function assertScope(scope: Scope): void {
  if (!issued.has(scope)) throw new Error('Refusing a scope that was not issued by lib/auth/scope');
}

export type SessionScopeResult =
  | { ok: true; scope: UserScope }
  /** password_change_required: signed in with a password an admin set, which opens nothing until replaced. */
  | { ok: false; reason: 'signed_out' | 'no_regions' | 'password_change_required' };

/** A signed-in user's scope, checked against the database (active, same session version, own password). */
export async function scopeFromSession(claims: SessionClaims | null): Promise<SessionScopeResult> {
  const user = await principalOfClaims(claims);
  if (!user) return { ok: false, reason: 'signed_out' };
  if (user.mustChangePassword) return { ok: false, reason: 'password_change_required' };
  const scope = issue(user.regionIds, { kind: 'user', user });
  return scope ? { ok: true, scope } : { ok: false, reason: 'no_regions' };
}

export type ShareScopeResult =
  | { ok: true; scope: ShareScope }
  /** unknown: no such link (or a malformed token); expired / revoked: by date or by hand; stopped: the sharer was deactivated, lost the share permission or every region of the link. */
  | { ok: false; reason: 'unknown' | 'expired' | 'revoked' | 'stopped' };

/**
 * A share link viewer's scope: the link's frozen regions intersected with the sharer's regions today,
 * checked on every request so that revocation, expiry and changes to the sharer apply at once.
 */
export async function scopeFromShare(token: string, now: Date = new Date()): Promise<ShareScopeResult> {
  if (!shareTokenSchema.safeParse(token).success) return { ok: false, reason: 'unknown' };
  return scopeOfShare(await findShareByTokenHash(await getDatabase(), hashShareToken(token)), now);
}

/**
 * For a stream opened with a share scope: is the link still good for every region the stream serves?
 * Read from the database, not the principal cache: a stream asks right after it hears of a change.
 */
export async function shareScopeStillValid(scope: ShareScope, now: Date = new Date()): Promise<boolean> {
  const db = await getDatabase();
  const current = await scopeOfShare(await findShareById(db, scope.owner.share.shareId), now, (id) => readPrincipal(db, id));
  return current.ok && scope.regionIds.every((id) => current.scope.regionIds.includes(id));
}

async function scopeOfShare(
  share: ShareRecord | null,
  now: Date,
  sharerOf: (userId: string) => Promise<Principal | null> = loadPrincipal,
): Promise<ShareScopeResult> {
  if (!share) return { ok: false, reason: 'unknown' };
  if (share.revokedAt) return { ok: false, reason: 'revoked' };
  if (share.expiresAt && share.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  const sharer = await sharerOf(share.createdBy);
  if (!sharer || !sharer.isActive || !can(sharer.role, 'share')) return { ok: false, reason: 'stopped' };
  const grant: ShareGrant = {
    shareId: share.id,
    label: share.label,
    dashboard: share.dashboard,
    query: share.query,
    allowExport: share.allowExport,
    expiresAt: share.expiresAt,
    sharer,
  };
  const scope = issue(share.regionIds.filter((id) => sharer.regionIds.includes(id)), { kind: 'share', share: grant });
  return scope ? { ok: true, scope } : { ok: false, reason: 'stopped' };
}

/** Who holds the scope, a person or a share link: what per-holder limits count by (live streams, read turns). */
export function scopeHolder(scope: Scope): string {
  const owner = scope.owner;
  return owner.kind === 'user' ? `user:${owner.user.userId}` : `share:${owner.share.shareId}`;
}

/** What the scope's holder may do. A share viewer only looks, and exports when the link allows it. */
export function scopeCan(scope: Scope, permission: Permission): boolean {
  const owner = scope.owner;
  if (owner.kind === 'user') return can(owner.user.role, permission);
  if (permission === 'view') return true;
  return permission === 'export' && owner.share.allowExport && can(owner.share.sharer.role, 'export');
}
