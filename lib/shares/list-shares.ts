// "My shared links" (everyone's for admins): newest first, with their state as a person would read it.
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import type { UserScope } from '@/lib/auth/scope';
import { regionNameOf } from '@/lib/filters/regions';
import type { ShareDashboard } from '@/lib/auth/share-paths';

export type ShareStatus = 'active' | 'expired' | 'revoked';

export interface ShareListing {
  id: string;
  label: string;
  dashboard: ShareDashboard;
  query: string;
  regions: string[];
  allowExport: boolean;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  viewCount: number;
  lastViewedAt: Date | null;
  status: ShareStatus;
}

const LIMIT = 500;

export async function listShares(db: Database, scope: UserScope, now: Date = new Date()): Promise<ShareListing[]> {
  const user = scope.owner.user;
  const onlyOwn = user.role !== 'admin';
  const rows = await queryRows<{
    id: string; label: string; dashboard: ShareDashboard; query: string; region_ids: number[]; allow_export: boolean;
    created_by: string; created_at: string | Date; expires_at: string | Date | null; revoked_at: string | Date | null;
    view_count: number; last_viewed_at: string | Date | null;
  }>(
    db,
    sql`select s.id, s.label, s.dashboard, s.query, s.region_ids::int[] as region_ids, s.allow_export, u.email as created_by,
          s.created_at, s.expires_at, s.revoked_at, s.view_count, s.last_viewed_at
        from app.share_links s join app.users u on u.id = s.created_by
        where (${!onlyOwn} or s.created_by = ${user.userId}::uuid)
        order by s.created_at desc, s.id
        limit ${LIMIT}`,
  );
  const date = (v: string | Date | null) => (v === null ? null : new Date(v));
  return rows.map((r) => {
    const expiresAt = date(r.expires_at);
    const revokedAt = date(r.revoked_at);
    return {
      id: r.id,
      label: r.label,
      dashboard: r.dashboard,
      query: r.query,
      regions: r.region_ids.map((id) => regionNameOf(Number(id)) ?? String(id)),
      allowExport: r.allow_export,
      createdBy: r.created_by,
      createdAt: new Date(r.created_at),
      expiresAt,
      revokedAt,
      viewCount: Number(r.view_count),
      lastViewedAt: date(r.last_viewed_at),
      status: revokedAt ? 'revoked' : expiresAt && expiresAt <= now ? 'expired' : 'active',
    };
  });
}
