// Creating a share link: the sharer's scope today ∩ the regions they chose is frozen into the link, with
// the view's canonical URL state. The token is returned once; only its hash is stored. Audited in the
// same transaction.
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { recordAudit } from '@/lib/auth/record-audit';
import { scopeCan, type UserScope } from '@/lib/auth/scope';
import { regionIdOf, type RegionName } from '@/lib/filters/regions';
import { clipStateToRegions } from '@/lib/auth/clip-to-scope';
import { AppError, forbidden, forbiddenRegion } from '@/lib/errors';
import { parseDashboardState, serializeDashboardState } from '@/lib/filters/dashboard-state';
import { smallintArray } from '@/db/sql';
import type { CreateShareInput } from './schemas';
import { parseSharedPath } from '@/lib/auth/share-paths';
import { generateShareToken, hashShareToken } from '@/lib/auth/share-token';

export interface CreatedShare {
  id: string;
  /** `/s/<token>`: the only time the token is ever seen. */
  path: string;
  expiresAt: Date | null;
  regions: string[];
}

const DAY_MS = 86_400_000;

export async function createShare(
  db: Database,
  scope: UserScope,
  input: CreateShareInput,
  request: { ip: string | null; userAgent: string | null },
  now: Date = new Date(),
): Promise<CreatedShare> {
  const user = scope.owner.user;
  if (!scopeCan(scope, 'share')) throw forbidden('Your role cannot create share links.');
  if (input.expiresInDays === null && user.role !== 'admin') throw forbidden('Only administrators may create links that never expire.');
  if (input.allowExport && !scopeCan(scope, 'export')) throw forbidden('Your role cannot export, so your links cannot either.');

  const chosen = input.regions ?? scope.regions;
  const outside = chosen.filter((r) => !scope.regions.includes(r));
  if (outside.length > 0) throw forbiddenRegion(`You do not have access to region ${outside.join(', ')}.`);
  const regions = scope.regions.filter((r) => chosen.includes(r));
  const regionIds = regions.map((r) => regionIdOf(r)!);

  const view = parseSharedPath(input.path);
  const query = await narrowToRegions(db, view.query, regions);
  const token = generateShareToken();
  const expiresAt = input.expiresInDays === null ? null : new Date(now.getTime() + input.expiresInDays * DAY_MS);

  const id = await db.transaction(async (tx) => {
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`insert into app.share_links (token_hash, created_by, label, dashboard, query, region_ids, allow_export, created_at, expires_at)
          values (${hashShareToken(token)}, ${user.userId}::uuid, ${input.label}, ${view.dashboard}, ${query},
                  ${smallintArray(regionIds)}, ${input.allowExport}, ${now.toISOString()}::timestamptz, ${expiresAt?.toISOString() ?? null}::timestamptz)
          returning id`,
    );
    if (!row) throw new AppError(500, 'internal_error', 'The link could not be saved.');
    await recordAudit(tx, {
      action: 'share_created',
      actor: { id: user.userId, email: user.email },
      target: row.id,
      detail: { dashboard: view.dashboard, view: query, regions, label: input.label, expiresAt: expiresAt?.toISOString() ?? null, allowExport: input.allowExport },
      ip: request.ip,
      userAgent: request.userAgent,
    });
    return row.id;
  });
  return { id, path: `/s/${token}`, expiresAt, regions };
}

/**
 * The shared view narrowed to the link's regions when it is created: regions, stores and selections
 * outside them are dropped (a filter left with none of its own shows the whole link), so visitors see the
 * view as shared rather than a notice that part of it was removed.
 */
async function narrowToRegions(db: Database, query: string, regions: readonly RegionName[]): Promise<string> {
  const state = parseDashboardState(new URLSearchParams(query));
  const stores = await queryRows<{ store_code: string }>(
    db,
    sql`select store_code from gold.dim_store where region_id = any(${smallintArray(regions.map((r) => regionIdOf(r)!))})`,
  );
  const clip = clipStateToRegions(state, regions, new Set(stores.map((s) => s.store_code)));
  if (clip.removed.length === 0) return query;
  return serializeDashboardState(clip.emptied ? { ...clip.state, regions: [], stores: [] } : clip.state);
}
