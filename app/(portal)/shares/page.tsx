// Shared links: the caller's own (managers), everyone's (admins), with views, last view, expiry, revoke.
import type { Metadata } from 'next';
import { getDatabase } from '@/db/client';
import { getScope } from '@/lib/auth/page-scope';
import { listShares, type ShareListing } from '@/lib/shares/list-shares';
import { SHARE_DASHBOARD_TITLES } from '@/lib/auth/share-paths';
import { AdminTable, cellClass, EmptyState } from '@/components/admin/admin-table';
import { RevokeShareButton } from '@/components/shares/revoke-share-button';
import { DateTime } from '@/components/ui/date-time';
import { env } from '@/lib/env';

export const metadata: Metadata = { title: 'Shared links' };

const STATUS_STYLE: Record<ShareListing['status'], string> = {
  active: 'bg-emerald-50 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-200',
  expired: 'bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300',
  revoked: 'bg-red-50 text-red-700 dark:bg-red-950 dark:text-red-200',
};

export default async function SharedLinksPage() {
  const scope = await getScope({ permission: 'share', callbackUrl: '/shares' });
  const isAdmin = scope.owner.user.role === 'admin';
  const shares = await listShares(await getDatabase(), scope);
  const timeZone = env().REPORTING_TIME_ZONE;
  const head = ['Link', 'Dashboard', 'Regions', ...(isAdmin ? ['Shared by'] : []), 'Created', 'Expires', 'Views', 'Last viewed', 'Status', ''];
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{isAdmin ? 'All shared links' : 'My shared links'}</h1>
        <p className="text-sm text-slate-500 dark:text-slate-400">
          Read-only views for people without an account. Create one with Share on any dashboard; a revoked or expired link tells its visitors so.
        </p>
      </div>
      {shares.length === 0 ? (
        <EmptyState title="No shared links yet">Open a dashboard, set its filters, and choose Share.</EmptyState>
      ) : (
        <AdminTable caption="Shared links" head={head}>
          {shares.map((s) => (
            <tr key={s.id} data-testid="share-row" data-status={s.status}>
              <td className={`${cellClass} font-medium`}>
                {s.label || <span className="text-slate-500 dark:text-slate-400">Untitled</span>}
                {s.query && <div className="max-w-xs truncate font-mono text-xs font-normal text-slate-500 dark:text-slate-400" title={s.query}>{s.query}</div>}
              </td>
              <td className={cellClass}>{SHARE_DASHBOARD_TITLES[s.dashboard]}{s.allowExport && <div className="text-xs text-slate-500 dark:text-slate-400">CSV export allowed</div>}</td>
              <td className={cellClass}>{s.regions.join(', ')}</td>
              {isAdmin && <td className={cellClass}>{s.createdBy}</td>}
              <td className={`${cellClass} whitespace-nowrap`}><DateTime value={s.createdAt} timeZone={timeZone} /></td>
              <td className={`${cellClass} whitespace-nowrap`}><DateTime value={s.expiresAt} timeZone={timeZone} /></td>
              <td className={`${cellClass} tabular-nums`} data-testid="share-views">{s.viewCount}</td>
              <td className={`${cellClass} whitespace-nowrap`}><DateTime value={s.lastViewedAt} timeZone={timeZone} empty="—" /></td>
              <td className={cellClass}>
                <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[s.status]}`}>{s.status}</span>
              </td>
              <td className={cellClass}>{s.status === 'active' && <RevokeShareButton id={s.id} label={s.label || 'this link'} />}</td>
            </tr>
          ))}
        </AdminTable>
      )}
    </div>
  );
}
