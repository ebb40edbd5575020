// Open fraud alerts in the caller's regions, newest first: the basket, where, why (the rules that fired)
// and, for those who may, a button to acknowledge it.
import type { Database } from '@/db/client';
import { scopeCan, type Scope } from '@/lib/auth/scope';
import { formatCount } from '@/lib/format';
import { listAlerts } from '@/lib/queries/list-alerts';
import { Card } from '@/components/ui/card';
import { DateTime } from '@/components/ui/date-time';
import { AcknowledgeButton } from './acknowledge-button';
import { SeverityBadge } from './severity-badge';
import { AlertList } from './alert-list';

const SHOWN = 8;

export async function OpenAlertsPanel({ db, scope, timeZone }: { db: Database; scope: Scope; timeZone: string }) {
  const { alerts, total } = await listAlerts(db, scope, { kind: 'fraud', status: 'open', limit: SHOWN });
  const canAcknowledge = scopeCan(scope, 'acknowledge');
  return (
    <Card title="Open fraud alerts" action={<span className="text-xs text-slate-500 dark:text-slate-400" data-testid="fraud-alert-count">{formatCount(total)} open</span>}>
      <AlertList label="Open fraud alerts">
        {alerts.length === 0 ? (
          <p className="py-6 text-center text-sm text-slate-500 dark:text-slate-400">No open fraud alerts.</p>
        ) : (
          <ul className="divide-y divide-slate-100 dark:divide-slate-800" data-testid="fraud-alerts">
            {alerts.map((alert) => (
              <li key={alert.id} className="flex items-start gap-3 py-2" data-testid="fraud-alert" data-subject={alert.subject}>
                <div className="min-w-0 flex-1 space-y-0.5">
                  <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
                    <SeverityBadge severity={alert.severity} />
                    <span className="truncate">{alert.subject}</span>
                    <span className="text-xs font-normal text-slate-500 dark:text-slate-400">
                      {alert.storeCode ? `${alert.storeCode} · ` : ''}{alert.region} ·{' '}
                      <DateTime value={alert.createdAt} timeZone={timeZone} />
                    </span>
                  </p>
                  <p className="text-xs text-slate-600 dark:text-slate-300">{alert.reason}</p>
                </div>
                {canAcknowledge && <AcknowledgeButton alertId={alert.id} label={`fraud alert ${alert.subject}`} />}
              </li>
            ))}
          </ul>
        )}
        {total > alerts.length && (
          <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">Showing the {alerts.length} newest of {formatCount(total)}.</p>
        )}
      </AlertList>
    </Card>
  );
}
