// Counting a link's views. Every view counts; the audit log gets at most one row per link per interval,
// decided atomically in the same update, so a busy or scripted link cannot flood the log.
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { recordAudit } from '@/lib/auth/record-audit';

export const SHARE_VIEW_AUDIT_INTERVAL_MINUTES = 10;

export async function recordShareView(
  db: Database,
  shareId: string,
  request: { ip: string | null; userAgent: string | null },
): Promise<{ audited: boolean }> {
  const [row] = await queryRows<{ audited: boolean }>(
    db,
    sql`with previous as (select last_view_audited_at from app.share_links where id = ${shareId}::uuid for update)
        update app.share_links s
        set view_count = s.view_count + 1,
            last_viewed_at = now(),
            last_view_audited_at = case
              when p.last_view_audited_at is null or p.last_view_audited_at < now() - make_interval(mins => ${SHARE_VIEW_AUDIT_INTERVAL_MINUTES})
              then now() else p.last_view_audited_at end
        from previous p
        where s.id = ${shareId}::uuid
        returning s.last_view_audited_at = now() as audited`,
  );
  const audited = Boolean(row?.audited);
  if (audited) await recordAudit(db, { action: 'share_viewed', target: shareId, ip: request.ip, userAgent: request.userAgent });
  return { audited };
}
