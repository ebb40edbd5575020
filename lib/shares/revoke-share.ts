// Revoking a link: its owner or an admin, effective on the link's next request (every view re-reads it).
// Someone else's link is "not found", so ids cannot be probed. Revoking twice is not an error.
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import { recordAudit } from '@/lib/auth/record-audit';
import type { UserScope } from '@/lib/auth/scope';
import { notFound } from '@/lib/errors';

export async function revokeShare(
  db: Database,
  scope: UserScope,
  id: string,
  request: { ip: string | null; userAgent: string | null },
): Promise<{ id: string; revokedAt: Date }> {
  const user = scope.owner.user;
  return db.transaction(async (tx) => {
    const [row] = await queryRows<{ id: string; created_by: string; revoked_at: string | Date | null }>(
      tx,
      sql`select id, created_by, revoked_at from app.share_links where id = ${id}::uuid for update`,
    );
    if (!row || (user.role !== 'admin' && row.created_by !== user.userId)) throw notFound('No such share link.');
    if (row.revoked_at) return { id: row.id, revokedAt: new Date(row.revoked_at) };
    const [updated] = await queryRows<{ revoked_at: string | Date }>(
      tx,
      sql`update app.share_links set revoked_at = now(), revoked_by = ${user.userId}::uuid where id = ${id}::uuid returning revoked_at`,
    );
    await recordAudit(tx, { action: 'share_revoked', actor: { id: user.userId, email: user.email }, target: id, ...request });
    return { id: row.id, revokedAt: new Date(updated!.revoked_at) };
  });
}
