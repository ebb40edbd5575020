// Reading one share link, by token hash (a viewer) or by id (its owner, an admin, an open stream).
import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@/db/client';
import type { ShareDashboard } from './share-paths';

export interface ShareRecord {
  id: string;
  createdBy: string;
  label: string;
  dashboard: ShareDashboard;
  query: string;
  regionIds: number[];
  allowExport: boolean;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

type ShareRow = {
  id: string; created_by: string; label: string; dashboard: ShareDashboard; query: string; region_ids: number[];
  allow_export: boolean; created_at: string | Date; expires_at: string | Date | null; revoked_at: string | Date | null;
};

const toDate = (v: string | Date | null) => (v === null ? null : new Date(v));

function toRecord(row: ShareRow): ShareRecord {
  return {
    id: row.id,
    createdBy: row.created_by,
    label: row.label,
    dashboard: row.dashboard,
    query: row.query,
    regionIds: row.region_ids.map(Number),
    allowExport: row.allow_export,
    createdAt: new Date(row.created_at),
    expiresAt: toDate(row.expires_at),
    revokedAt: toDate(row.revoked_at),
  };
}

const COLUMNS = sql`id, created_by, label, dashboard, query, region_ids::int[] as region_ids, allow_export, created_at, expires_at, revoked_at`;

export async function findShareByTokenHash(db: Database, tokenHash: string): Promise<ShareRecord | null> {
  const rows = await queryRows<ShareRow>(db, sql`select ${COLUMNS} from app.share_links where token_hash = ${tokenHash}`);
  return rows[0] ? toRecord(rows[0]) : null;
}

export async function findShareById(db: Database, id: string): Promise<ShareRecord | null> {
  const rows = await queryRows<ShareRow>(db, sql`select ${COLUMNS} from app.share_links where id = ${id}::uuid`);
  return rows[0] ? toRecord(rows[0]) : null;
}
